"""Hub expert mode: the review queue, the claimed case's report, the recommendation form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.gui import vocabulary_labels as words
from desktop.gui.viewmodels.hub_review import HubReviewViewModel
from desktop.gui.viewmodels.report import ReportViewModel
from desktop.gui.widgets.report_view import ReportView
from desktop.services.hub_review import RecommendationDraft, ReviewedCase

if TYPE_CHECKING:
    from sync.protocol import ReferralSummary


class HubReviewView(QWidget):
    def __init__(
        self,
        review: HubReviewViewModel,
        report: ReportViewModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view_model = review
        self.report_model = report
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Hub review"))
        title.setObjectName("screenTitle")
        top.addWidget(title, 1)
        self.busy = QLabel()
        self.busy.setObjectName("hint")
        top.addWidget(self.busy)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        queue_box = QGroupBox(self.tr("Review queue (most urgent first)"))
        queue_layout = QVBoxLayout(queue_box)
        self.table = QTableView()
        self.table.setModel(review.queue)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda index: review.claim_and_open(index.row()))
        queue_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        self.refresh_button.clicked.connect(review.refresh)
        self.open_button = QPushButton(self.tr("&Claim and open"))
        self.open_button.clicked.connect(self._open_selected)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        queue_layout.addLayout(buttons)
        splitter.addWidget(queue_box)

        right = QSplitter(Qt.Orientation.Vertical)
        self.report_view = ReportView(report, show_send=False)
        right.addWidget(self.report_view)
        right.addWidget(self._recommendation_form())
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([460, 300])
        splitter.addWidget(right)
        splitter.setSizes([420, 800])
        layout.addWidget(splitter, 1)

        review.busy_changed.connect(self._busy)
        review.case_opened.connect(self._opened)
        review.sent.connect(self._sent)
        review.send_refused.connect(self._refused)
        review.cleared.connect(self._sent)  # signed out: nothing of the case stays
        self._set_form_enabled(False)

    def _recommendation_form(self) -> QWidget:
        box = QGroupBox(self.tr("Recommendation"))
        form = QFormLayout(box)
        self.referral = QLabel()  # what the clinic sent about referral (protocol "Referrals")
        self.referral.setWordWrap(True)
        self.referral.setObjectName("hint")
        form.addRow(self.referral)
        self.mechanisms: dict[str, QComboBox] = {}
        row = QHBoxLayout()
        for mechanism, label in (
            ("nociceptive", self.tr("Nociceptive")),
            ("neuropathic", self.tr("Neuropathic")),
            ("nociplastic", self.tr("Nociplastic")),
        ):
            combo = QComboBox()
            combo.addItem(self.tr("not sure"), None)
            combo.addItem(self.tr("present"), True)
            combo.addItem(self.tr("absent"), False)
            combo.setAccessibleName(label)
            row.addWidget(QLabel(label))
            row.addWidget(combo)
            self.mechanisms[mechanism] = combo
        row.addStretch(1)
        form.addRow(self.tr("Confirmed mechanisms"), row)
        regimen = QWidget()
        grid = QGridLayout(regimen)
        grid.setContentsMargins(0, 0, 0, 0)
        self.regimen: dict[str, QCheckBox] = {}
        for index, (option, label) in enumerate(words.choices(words.TREATMENT_OPTION)):
            check = QCheckBox(label)
            grid.addWidget(check, index // 3, index % 3)
            self.regimen[option] = check
        form.addRow(self.tr("Regimen"), regimen)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("What to do, doses, what to watch for"))
        self.summary.setMinimumHeight(60)
        self.summary.setMaximumHeight(110)
        form.addRow(self.tr("Recommendation and notes"), self.summary)
        self.follow_up = QSpinBox()
        self.follow_up.setRange(0, 365)
        self.follow_up.setSpecialValueText(self.tr("none"))
        self.follow_up.setSuffix(self.tr(" days"))
        self.follow_up.setMaximumWidth(140)
        form.addRow(self.tr("Follow up after"), self.follow_up)
        visit = QHBoxLayout()
        self.visit_needed = QCheckBox(self.tr("On-site visit needed"))
        self.visit_date = QDateEdit(QDate.currentDate().addDays(7))
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_purpose = QLineEdit()
        self.visit_purpose.setPlaceholderText(self.tr("purpose of the visit"))
        visit.addWidget(self.visit_needed)
        visit.addWidget(self.visit_date)
        visit.addWidget(self.visit_purpose, 1)
        form.addRow(self.tr("Visit"), visit)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.send_button = QPushButton(self.tr("&Send recommendation"))
        self.send_button.clicked.connect(self._send)
        form.addRow(self.send_button)
        self.form_box = box
        return box

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.view_model.claim_and_open(rows[0].row())

    def _opened(self, reviewed: ReviewedCase) -> None:
        self.report_model.present(reviewed.report, reviewed.case)
        self._clear_form()
        self.referral.setText(self._referral_text(reviewed.view.referral))
        self._set_form_enabled(True)
        self.summary.setFocus()

    def draft(self) -> RecommendationDraft:
        visit = self.visit_needed.isChecked()
        chosen = self.visit_date.date()
        return RecommendationDraft(
            nociceptive=self.mechanisms["nociceptive"].currentData(),
            neuropathic=self.mechanisms["neuropathic"].currentData(),
            nociplastic=self.mechanisms["nociplastic"].currentData(),
            regimen=[option for option, box in self.regimen.items() if box.isChecked()],  # type: ignore[misc]
            summary=self.summary.toPlainText(),
            follow_up_days=self.follow_up.value() or None,
            visit_date=chosen.toPython() if visit else None,  # type: ignore[arg-type]
            visit_purpose=self.visit_purpose.text(),
        )

    def _send(self) -> None:
        self.error.clear()
        self.view_model.send(self.draft())

    def _referral_text(self, referral: ReferralSummary | None) -> str:
        if referral is None:
            return self.tr("The clinic sent no referral with this version.")
        lines = [
            self.tr("The clinician requested this review.")
            if referral.clinician_requested
            else self.tr("Sent by the clinic without a request for review."),
            self.tr("The clinic's report recommends referral:")
            if referral.recommended
            else self.tr("The clinic's report does not recommend referral."),
        ]
        return "\n".join([*lines, *(f"• {reason}" for reason in referral.reasons)])

    def _sent(self, case_ref: str = "") -> None:
        self.referral.clear()
        self._clear_form()
        self._set_form_enabled(False)

    def _refused(self, error: InvalidInput) -> None:
        self.error.setText("\n".join(f"⚠ {p.path}: {p.rule}" for p in error.problems))

    def _clear_form(self) -> None:
        for combo in self.mechanisms.values():
            combo.setCurrentIndex(0)
        for box in self.regimen.values():
            box.setChecked(False)
        self.summary.clear()
        self.follow_up.setValue(0)
        self.visit_needed.setChecked(False)
        self.visit_purpose.clear()
        self.error.clear()

    def _set_form_enabled(self, enabled: bool) -> None:
        self.form_box.setEnabled(enabled)

    def _busy(self, busy: bool) -> None:
        self.busy.setText(self.tr("Working…") if busy else "")
        self.refresh_button.setEnabled(not busy)
        self.open_button.setEnabled(not busy)
        self.send_button.setEnabled(not busy)
