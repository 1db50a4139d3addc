"""The case being edited: its document, live scores, problems by field, drafts, saving.

Every field widget reads and writes one path of the document (``assessment.nrs.worst``).
Each change re-evaluates the document (coalesced to once per event-loop turn): the
scores are derived live and each validation problem is published with its path, so the
form shows it at the field. Changes are autosaved as an encrypted draft (store thread)
after a short pause, and at the latest ``max_draft_delay_ms`` after the first unsaved
change, so a crash loses at most a few seconds of typing; on lock the draft is flushed
before the store closes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain.case import Case
from desktop.domain.case_parsing import dump_case
from desktop.domain.errors import InvalidInput
from desktop.domain.settings import ClinicalSettings
from desktop.gui.messages import MessageBridge
from desktop.gui.store_thread import StoreThread
from desktop.services.case_forms import (
    FormEvaluation,
    evaluate_document,
    get_value,
    new_case_document,
    remove_path,
    save_document,
    set_value,
)
from desktop.services.cases import CaseRecord, SavedCase
from desktop.services.drafts import new_draft_id
from desktop.services.session import ClinicSession
from desktop.store import StoredDraft


class CaseEditorViewModel(QObject):
    opened = Signal()  # a document was loaded, restored or created: rebuild from it
    closed = Signal()  # nothing is being edited (after lock)
    value_changed = Signal(str)  # path
    structure_changed = Signal(str)  # a list (e.g. "medications") gained or lost an item
    evaluated = Signal(object)  # FormEvaluation
    dirty_changed = Signal(bool)
    draft_saved = Signal()
    saving_changed = Signal(bool)
    saved = Signal(object, object)  # SavedCase, Case
    save_refused = Signal(object)  # InvalidInput: nothing stored

    def __init__(
        self,
        store: StoreThread,
        messages: MessageBridge,
        settings: Callable[[], ClinicalSettings],
        *,
        today: Callable[[], date] = date.today,
        autosave_delay_ms: int = 1_500,
        max_draft_delay_ms: int = 10_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._messages = messages
        self._settings = settings
        self._today = today
        self._document: dict[str, Any] = {}
        self._case_id: str | None = None
        self._base_version: int | None = None
        self._draft_id = new_draft_id()
        self._is_open = False
        self._dirty = False
        self._saving = False
        self._evaluation = FormEvaluation(None, None, (), partial=False)  # nothing open
        self._evaluate_soon = self._single_shot(0, self._evaluate)
        self._autosave = self._single_shot(autosave_delay_ms, self.flush_draft)
        self._autosave_deadline = self._single_shot(max_draft_delay_ms, self.flush_draft)

    def _single_shot(self, interval: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # --- what is being edited -------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._is_open

    @property
    def case_id(self) -> str | None:
        return self._case_id

    @property
    def base_version(self) -> int | None:
        return self._base_version

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def saving(self) -> bool:
        return self._saving

    @property
    def evaluation(self) -> FormEvaluation:
        return self._evaluation

    @property
    def document(self) -> dict[str, Any]:
        """A copy of the document as typed so far."""
        return copy.deepcopy(self._document)

    def title(self) -> str:
        if not self._is_open:
            return self.tr("No case open")
        pseudonym = get_value(self._document, "patient.pseudonym")
        name = get_value(self._document, "patient.name")
        parts = [str(part) for part in (pseudonym, name) if part]
        return " - ".join(parts) if parts else self.tr("New case (not saved yet)")

    # --- opening --------------------------------------------------------------------------

    def new_case(self) -> None:
        self._open(new_case_document(self._today()), case_id=None, base_version=None)

    def load_case(self, case_id: str, done: Callable[[], None] | None = None) -> None:
        """Open the latest version of a stored case (the view is audited as case.viewed)."""

        def opened(record: CaseRecord) -> None:
            self._open(record.document, case_id=record.case_id, base_version=record.version)
            if done is not None:
                done()

        self._store.call(
            lambda session: session.cases.show_case(case_id),
            opened,
            self._messages.report,
            context=self,
        )

    def restore_draft(self, draft: StoredDraft) -> None:
        """Continue an autosaved draft (crash or lock recovery)."""
        self._open(
            draft.document,
            case_id=draft.case_id,
            base_version=draft.base_version,
            draft_id=draft.draft_id,
        )
        self._set_dirty(True)

    def _open(
        self,
        document: dict[str, Any],
        *,
        case_id: str | None,
        base_version: int | None,
        draft_id: str | None = None,
    ) -> None:
        if self._dirty and self._is_open:
            self.flush_draft()  # the case being left keeps its unsaved changes as a draft
        self._stop_autosave()
        self._document = copy.deepcopy(document)
        self._case_id = case_id
        self._base_version = base_version
        self._draft_id = draft_id or new_draft_id()
        self._is_open = True
        self._set_dirty(False)
        self._evaluate()
        self.opened.emit()

    # --- editing --------------------------------------------------------------------------

    def value(self, path: str) -> Any:
        return get_value(self._document, path)

    def set_value(self, path: str, value: Any) -> None:
        if not self._is_open or get_value(self._document, path) == value:
            return
        set_value(self._document, path, value)
        self._changed()
        self.value_changed.emit(path)

    def items(self, list_path: str) -> list[Any]:
        value = get_value(self._document, list_path)
        return list(value) if isinstance(value, list) else []

    def add_item(self, list_path: str, item: dict[str, Any] | None = None) -> int:
        """Append an item to a list (medications, follow-ups); returns its index."""
        index = len(self.items(list_path))
        set_value(self._document, f"{list_path}[{index}]", copy.deepcopy(item or {}))
        self._changed()
        self.structure_changed.emit(list_path)
        return index

    def remove_item(self, list_path: str, index: int) -> None:
        if 0 <= index < len(self.items(list_path)):
            remove_path(self._document, f"{list_path}[{index}]")
            self._changed()
            self.structure_changed.emit(list_path)

    def problems_text(self, path: str) -> str:
        """The rules broken at ``path`` (one per line), or "" when the field is fine."""
        return "\n".join(p.rule for p in self._evaluation.problems_at(path) if p.path == path)

    def _changed(self) -> None:
        self._set_dirty(True)
        self._evaluate_soon.start()
        self._autosave.start()
        if not self._autosave_deadline.isActive():
            self._autosave_deadline.start()

    def _evaluate(self) -> None:
        self._evaluation = evaluate_document(self._document, self._settings())
        self.evaluated.emit(self._evaluation)

    def reevaluate(self) -> None:
        """Scores again under changed clinical settings."""
        if self._is_open:
            self._evaluate()

    # --- drafts and saving ----------------------------------------------------------------

    def flush_draft(self) -> None:
        """Autosave now (the timers call this; lock calls it before closing the store)."""
        self._stop_autosave()
        if not (self._is_open and self._dirty) or self._saving:
            return
        draft_id, document = self._draft_id, copy.deepcopy(self._document)
        case_id, base_version = self._case_id, self._base_version

        def save(session: ClinicSession) -> object:
            return session.drafts.save(
                draft_id, document, case_id=case_id, base_version=base_version
            )

        self._store.call(
            save, lambda _: self.draft_saved.emit(), self._messages.report, context=self
        )

    def save(self) -> None:
        """Store the next version of the case (nothing is stored if a field is invalid)."""
        if not self._is_open or self._saving:
            return
        self._evaluate()
        if not self._evaluation.valid:
            self.save_refused.emit(InvalidInput(self._evaluation.problems))
            return
        self._stop_autosave()
        self._set_saving(True)
        self._set_dirty(False)  # what is typed from now on is a new change
        draft_id, document = self._draft_id, copy.deepcopy(self._document)

        def save(session: ClinicSession) -> tuple[SavedCase, Case]:
            result = save_document(session.cases, document)
            session.drafts.discard(draft_id)
            return result

        self._store.call(save, self._on_saved, self._on_save_failed, context=self)

    def discard_changes(self) -> None:
        """Forget unsaved changes: reload the stored version, or close a new case."""
        draft_id = self._draft_id
        self._store.call(
            lambda session: session.drafts.discard(draft_id),
            None,
            self._messages.report,
            context=self,
        )
        if self._case_id is not None:
            self.load_case(self._case_id)
        else:
            self.close()

    def close(self) -> None:
        """Forget the document (on lock, after the draft was flushed)."""
        self._stop_autosave()
        self._evaluate_soon.stop()
        self._document = {}
        self._case_id = None
        self._base_version = None
        self._is_open = False
        self._set_dirty(False)
        self._set_saving(False)
        self._evaluation = FormEvaluation(None, None, (), partial=False)
        self.closed.emit()
        self.evaluated.emit(self._evaluation)

    def _on_saved(self, result: tuple[SavedCase, Case]) -> None:
        saved, case = result
        self._set_saving(False)
        self._open(
            dump_case(case), case_id=saved.case_id, base_version=saved.version, draft_id=None
        )
        self.saved.emit(saved, case)

    def _on_save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self._set_dirty(True)
        self._autosave.start()
        if isinstance(error, InvalidInput):
            self.save_refused.emit(error)
        else:
            self._messages.report(error)

    def _stop_autosave(self) -> None:
        self._autosave.stop()
        self._autosave_deadline.stop()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _set_saving(self, saving: bool) -> None:
        if saving != self._saving:
            self._saving = saving
            self.saving_changed.emit(saving)
