"""The user guide documents every shortcut of the main window (style habit 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

pytestmark = pytest.mark.gui
GUIDE = (Path(__file__).resolve().parents[2] / "docs" / "user-guide.md").read_text("utf-8")


def test_every_shortcut_is_in_the_user_guide(gui) -> None:
    shortcuts = {
        action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for action in gui.window.workspace_actions
        if not action.shortcut().isEmpty()
    }
    assert len(shortcuts) >= 14
    pages = {f"Ctrl+{n}" for n in range(1, 7)}
    missing = sorted(s for s in shortcuts - pages if s not in GUIDE)
    assert missing == []
    assert "Ctrl+1 … Ctrl+6" in GUIDE


def test_every_case_status_badge_is_explained() -> None:
    from desktop.gui.viewmodels.case_table import status_text

    for status in ("open", "follow_up_due", "sent", "answered", "closed"):
        assert f"**{status_text(status)}**" in GUIDE
