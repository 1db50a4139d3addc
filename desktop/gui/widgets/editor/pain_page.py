"""Editor page: the pain assessment (date, NRS, BPI interference, pattern, mood, notes)."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from desktop.gui.score_texts import nrs_note
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import DateField, NotesField, NumberField, ScaleField, YesNoField

BPI_ITEMS = (
    "general_activity",
    "mood",
    "walking",
    "work",
    "relations",
    "sleep",
    "enjoyment",
)


class PainPage(ScrollPage):
    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box, form = section(self.tr("Assessment"))
        self.date = DateField(editor, "assessment.date")
        form.addRow(self.tr("Assessment &date"), self.date)
        self.column.addWidget(box)

        box, form = section(self.tr("Pain intensity, last 24 hours (NRS 0-10)"))
        nrs_labels = {
            "worst": self.tr("&Worst"),
            "least": self.tr("Least"),
            "average": self.tr("Average"),
            "now": self.tr("Right now"),
        }
        for item, label in nrs_labels.items():
            field = ScaleField(editor, f"assessment.nrs.{item}", note=partial(nrs_note, item=item))
            form.addRow(label, field)
        form.addRow(
            "",
            hint(self.tr("0 = no pain, 10 = pain as bad as you can imagine (BPI-SF items 3-6).")),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("How much pain interfered, last 24 hours (BPI 0-10)"))
        bpi_labels = {
            "general_activity": self.tr("General activity"),
            "mood": self.tr("Mood"),
            "walking": self.tr("Walking ability"),
            "work": self.tr("Normal work"),
            "relations": self.tr("Relations with other people"),
            "sleep": self.tr("Sleep"),
            "enjoyment": self.tr("Enjoyment of life"),
        }
        for item in BPI_ITEMS:
            form.addRow(bpi_labels[item], ScaleField(editor, f"assessment.bpi_interference.{item}"))
        form.addRow(
            self.tr("Relief from treatment"),
            NumberField(editor, "assessment.bpi_relief_percent", unit="%", integer=True),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("Pain pattern"))
        form.addRow(self.tr("Widespread"), YesNoField(editor, "assessment.pattern.widespread"))
        form.addRow(
            self.tr("Related to movement"),
            YesNoField(editor, "assessment.pattern.movement_related"),
        )
        form.addRow(self.tr("Localized"), YesNoField(editor, "assessment.pattern.localized"))
        form.addRow(
            self.tr("Breakthrough episodes"),
            NumberField(
                editor,
                "assessment.pattern.breakthrough_per_day",
                unit=self.tr("per day"),
                integer=True,
            ),
        )
        form.addRow(
            self.tr("Duration"),
            NumberField(editor, "assessment.pattern.duration_months", unit=self.tr("months")),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("Mood and sleep"))
        form.addRow(
            self.tr("PHQ-2 total"),
            NumberField(editor, "assessment.psychosocial.phq2", unit="/ 6", integer=True),
        )
        form.addRow(
            self.tr("GAD-2 total"),
            NumberField(editor, "assessment.psychosocial.gad2", unit="/ 6", integer=True),
        )
        form.addRow(
            self.tr("Sleep disturbance"),
            YesNoField(editor, "assessment.psychosocial.sleep_disturbance"),
        )
        form.addRow(self.tr("Fatigue"), YesNoField(editor, "assessment.psychosocial.fatigue"))
        self.column.addWidget(box)

        box, form = section(self.tr("Notes"))
        form.addRow(NotesField(editor, "assessment.notes"))
        self.column.addWidget(box)
        self.finish()
        self.setFocusProxy(self.date)
