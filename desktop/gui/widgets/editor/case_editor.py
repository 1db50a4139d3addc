"""The case editor screen: tabs of the case form, live scores, save and assess."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.errors import InvalidInput
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.gui.widgets.editor.clinical_page import ClinicalPage
from desktop.gui.widgets.editor.medications_page import MedicationsPage
from desktop.gui.widgets.editor.pain_page import PainPage
from desktop.gui.widgets.editor.patient_page import PatientPage
from desktop.gui.widgets.editor.scores_panel import ScoresPanel
from desktop.gui.widgets.editor.screening_page import ScreeningPage
from desktop.gui.widgets.fields import BoundField

#: Which tab holds the fields under each path prefix (most specific first).
TAB_OF_PATH = (
    ("assessment.dn4", 2),
    ("assessment.lanss", 2),
    ("assessment", 1),
    ("patient", 0),
    ("cancer", 0),
    ("medications", 3),
    ("comorbidities", 4),
    ("pharmacogenomics", 4),
)


class CaseEditorView(QWidget):
    patient: PatientPage
    pain: PainPage
    screening: ScreeningPage
    medications: MedicationsPage
    clinical: ClinicalPage

    def __init__(
        self,
        editor: CaseEditorViewModel,
        parent: QWidget | None = None,
        *,
        build_pages: bool = True,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.state = QLabel()
        self.state.setObjectName("hint")
        header.addWidget(self.title, 1)
        header.addWidget(self.state)
        layout.addLayout(header)

        self.tabs = QTabWidget()
        # Built one at a time (build_next_page), so the window can open before all of
        # them exist; build_all_pages() finishes the job at once when needed.
        self._pending_pages: list[Callable[[], None]] = [
            lambda: self._add_page("patient", PatientPage, self.tr("&1 Patient and cancer")),
            lambda: self._add_page("pain", PainPage, self.tr("&2 Pain")),
            lambda: self._add_page("screening", ScreeningPage, self.tr("&3 Neuropathic screening")),
            lambda: self._add_page("medications", MedicationsPage, self.tr("&4 Medications")),
            lambda: self._add_page(
                "clinical", ClinicalPage, self.tr("&5 Comorbidities and genetics")
            ),
        ]
        if build_pages:
            self.build_all_pages()
        self.scores = ScoresPanel(editor)
        self.scores.problem_activated.connect(self.show_field)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.scores)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([820, 280])
        layout.addWidget(splitter, 1)

        buttons = QHBoxLayout()
        self.discard_button = QPushButton(self.tr("Discard changes"))
        self.discard_button.clicked.connect(editor.discard_changes)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save a new version of the case (Ctrl+S)"))
        self.save_button.clicked.connect(editor.save)
        self.assess_button = QPushButton(self.tr("Save and &assess"))
        self.assess_button.setToolTip(self.tr("Save, then show the report (Ctrl+Return)"))
        self.assess_button.setDefault(True)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.assess_button)
        layout.addLayout(buttons)

        editor.opened.connect(self._refresh_header)
        editor.closed.connect(self._refresh_header)
        editor.dirty_changed.connect(self._refresh_header)
        editor.saving_changed.connect(self._refresh_header)
        editor.value_changed.connect(self._title_may_change)
        editor.draft_saved.connect(self._draft_saved)
        editor.save_refused.connect(self._save_refused)
        self._refresh_header()

    def build_next_page(self) -> bool:
        """Build one more tab page; False when all of them exist."""
        if self._pending_pages:
            self._pending_pages.pop(0)()
        return bool(self._pending_pages)

    def build_all_pages(self) -> None:
        while self.build_next_page():
            pass

    def _add_page(
        self, name: str, page_type: Callable[[CaseEditorViewModel], QWidget], title: str
    ) -> None:
        page = page_type(self.editor)
        setattr(self, name, page)
        self.tabs.addTab(page, title)

    def show_field(self, path: str) -> None:
        """Bring the tab holding ``path`` forward and put the cursor in its field."""
        for prefix, tab in TAB_OF_PATH:
            if path == prefix or path.startswith((prefix + ".", prefix + "[")):
                self.tabs.setCurrentIndex(tab)
                page = self.tabs.widget(tab)
                if page is None:
                    return
                for field in page.findChildren(BoundField):
                    if field.path == path or path.startswith(field.path + "."):
                        field.setFocus(Qt.FocusReason.OtherFocusReason)
                        return
                return

    def _title_may_change(self, path: str) -> None:
        if path.startswith("patient."):
            self._refresh_header()

    def _refresh_header(self, *_: object) -> None:
        editor = self.editor
        self.title.setText(editor.title())
        if editor.saving:
            self.state.setText(self.tr("Saving…"))
        elif editor.dirty:
            self.state.setText(self.tr("Unsaved changes (kept as a draft)"))
        elif editor.base_version is not None:
            self.state.setText(
                self.tr("Saved as version %1").replace("%1", str(editor.base_version))
            )
        else:
            self.state.setText("")
        self.save_button.setEnabled(editor.is_open and not editor.saving)
        self.assess_button.setEnabled(editor.is_open and not editor.saving)

    def _draft_saved(self) -> None:
        if self.editor.dirty:
            time = QTime.currentTime().toString("HH:mm")
            self.state.setText(self.tr("Unsaved changes - draft kept at %1").replace("%1", time))

    def _save_refused(self, error: InvalidInput) -> None:
        self.state.setText(
            self.tr("Not saved: %n field(s) need attention", "", len(error.problems))
        )
        if error.problems:
            self.show_field(error.problems[0].path)
