"""Drafts: autosaved form state in the encrypted database (migration 0005_drafts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import InvalidInput
from desktop.store import Home
from tests.unit.test_store_support import USER, Template, make_template


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("drafts"))


def test_a_draft_is_replaced_listed_per_user_and_discarded(
    template: Template, tmp_path: Path
) -> None:
    home = template.copy_to(tmp_path / "home")
    with template.open(home) as store:
        store.save_draft("d1", {"patient": {"name": "Ana"}}, actor=USER)
        store.save_draft("d2", {"half typed": ["x"]}, actor="someone-else")
        saved = store.save_draft(
            "d1", {"patient": {"name": "Ana Lima"}}, actor=USER, case_id="c-1", base_version=3
        )
        assert saved.document == {"patient": {"name": "Ana Lima"}}
        drafts = store.drafts(USER)
        assert [(d.draft_id, d.case_id, d.base_version) for d in drafts] == [("d1", "c-1", 3)]
        assert drafts[0].document == {"patient": {"name": "Ana Lima"}}
    with template.open(home) as store:  # survives closing: it is in the database
        assert [d.draft_id for d in store.drafts(USER)] == ["d1"]
        assert store.discard_draft("d1") is True
        assert store.discard_draft("d1") is False
        assert store.drafts(USER) == []
        assert "0005_drafts" in store.stats().migrations


def test_invalid_drafts_are_refused_with_every_problem(template: Template, tmp_path: Path) -> None:
    home = template.copy_to(tmp_path / "home")
    with template.open(home) as store, pytest.raises(InvalidInput) as refused:
        store.save_draft("", {"x": float("nan")}, actor=USER, base_version=0)
    assert [p.path for p in refused.value.problems] == ["draft_id", "base_version", "document"]


def test_draft_text_is_not_on_disk_in_plaintext(template: Template, tmp_path: Path) -> None:
    home: Home = template.copy_to(tmp_path / "home")
    marker = "Zqdraftmarker7319"
    with template.open(home) as store:
        store.save_draft("d1", {"patient": {"name": marker}}, actor=USER)
        for path in home.path.rglob("*"):
            if path.is_file():
                assert marker.encode() not in path.read_bytes(), path
