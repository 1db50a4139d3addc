"""Editor page: who the patient is and what cancer they have."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLineEdit, QWidget

from desktop.gui import vocabulary_labels as words
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import (
    BoundField,
    ChoiceField,
    MultiChoiceField,
    NumberField,
    TextField,
    YesNoField,
)


class PatientPage(ScrollPage):
    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box, form = section(self.tr("Patient"))
        self.name = TextField(editor, "patient.name")
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("Contact"), TextField(editor, "patient.contact"))
        form.addRow(
            "",
            hint(self.tr("Name and contact stay on this computer; they are never sent.")),
        )
        form.addRow(
            self.tr("Pseudonym"),
            TextField(
                editor,
                "patient.pseudonym",
                read_only=True,
                placeholder=self.tr("given when the case is first saved"),
            ),
        )
        form.addRow(self.tr("Birth year"), NumberField(editor, "patient.birth_year", integer=True))
        form.addRow(self.tr("Sex"), ChoiceField(editor, "patient.sex", words.choices(words.SEX)))
        form.addRow(self.tr("Weight"), NumberField(editor, "patient.weight_kg", unit="kg"))
        form.addRow(
            self.tr("Consents to sharing with the hub"),
            YesNoField(editor, "patient.consent_to_share"),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("Cancer"))
        form.addRow(
            self.tr("Primary site"),
            ChoiceField(editor, "cancer.primary_site", words.choices(words.PRIMARY_SITE)),
        )
        form.addRow(
            self.tr("Stage"), ChoiceField(editor, "cancer.stage", words.choices(words.STAGE))
        )
        form.addRow(
            self.tr("Metastases"),
            MultiChoiceField(editor, "cancer.metastases", words.choices(words.METASTASIS)),
        )
        form.addRow(
            self.tr("Perineural invasion"), YesNoField(editor, "cancer.perineural_invasion")
        )
        form.addRow(
            self.tr("Nerve plexus involvement"),
            YesNoField(editor, "cancer.nerve_plexus_involvement"),
        )
        form.addRow(self.tr("Treatments received"), TreatmentsField(editor, "cancer.treatments"))
        self.column.addWidget(box)
        self.finish()
        self.setFocusProxy(self.name)


class TreatmentsField(BoundField):
    """Anticancer treatments as check boxes; agents (chemotherapy) and site (radiotherapy)."""

    def __init__(
        self, editor: CaseEditorViewModel, path: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(editor, path, parent)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        self.agents = QLineEdit()
        self.agents.setPlaceholderText(self.tr("agents, comma-separated (e.g. oxaliplatin)"))
        self.site = QLineEdit()
        self.site.setPlaceholderText(self.tr("site (e.g. spine)"))
        for row, (word, label) in enumerate(words.choices(words.TREATMENT_TYPE)):
            check = QCheckBox(label)
            check.toggled.connect(self._write)
            self.checks[word] = check
            grid.addWidget(check, row, 0)
        grid.addWidget(self.agents, 0, 1)
        grid.addWidget(self.site, 1, 1)
        self.agents.textEdited.connect(self._write)
        self.site.textEdited.connect(self._write)
        self.add_control(holder, 1)
        self.setFocusProxy(self.checks["chemotherapy"])
        self.reload()

    def _write(self, *_: object) -> None:
        treatments: list[dict[str, Any]] = []
        for word, check in self.checks.items():
            if not check.isChecked():
                continue
            entry: dict[str, Any] = {"type": word}
            if word == "chemotherapy":
                agents = [a.strip() for a in self.agents.text().split(",") if a.strip()]
                if agents:
                    entry["agents"] = agents
            if word == "radiotherapy" and self.site.text().strip():
                entry["site"] = self.site.text().strip()
            treatments.append(entry)
        existing = self.editor.value(self.path)
        self.write(treatments if treatments or existing is not None else None)

    def reload(self) -> None:
        value = self.editor.value(self.path)
        entries = [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []
        kinds = {e.get("type") for e in entries}
        agents: list[str] = []
        site = ""
        for entry in entries:
            if entry.get("type") == "chemotherapy":
                agents += [str(a) for a in entry.get("agents") or []]
            if entry.get("type") == "radiotherapy" and entry.get("site"):
                site = str(entry["site"])
        for word, check in self.checks.items():
            with QSignalBlocker(check):
                check.setChecked(word in kinds)
        with QSignalBlocker(self.agents), QSignalBlocker(self.site):
            if [a.strip() for a in self.agents.text().split(",") if a.strip()] != agents:
                self.agents.setText(", ".join(agents))
            if self.site.text().strip() != site:
                self.site.setText(site)
