"""Editor page: comorbidities (organ function, conditions) and pharmacogenomics."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.gui import vocabulary_labels as words
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.form import ScrollPage, hint, section
from desktop.gui.widgets.fields import ChoiceField, NumberField, YesNoField


class ClinicalPage(ScrollPage):
    def __init__(self, editor: CaseEditorViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box, form = section(self.tr("Kidney and liver"))
        self.egfr = NumberField(editor, "comorbidities.egfr", unit="mL/min/1.73 m²")
        form.addRow(self.tr("eGFR"), self.egfr)
        form.addRow(
            self.tr("Creatinine clearance"),
            NumberField(editor, "comorbidities.creatinine_clearance", unit="mL/min"),
        )
        form.addRow(
            self.tr("Serum creatinine"),
            NumberField(editor, "comorbidities.serum_creatinine_mg_dl", unit="mg/dL"),
        )
        form.addRow(
            self.tr("Serum creatinine (SI)"),
            NumberField(editor, "comorbidities.serum_creatinine_umol_l", unit="µmol/L"),
        )
        form.addRow("", hint(self.tr("Give serum creatinine in one unit only.")))
        form.addRow(self.tr("Haemodialysis"), YesNoField(editor, "comorbidities.haemodialysis"))
        form.addRow(
            self.tr("Hepatic impairment"), YesNoField(editor, "comorbidities.hepatic_impairment")
        )
        self.column.addWidget(box)

        box, form = section(self.tr("Heart, blood and other conditions"))
        form.addRow(self.tr("QTc"), NumberField(editor, "comorbidities.qtc_ms", unit="ms"))
        form.addRow(
            self.tr("Platelets"), NumberField(editor, "comorbidities.platelets", unit="×10⁹/L")
        )
        form.addRow(
            self.tr("History of GI bleeding"), YesNoField(editor, "comorbidities.gi_bleed_history")
        )
        form.addRow(self.tr("Heart failure"), YesNoField(editor, "comorbidities.heart_failure"))
        form.addRow(self.tr("Diabetes"), YesNoField(editor, "comorbidities.diabetes"))
        form.addRow(
            self.tr("Respiratory disease"),
            YesNoField(editor, "comorbidities.respiratory_disease"),
        )
        self.column.addWidget(box)

        box, form = section(self.tr("Pharmacogenomics (when a lab result exists)"))
        form.addRow(
            "CYP2D6", ChoiceField(editor, "pharmacogenomics.CYP2D6", words.choices(words.CYP2D6))
        )
        form.addRow(
            self.tr("CYP2D6 activity score"),
            NumberField(editor, "pharmacogenomics.CYP2D6_activity_score"),
        )
        form.addRow(
            "CYP2C9", ChoiceField(editor, "pharmacogenomics.CYP2C9", words.choices(words.CYP2C9))
        )
        form.addRow(
            self.tr("CYP2C9 activity score"),
            NumberField(editor, "pharmacogenomics.CYP2C9_activity_score"),
        )
        form.addRow(
            "OPRM1 A118G",
            ChoiceField(editor, "pharmacogenomics.OPRM1_A118G", words.choices(words.OPRM1)),
        )
        form.addRow(
            "COMT Val158Met",
            ChoiceField(editor, "pharmacogenomics.COMT_val158met", words.choices(words.COMT)),
        )
        self.column.addWidget(box)
        self.finish()
        self.setFocusProxy(self.egfr)
