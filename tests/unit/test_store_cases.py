"""Case versions, the outbox written with them, and the case list."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.errors import InvalidInput
from desktop.store import (
    CaseNotFound,
    CaseStore,
    CorruptPart,
    Home,
    NewVersion,
    StoreCorrupt,
    open_store_with_recovery,
)
from desktop.store.driver import dbapi2
from tests.unit.test_store_support import USER, Template, add_case, make_template, raw_connection


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return make_template(tmp_path_factory.mktemp("cases"))


@pytest.fixture
def home(template: Template, tmp_path: Path) -> Home:
    return template.copy_to(tmp_path / "home")


@pytest.fixture
def store(template: Template, home: Home) -> Iterator[CaseStore]:
    with template.open(home) as store:
        yield store


def _rows(template: Template, home: Home, sql: str) -> list[tuple[Any, ...]]:
    connection = raw_connection(home, template.data_key(home))
    try:
        return list(connection.execute(sql).fetchall())
    finally:
        connection.close()


# --- versions -----------------------------------------------------------------------------


def test_versions_increment_and_latest_returns_the_newest(store: CaseStore) -> None:
    first = add_case(store, "case-1", document={"nrs": 7})
    second = add_case(store, "case-1", document={"nrs": 4})
    assert (first.version, second.version) == (1, 2)
    latest = store.latest("case-1")
    assert latest.version == 2 and latest.document == {"nrs": 4}
    assert latest.sha256 == second.sha256 and latest.actor == USER
    assert [version.document["nrs"] for version in store.versions("case-1")] == [7, 4]


def test_document_is_stored_canonically_with_its_sha256(store: CaseStore) -> None:
    stored = add_case(store, "case-1", document={"b": [1, 2.5, None], "a": "Schmerz é"})
    import hashlib

    canonical = '{"a":"Schmerz é","b":[1,2.5,null]}'
    assert stored.sha256 == hashlib.sha256(canonical.encode()).hexdigest()
    assert store.latest("case-1").document == {"a": "Schmerz é", "b": [1, 2.5, None]}


def test_unknown_case_raises_case_not_found(store: CaseStore) -> None:
    with pytest.raises(CaseNotFound, match="Case nope was not found"):
        store.latest("nope")
    with pytest.raises(CaseNotFound):
        store.versions("nope")


def test_invalid_fields_are_all_reported_and_nothing_is_stored(store: CaseStore) -> None:
    with pytest.raises(InvalidInput) as raised:
        store.add_version(
            " ",
            {"nrs": math.nan},
            actor="",
            pseudonym="PB-1",
            patient_name="Name",
            assessment_date="2025-01-01",  # type: ignore[arg-type]
        )
    paths = {problem.path for problem in raised.value.problems}
    assert paths == {"case_id", "actor", "assessment_date", "document"}
    assert store.count_cases() == 0
    assert store.stats().versions == 0


def test_case_versions_are_append_only(template: Template, store: CaseStore, home: Home) -> None:
    add_case(store, "case-1")
    connection = raw_connection(home, template.data_key(home))
    try:
        with pytest.raises(dbapi2.IntegrityError, match="append-only: rows cannot be changed"):
            connection.execute("UPDATE case_versions SET document = '{}'")
        with pytest.raises(dbapi2.IntegrityError, match="append-only: rows cannot be deleted"):
            connection.execute("DELETE FROM case_versions")
        with pytest.raises(dbapi2.IntegrityError, match="latest \\+ 1"):
            connection.execute(
                "INSERT INTO case_versions VALUES ('case-1', 3, 'now', 'x', '{}', ?)",
                ("0" * 64,),
            )
    finally:
        connection.close()
    assert store.latest("case-1").version == 1


def test_altered_document_is_detected_by_its_sha256(
    template: Template, store: CaseStore, home: Home
) -> None:
    add_case(store, "case-1", document={"nrs": 3})
    connection = raw_connection(home, template.data_key(home))
    connection.execute("DROP TRIGGER case_versions_refuse_update")  # attacker holding the key
    connection.execute("UPDATE case_versions SET document = '{\"nrs\":9}'")
    connection.close()
    with pytest.raises(StoreCorrupt, match="does not match its recorded SHA-256") as raised:
        store.latest("case-1")
    assert raised.value.part is CorruptPart.CASE_VERSION


# --- outbox -------------------------------------------------------------------------------


def test_outbox_row_only_when_announced(store: CaseStore) -> None:
    announced = add_case(store, "case-1")
    add_case(store, "case-2", announce=False)
    again = add_case(store, "case-1")
    pending = store.pending_outbox()
    assert [(item.case_id, item.version) for item in pending] == [
        ("case-1", announced.version),
        ("case-1", again.version),
    ]
    assert all(item.kind == "case_version" and item.attempts == 0 for item in pending)
    assert pending[0].created_at == announced.created_at
    assert store.pending_outbox(limit=1) == pending[:1]


def test_failure_mid_transaction_leaves_neither_version_nor_outbox_row(
    template: Template, store: CaseStore, home: Home
) -> None:
    add_case(store, "case-0")
    audit_before = store.stats().audit_entries
    anchor_before = home.audit_anchor.read_bytes()
    # Fail the outbox insert, which runs after the version and index rows were written.
    store._database.execute(
        "CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON main.outbox "
        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
    )
    with pytest.raises(dbapi2.IntegrityError, match="injected failure"):
        add_case(store, "case-1")
    store._database.execute("DROP TRIGGER temp.fail_outbox")

    with pytest.raises(CaseNotFound):
        store.latest("case-1")
    assert store.count_cases() == 1
    assert [item.case_id for item in store.pending_outbox()] == ["case-0"]
    assert store.stats().audit_entries == audit_before
    assert home.audit_anchor.read_bytes() == anchor_before
    store.close()
    assert _rows(template, home, "SELECT count(*) FROM case_versions WHERE case_id = 'case-1'") == [
        (0,)
    ]
    assert _rows(template, home, "SELECT count(*) FROM outbox WHERE case_id = 'case-1'") == [(0,)]
    with open_store_with_recovery(home, template.private_key) as reopened:
        assert reopened.verify_audit().ok


def test_failure_in_the_audit_step_rolls_back_everything(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(**_: object) -> None:
        raise RuntimeError("simulated crash in the audit step")

    monkeypatch.setattr(store._audit, "append", fail)
    with pytest.raises(RuntimeError, match="simulated crash"):
        add_case(store, "case-1")
    monkeypatch.undo()
    assert store.count_cases() == 0
    assert store.pending_outbox() == []
    assert store.verify_audit().ok


def test_batch_is_all_or_nothing(store: CaseStore) -> None:
    def new(case_id: str, **extra: Any) -> NewVersion:
        return NewVersion(
            case_id=case_id,
            document={"n": case_id},
            actor=USER,
            pseudonym=f"PB-{case_id}",
            patient_name="",
            assessment_date=date(2025, 1, 1),
            **extra,
        )

    stored = store.add_versions([new("a"), new("b", announce=False), new("a")])
    assert [(v.case_id, v.version) for v in stored] == [("a", 1), ("b", 1), ("a", 2)]
    with pytest.raises(InvalidInput):
        store.add_versions([new("c"), new("")])
    assert store.count_cases() == 2
    assert len(store.pending_outbox()) == 2


# --- case list ----------------------------------------------------------------------------


def _clock_from(start: datetime) -> Any:
    moments = (start + timedelta(seconds=step) for step in range(10_000))
    return lambda: next(moments)


def test_case_list_pages_newest_first(template: Template, home: Home) -> None:
    clock = _clock_from(datetime(2025, 1, 1, tzinfo=UTC))
    with open_store_with_recovery(home, template.private_key, clock=clock) as store:
        for number in range(120):
            add_case(store, f"case-{number:03d}")
        add_case(store, "case-005")  # a new version moves it to the top
        first = store.list_cases(limit=50)
        second = store.list_cases(offset=50, limit=50)
        last = store.list_cases(offset=100, limit=50)
        assert store.count_cases() == 120
    assert first[0].case_id == "case-005" and first[0].latest_version == 2
    assert [summary.case_id for summary in first[1:4]] == ["case-119", "case-118", "case-117"]
    assert len(first) == 50 and len(second) == 50 and len(last) == 20
    every = [summary.case_id for summary in first + second + last]
    assert len(set(every)) == 120
    assert all(a.updated_at >= b.updated_at for a, b in itertools.pairwise(first))


def test_search_by_pseudonym_or_name_prefix_ignoring_case_and_accents(store: CaseStore) -> None:
    add_case(store, "1", pseudonym="PB-2025-0001", patient_name="Maria Müller-Lüdenscheid")
    add_case(store, "2", pseudonym="PB-2025-0002", patient_name="Jonas Keller")
    add_case(store, "3", pseudonym="XY-77", patient_name="Anna Maria Kellerman")
    add_case(store, "4", pseudonym="PB-2024-0100", patient_name="")

    def found(search: str) -> set[str]:
        return {summary.case_id for summary in store.list_cases(search=search)}

    assert found("pb-2025") == {"1", "2"}
    assert found("PB-2024") == {"4"}
    assert found("muller") == {"1"}
    assert found("LUDEN") == {"1"}
    assert found("kel") == {"2", "3"}
    assert found("maria") == {"1", "3"}
    assert found("anna maria k") == {"3"}
    assert found("aria") == set()  # prefixes only
    assert found("  ") == {"1", "2", "3", "4"}
    assert store.count_cases("kel") == 2
    assert store.count_cases("zzz") == 0


def test_search_with_many_matches_pages_like_the_full_list(template: Template, home: Home) -> None:
    """More than 2,000 matching terms switches the query plan; results must not change."""
    clock = _clock_from(datetime(2025, 1, 1, tzinfo=UTC))
    batch = [
        NewVersion(
            case_id=f"case-{number:04d}",
            document={"n": number},
            actor=USER,
            pseudonym=f"PB-{number:04d}",
            patient_name="Maria Keller" if number % 20 else "Jonas Weber",
            assessment_date=date(2025, 1, 1),
        )
        for number in range(2300)
    ]
    with open_store_with_recovery(home, template.private_key, clock=clock) as store:
        store.add_versions(batch)
        newest_first = [version.case_id for version in reversed(batch)]
        marias = [case_id for case_id in newest_first if int(case_id[5:]) % 20]
        jonases = [case_id for case_id in newest_first if not int(case_id[5:]) % 20]
        for search, expected in (("maria", marias), ("jonas", jonases), ("pb-", newest_first)):
            assert store.count_cases(search) == len(expected)
            for offset in (0, 50, len(expected) - 30):
                page = store.list_cases(search=search, offset=offset, limit=50)
                assert [summary.case_id for summary in page] == expected[offset : offset + 50]


def test_renamed_patient_is_found_by_the_new_name_only(store: CaseStore) -> None:
    add_case(store, "1", patient_name="Anna Schmidt")
    add_case(store, "1", patient_name="Anna Meier")
    assert [s.case_id for s in store.list_cases(search="meier")] == ["1"]
    assert store.list_cases(search="schmidt") == []
    assert store.list_cases(search="anna")[0].patient_name == "Anna Meier"


def test_case_ids_with_prefix(store: CaseStore) -> None:
    for case_id in ("3f2a-1", "3f2a-2", "3f2b-1", "4000"):
        add_case(store, case_id)
    assert store.case_ids_with_prefix("3f2a") == ["3f2a-1", "3f2a-2"]
    assert store.case_ids_with_prefix("3f2", limit=2) == ["3f2a-1", "3f2a-2"]
    assert store.case_ids_with_prefix("5") == []


def test_page_size_is_bounded(store: CaseStore) -> None:
    with pytest.raises(ValueError, match="limit"):
        store.list_cases(limit=0)
    with pytest.raises(ValueError, match="offset"):
        store.list_cases(offset=-1)


# --- any JSON document round-trips --------------------------------------------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=st.dictionaries(st.text(max_size=8), _json, max_size=6))
def test_any_json_document_round_trips(store: CaseStore, document: dict[str, Any]) -> None:
    stored = add_case(store, "roundtrip", document=document)
    latest = store.latest("roundtrip")
    assert latest.document == document
    assert latest.sha256 == stored.sha256
