"""Follow-up of the open case: enter a follow-up, see the trajectory and responder status.

Follow-ups are part of the case document (``follow_ups[i]``), so entering one edits the
case in the editor's view model and "save and re-assess" stores a new version and
composes a new report that shows the changes since the previous one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop.domain.derived import FollowUpResponse
from desktop.domain.not_computable_texts import reason_text
from desktop.domain.scales.immpact import ImmpactResponse
from desktop.domain.texts import Term
from desktop.domain.trajectory import TrajectoryPoint, build_trajectory
from desktop.gui.clinical_texts import show_arg
from desktop.gui.i18n import translate
from desktop.gui.viewmodels.case_editor import CaseEditorViewModel
from desktop.services.case_forms import FormEvaluation

LIST_PATH = "follow_ups"


def responder_label(label: str) -> str:
    return {
        "substantial": translate("FollowUp", "substantial responder (≥ 50 % less pain)"),
        "moderate": translate("FollowUp", "moderate responder (≥ 30 % less pain)"),
        "non_responder": translate("FollowUp", "non-responder (< 30 % less pain)"),
        "worsened": translate("FollowUp", "pain worse than at baseline"),
        "not_evaluable": translate("FollowUp", "not evaluable"),
    }.get(label, label)


def responder_line(response: FollowUpResponse) -> str:
    when = response.date.isoformat() if response.date else translate("FollowUp", "no date")
    head = (
        translate("FollowUp", "Follow-up %1 (%2)")
        .replace("%1", str(response.index + 1))
        .replace("%2", when)
    )
    primary = response.primary
    if not isinstance(primary, ImmpactResponse):
        return (
            translate("FollowUp", "%1: %2")
            .replace("%1", head)
            .replace(
                "%2",
                translate("FollowUp", "responder status not computable: %1").replace(
                    "%1", show_arg(reason_text(primary.reason))
                ),
            )
        )
    item = show_arg(Term(term=primary.item))
    if primary.percent_change is None:
        text = translate("FollowUp", "%1 pain %2 → %3: %5")
    else:
        text = translate("FollowUp", "%1 pain %2 → %3 (%4 %): %5").replace(
            "%4", f"{-primary.percent_change:+.0f}"
        )
    text = (
        text.replace("%1", item)
        .replace("%2", str(primary.baseline))
        .replace("%3", str(primary.follow_up))
        .replace("%5", responder_label(primary.label))
    )
    if primary.reason:
        text = (
            translate("FollowUp", "%1 - %2")
            .replace("%1", text)
            .replace("%2", show_arg(reason_text(primary.reason)))
        )
    return translate("FollowUp", "%1: %2 (IMMPACT)").replace("%1", head).replace("%2", text)


class FollowUpViewModel(QObject):
    selection_changed = Signal(int)  # index of the follow-up being edited, -1 for none
    trajectory_changed = Signal(object)  # tuple[TrajectoryPoint, ...]

    def __init__(
        self,
        editor: CaseEditorViewModel,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self._today = today
        self._selected = -1
        self._trajectory: tuple[TrajectoryPoint, ...] = ()
        editor.opened.connect(self._opened)
        editor.closed.connect(self._opened)
        editor.structure_changed.connect(self._structure_changed)
        editor.evaluated.connect(self._evaluated)
        self._evaluated(editor.evaluation)

    @property
    def selected(self) -> int:
        return self._selected

    @property
    def trajectory(self) -> tuple[TrajectoryPoint, ...]:
        return self._trajectory

    def count(self) -> int:
        return len(self.editor.items(LIST_PATH))

    def select(self, index: int) -> None:
        index = index if 0 <= index < self.count() else -1
        if index != self._selected:
            self._selected = index
            self.selection_changed.emit(index)

    def new_follow_up(self) -> int:
        """Add a follow-up dated today and select it."""
        index = self.editor.add_item(LIST_PATH, {"date": self._today().isoformat()})
        self.select(index)
        return index

    def remove_selected(self) -> None:
        if self._selected >= 0:
            self.editor.remove_item(LIST_PATH, self._selected)

    def responder_lines(self) -> list[str]:
        derived = self.editor.evaluation.derived
        if derived is None:
            return []
        return [responder_line(response) for response in derived.follow_ups]

    def _opened(self) -> None:
        self._selected = -1
        self.select(self.count() - 1)
        self.selection_changed.emit(self._selected)

    def _structure_changed(self, path: str) -> None:
        if path == LIST_PATH and self._selected >= self.count():
            self.select(self.count() - 1)

    def _evaluated(self, evaluation: FormEvaluation) -> None:
        if evaluation.case is None or evaluation.derived is None:
            return
        self._trajectory = build_trajectory(evaluation.case, evaluation.derived)
        self.trajectory_changed.emit(self._trajectory)
