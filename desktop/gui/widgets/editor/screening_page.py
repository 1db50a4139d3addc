"""Editor page: neuropathic screening checklists (DN4, LANSS) with live totals and cut-offs."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.scales.lanss import LANSS_WEIGHTS
from desktop.gui.score_texts import dn4_text, lanss_text
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import ChoiceField, YesNoField
from desktop.services.case_forms import FormEvaluation


class ScreeningPage(ScrollPage):
    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box, form = section(self.tr("DN4 - interview (items 1-7)"))
        interview = {
            "burning": self.tr("1. Burning"),
            "painful_cold": self.tr("2. Painful cold"),
            "electric_shocks": self.tr("3. Electric shocks"),
            "tingling": self.tr("4. Tingling"),
            "pins_and_needles": self.tr("5. Pins and needles"),
            "numbness": self.tr("6. Numbness"),
            "itching": self.tr("7. Itching"),
        }
        fields = []
        for item, label in interview.items():
            field = YesNoField(editor, f"assessment.dn4.{item}", unknown=self.tr("Not asked"))
            fields.append(field)
            form.addRow(label, field)
        self.column.addWidget(box)

        box, form = section(self.tr("DN4 - examination (items 8-10)"))
        examination = {
            "hypoesthesia_touch": self.tr("8. Hypoesthesia to touch"),
            "hypoesthesia_pinprick": self.tr("9. Hypoesthesia to pinprick"),
            "brushing": self.tr("10. Pain caused or increased by brushing"),
        }
        for item, label in examination.items():
            form.addRow(
                label, YesNoField(editor, f"assessment.dn4.{item}", unknown=self.tr("Not examined"))
            )
        self.dn4_total = _total_label()
        self.dn4_interview_total = _total_label()
        form.addRow(self.tr("DN4 total"), self.dn4_total)
        form.addRow(self.tr("DN4 interview"), self.dn4_interview_total)
        form.addRow(
            "",
            hint(
                self.tr(
                    "One point per yes. A screening aid for a neuropathic component, "
                    "not a diagnosis."
                )
            ),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("LANSS"))
        form.addRow(
            self.tr("Form"),
            ChoiceField(
                editor, "assessment.lanss.form", [("LANSS", "LANSS"), ("S-LANSS", "S-LANSS")]
            ),
        )
        lanss = {
            "dysaesthesia": self.tr("Strange, unpleasant sensations (pricking, tingling)"),
            "autonomic": self.tr("Skin looks different (mottled, red, pink)"),
            "evoked": self.tr("Abnormally sensitive to touch"),
            "paroxysmal": self.tr("Sudden bursts of pain for no apparent reason"),
            "thermal": self.tr("Skin temperature feels abnormal (hot, burning)"),
            "allodynia": self.tr("Examination: pain on light stroking (allodynia)"),
            "pinprick": self.tr("Examination: altered pinprick threshold"),
        }
        for item, label in lanss.items():
            weight = LANSS_WEIGHTS[item]
            form.addRow(
                f"{label} ({weight})",
                YesNoField(editor, f"assessment.lanss.{item}", unknown=self.tr("Not asked")),
            )
        self.lanss_total = _total_label()
        form.addRow(self.tr("LANSS total"), self.lanss_total)
        form.addRow("", hint(self.tr("The points of each item are shown in brackets; total 0-24.")))
        self.column.addWidget(box)
        self.finish()
        self.setFocusProxy(fields[0])
        editor.evaluated.connect(self._show_totals)
        self._show_totals(editor.evaluation)

    def _show_totals(self, evaluation: FormEvaluation) -> None:
        derived = evaluation.derived
        if derived is None:
            for label in (self.dn4_total, self.dn4_interview_total, self.lanss_total):
                label.setText("—")
            return
        self.dn4_total.setText(dn4_text(derived.dn4))
        self.dn4_interview_total.setText(dn4_text(derived.dn4_interview))
        self.lanss_total.setText(lanss_text(derived.lanss))


def _total_label() -> QLabel:
    label = QLabel("—")
    label.setObjectName("scoreTotal")
    label.setWordWrap(True)
    return label
