"""The audit chain: entries for every change, and tampering of every kind detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.domain.errors import InvalidInput
from desktop.store import AuditProblem, Home, ProblemKind
from desktop.store.driver import Connection
from desktop.store.migrations import MIGRATIONS
from tests.unit.test_store_support import Template, add_case, make_template, raw_connection

SET_UP_ENTRIES = len(MIGRATIONS) + 1  # one per migration, then "store.created"
ENTRIES = SET_UP_ENTRIES + 15  # after the module template is built (+ 15 case versions)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    template = make_template(tmp_path_factory.mktemp("audit"))
    with template.open() as store:
        for number in range(15):
            add_case(store, f"case-{number}", patient_name=f"Secret Name {number}")
        assert store.stats().audit_entries == ENTRIES
    return template


@pytest.fixture
def home(template: Template, tmp_path: Path) -> Home:
    return template.copy_to(tmp_path / "home")


def _tamper(template: Template, home: Home, *statements: str) -> None:
    """Run SQL as an attacker who holds the key and removes the append-only triggers."""
    connection: Connection = raw_connection(home, template.data_key(home))
    try:
        connection.execute("DROP TRIGGER audit_log_refuse_update")
        connection.execute("DROP TRIGGER audit_log_refuse_delete")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def _problems(template: Template, home: Home) -> list[AuditProblem]:
    with template.open(home) as store:
        report = store.verify_audit()
    assert report.ok is (not report.problems)
    return list(report.problems)


def _kinds(problems: list[AuditProblem]) -> list[tuple[int | None, ProblemKind]]:
    return [(problem.seq, problem.kind) for problem in problems]


# --- what gets audited --------------------------------------------------------------------


def test_every_change_has_an_entry_without_phi(template: Template, home: Home) -> None:
    with template.open(home) as store:
        report = store.verify_audit()
        assert report.ok and report.entries_checked == ENTRIES
        stored = add_case(store, "case-x", patient_name="Very Private Person")
        entry = store.record_event("alice", "report.printed", "case", "case-x", {"copies": 2})
    connection = raw_connection(home, template.data_key(home))
    rows = connection.execute(
        "SELECT seq, actor, action, object_type, object_id, detail FROM audit_log ORDER BY seq"
    ).fetchall()
    connection.close()
    assert [row[2] for row in rows[:SET_UP_ENTRIES]] == ["schema.migrated"] * len(MIGRATIONS) + [
        "store.created"
    ]
    assert rows[-2][1:5] == ("alice", "case.version_added", "case", "case-x")
    assert json.loads(rows[-2][5]) == {"announced": True, "sha256": stored.sha256, "version": 1}
    assert rows[-1][0] == entry.seq == ENTRIES + 2
    assert not any("Private" in str(row) or "Secret Name" in str(row) for row in rows)


def test_detail_with_patient_data_is_refused(template: Template, home: Home) -> None:
    with template.open(home) as store:
        with pytest.raises(ValueError, match="must not contain patient data"):
            store.record_event("alice", "x", "case", "1", {"patient_name": "Maria"})
        with pytest.raises(InvalidInput, match="action"):
            store.record_event("alice", "", "case", "1")
        assert store.verify_audit().ok


# --- tampering ----------------------------------------------------------------------------


def test_edited_entry(template: Template, home: Home) -> None:
    _tamper(template, home, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 8")
    problems = _problems(template, home)
    assert _kinds(problems) == [(8, ProblemKind.EDITED)]
    assert "entry 8 was changed" in problems[0].message


def test_deleted_entry(template: Template, home: Home) -> None:
    _tamper(template, home, "DELETE FROM audit_log WHERE seq = 11")
    problems = _problems(template, home)
    assert _kinds(problems) == [(11, ProblemKind.DELETED)]
    assert "entries 11 to 11 are missing" in problems[0].message


def test_deleted_and_renumbered_entries(template: Template, home: Home) -> None:
    _tamper(
        template,
        home,
        "DELETE FROM audit_log WHERE seq = 11",
        "UPDATE audit_log SET seq = seq - 1 WHERE seq > 11",
    )
    problems = _problems(template, home)
    deleted = [problem for problem in problems if problem.kind is ProblemKind.DELETED]
    assert [(problem.seq, problem.message) for problem in deleted] == [
        (11, "entry 11 is missing and later entries were renumbered to hide the gap")
    ]
    assert {problem.kind for problem in problems} == {
        ProblemKind.DELETED,
        ProblemKind.REORDERED,  # each renumbered entry: "stored as n, written as n + 1"
        ProblemKind.TRUNCATED,  # the head still records all the entries
    }


def test_reordered_entries(template: Template, home: Home) -> None:
    _tamper(
        template,
        home,
        "UPDATE audit_log SET seq = 1000 WHERE seq = 6",
        "UPDATE audit_log SET seq = 6 WHERE seq = 7",
        "UPDATE audit_log SET seq = 7 WHERE seq = 1000",
    )
    problems = _problems(template, home)
    assert _kinds(problems) == [(6, ProblemKind.REORDERED), (7, ProblemKind.REORDERED)]
    assert "stored as 6 was written as entry 7" in problems[0].message


def test_truncated_tail_with_head_removed_is_caught_by_the_anchor(
    template: Template, home: Home
) -> None:
    _tamper(
        template,
        home,
        f"DELETE FROM audit_log WHERE seq > {ENTRIES - 3}",
        "DELETE FROM audit_head",
    )
    problems = _problems(template, home)
    assert (ENTRIES - 2, ProblemKind.TRUNCATED) in _kinds(problems)
    assert any(f"audit anchor file records {ENTRIES}" in problem.message for problem in problems)


def test_truncated_tail_with_head_left_in_place(template: Template, home: Home) -> None:
    _tamper(template, home, f"DELETE FROM audit_log WHERE seq > {ENTRIES - 2}")
    problems = _problems(template, home)
    assert _kinds(problems)[0] == (ENTRIES - 1, ProblemKind.TRUNCATED)
    assert f"audit head records {ENTRIES}" in problems[0].message


def test_truncation_evidence_survives_new_work(template: Template, home: Home) -> None:
    """After truncation the anchor is never overwritten, even as new entries are added."""
    _tamper(
        template,
        home,
        f"DELETE FROM audit_log WHERE seq > {ENTRIES - 3}",
        "DELETE FROM audit_head",
    )
    anchor = home.audit_anchor.read_bytes()
    with template.open(home) as store:
        assert not store.stats().audit_anchor_trusted
        for number in range(6):  # enough to pass the anchored sequence number again
            add_case(store, f"new-{number}")
        report = store.verify_audit()
    assert home.audit_anchor.read_bytes() == anchor
    assert not report.ok
    assert _kinds(list(report.problems)) == [(ENTRIES, ProblemKind.EDITED)]
    assert "differs from the one recorded in the audit anchor" in report.problems[0].message


def test_removed_anchor_file(template: Template, home: Home) -> None:
    home.audit_anchor.unlink()
    problems = _problems(template, home)
    assert _kinds(problems) == [(None, ProblemKind.DELETED)]
    assert not home.audit_anchor.exists()  # not silently recreated


def test_altered_anchor_file(template: Template, home: Home) -> None:
    document = json.loads(home.audit_anchor.read_text())
    document["seq"] = 3
    home.audit_anchor.write_text(json.dumps(document))
    assert _kinds(_problems(template, home)) == [(None, ProblemKind.EDITED)]


def test_altered_head(template: Template, home: Home) -> None:
    _tamper(template, home, "UPDATE audit_head SET seq = 5")
    problems = _problems(template, home)
    assert _kinds(problems) == [(None, ProblemKind.EDITED)]
    assert "audit head record was altered" in problems[0].message


def test_lagging_anchor_is_accepted_and_brought_up_to_date(template: Template, home: Home) -> None:
    """A crash between COMMIT and the anchor write leaves an older, still valid anchor."""
    old_anchor = home.audit_anchor.read_bytes()
    with template.open(home) as store:
        add_case(store, "late")
    home.audit_anchor.write_bytes(old_anchor)
    with template.open(home) as store:
        assert store.verify_audit().ok
        assert store.stats().audit_anchor_trusted
    assert json.loads(home.audit_anchor.read_text())["seq"] == ENTRIES + 1
