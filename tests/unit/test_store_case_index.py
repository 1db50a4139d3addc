"""The case list's filters, flags and sync column over a real SQCipher store of 1,000 cases.

The hub history (uploads, quarantines, recommendations, information requests, reports)
is written through the real store paths (tests/unit/case_index_helpers.py); every
filter is compared with its definition (desktop/store/case_index.py) computed here.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.errors import InvalidInput
from desktop.services.cases import CaseService
from desktop.store import CaseStore, Home, NewVersion
from desktop.store import case_index as case_index_module
from desktop.store.case_index import CASE_FILTERS, CaseListEntry
from tests.unit import case_index_helpers as hub
from tests.unit.test_store_support import (
    USER,
    Template,
    make_template,
    raw_connection,
    realistic_document,
    undo_case_list_migration,
)

COUNT = 1000
TODAY = date(2026, 11, 21)
QUARANTINE_REASON = "no_consent: the patient has not consented to sharing"


def case_id(index: int) -> str:
    return f"case-{index:04d}"


# --- what the seeded history is, by case index ----------------------------------------------


def is_sent(i: int) -> bool:
    return i % 4 == 0


def is_quarantined(i: int) -> bool:
    return i % 97 == 0 and not is_sent(i)


def is_recommended(i: int) -> bool:
    return i % 8 == 0


def interval(i: int) -> int | None:
    """Follow-up days of case i's recommendation (issued 2026-11-01)."""
    return None if i % 24 == 0 else (14 if i % 16 == 0 else 30)


def has_follow_up(i: int) -> bool:
    """A second version records a follow-up on 2026-11-18 (after the recommendation)."""
    return i % 50 == 0


def asked_for_information(i: int) -> bool:
    return i % 12 == 4


def alert_severities(i: int) -> list[list[str]]:
    """The reports of case i, oldest first (each a list of alert severities)."""
    if i % 3:
        return []
    first = {0: ["warning"], 3: ["contraindication", "info"], 6: ["info", "caution"]}[i % 9]
    return [first, ["caution"]] if i % 18 == 0 else [first]


def needs_follow_up(i: int, today: date = TODAY) -> bool:
    days = interval(i)
    if not is_recommended(i) or days is None or has_follow_up(i):
        return False
    return date(2026, 11, 1).toordinal() + days <= today.toordinal()


def is_alerting(i: int) -> bool:
    reports = alert_severities(i)
    return bool(reports) and bool({"warning", "contraindication"} & set(reports[-1]))


EXPECTED = {
    "all": lambda i: True,
    "needs_follow_up": needs_follow_up,
    "sent": is_sent,
    "answered": is_recommended,
    "alerts": is_alerting,
}


def expected_sync(i: int) -> str:
    if has_follow_up(i):
        return "queued"  # version 2 waits in the outbox
    if is_sent(i):
        if is_recommended(i):
            return "delivered"
        return "in_review" if asked_for_information(i) else "received"
    if is_quarantined(i):
        return "quarantined"
    return "queued"


# --- the store ------------------------------------------------------------------------------


def seed(store: CaseStore) -> None:
    rng = random.Random(7)
    store.add_versions(
        NewVersion(
            case_id=case_id(i),
            document=realistic_document(rng, i),
            actor=USER,
            pseudonym=f"PB-{i:08d}",
            patient_name=f"{'Maria' if i % 2 else 'Wei'} Test{i:04d}",
            assessment_date=date(2026, 10, 1),
        )
        for i in range(COUNT)
    )
    outcomes = {case_id(i): "sent" for i in range(COUNT) if is_sent(i)}
    outcomes |= {
        case_id(i): f"quarantined: {QUARANTINE_REASON}" for i in range(COUNT) if is_quarantined(i)
    }
    hub.deliver(store, outcomes)
    signer = hub.HubSigner()
    hub.enroll_store(store, signer)
    payloads = [
        hub.recommendation(case_id(i), follow_up_days=interval(i))
        for i in range(COUNT)
        if is_recommended(i)
    ]
    payloads += [
        hub.information_request(case_id(i)) for i in range(COUNT) if asked_for_information(i)
    ]
    hub.pull(store, signer, payloads)
    for i in range(COUNT):
        for severities in alert_severities(i):
            hub.add_report(store, case_id(i), severities)
    store.add_versions(
        NewVersion(
            case_id=case_id(i),
            document=realistic_document(rng, i, follow_ups=[{"date": "2026-11-18"}]),
            actor=USER,
            pseudonym=f"PB-{i:08d}",
            patient_name=f"{'Maria' if i % 2 else 'Wei'} Test{i:04d}",
            assessment_date=date(2026, 10, 1),
        )
        for i in range(COUNT)
        if has_follow_up(i)
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    made = make_template(tmp_path_factory.mktemp("case-index"))
    with made.open() as store:
        seed(store)
    return made


@pytest.fixture(scope="module")
def seeded(template: Template) -> Iterator[CaseStore]:
    """One store for the tests that only read."""
    with template.open() as store:
        yield store


@pytest.fixture
def copy(template: Template, tmp_path: Path) -> Iterator[CaseStore]:
    """A store of its own for a test that writes."""
    with template.open(template.copy_to(tmp_path / "home")) as store:
        yield store


def every_entry(
    store: CaseStore, case_filter: str, *, search: str | None = None, today: date = TODAY
) -> list[CaseListEntry]:
    index = store.case_index()
    first = index.page(search=search, case_filter=case_filter, today=today, limit=97)
    entries = list(first.entries)
    while len(entries) < first.total:
        page = index.page(
            search=search, case_filter=case_filter, today=today, offset=len(entries), limit=97
        )
        assert page.total == first.total and page.entries
        entries += page.entries
    return entries


def indexes(entries: list[CaseListEntry]) -> list[int]:
    return [int(entry.summary.case_id.removeprefix("case-")) for entry in entries]


# --- filters --------------------------------------------------------------------------------


@pytest.mark.parametrize("case_filter", CASE_FILTERS)
def test_each_filter_matches_its_definition_in_display_order(
    seeded: CaseStore, case_filter: str
) -> None:
    everything = indexes(every_entry(seeded, "all"))
    assert sorted(everything) == list(range(COUNT))
    found = indexes(every_entry(seeded, case_filter))
    wanted = [i for i in everything if EXPECTED[case_filter](i)]
    assert found == wanted  # the same order as the unfiltered list
    assert len(wanted) > 0


def test_the_definitions_pick_real_subsets() -> None:
    sizes = {name: sum(map(rule, range(COUNT))) for name, rule in EXPECTED.items()}
    assert sizes == {
        "all": 1000,
        "needs_follow_up": 40,
        "sent": 250,
        "answered": 125,
        "alerts": 167,
    }


@pytest.mark.parametrize("search_leads", [True, False], ids=["search-leads", "filter-leads"])
@pytest.mark.parametrize("case_filter", CASE_FILTERS)
@pytest.mark.parametrize("search", ["maria", "PB-0000012", "wei test00"])
def test_filters_combine_with_search(
    seeded: CaseStore,
    case_filter: str,
    search: str,
    search_leads: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same cases in the same order, whichever side leads the query."""
    monkeypatch.setattr(case_index_module, "search_leads", lambda *_, **__: search_leads)
    searched = indexes(every_entry(seeded, "all", search=search))
    assert searched
    found = indexes(every_entry(seeded, case_filter, search=search))
    assert found == [i for i in searched if EXPECTED[case_filter](i)]


def test_rows_carry_their_flags_and_sync_state(seeded: CaseStore) -> None:
    for entry in every_entry(seeded, "all"):
        i = int(entry.summary.case_id.removeprefix("case-"))
        assert (entry.sent, entry.answered, entry.alerting, entry.needs_follow_up) == (
            is_sent(i),
            is_recommended(i),
            is_alerting(i),
            needs_follow_up(i),
        ), i
        assert entry.sync.state == expected_sync(i), i
        assert entry.sync.reason == (QUARANTINE_REASON if expected_sync(i) == "quarantined" else "")
        due = interval(i) if is_recommended(i) else None
        assert entry.follow_up_due_on == (
            None if due is None else date.fromordinal(date(2026, 11, 1).toordinal() + due)
        )


def test_which_follow_ups_are_due_depends_on_today(seeded: CaseStore) -> None:
    assert every_entry(seeded, "needs_follow_up", today=date(2026, 11, 14)) == []
    later = date(2026, 12, 1)
    found = set(indexes(every_entry(seeded, "needs_follow_up", today=later)))
    assert found == {i for i in range(COUNT) if needs_follow_up(i, later)}
    assert any(interval(i) == 30 for i in found)


def test_recording_a_follow_up_clears_it_and_a_newer_recommendation_renews_it(
    copy: CaseStore,
) -> None:
    i = 16  # recommended with a 14-day interval, due since 2026-11-15
    assert i in indexes(every_entry(copy, "needs_follow_up"))
    latest = copy.latest(case_id(i))
    copy.add_version(
        case_id(i),
        latest.document | {"follow_ups": [{"date": "2026-11-21"}]},
        actor=USER,
        pseudonym=f"PB-{i:08d}",
        patient_name="Wei Test0016",
        assessment_date=date(2026, 10, 1),
    )
    assert i not in indexes(every_entry(copy, "needs_follow_up"))
    signer = hub.HubSigner(seq=copy.sync_ledger().identity().changes_cursor)  # type: ignore[union-attr]
    hub.enroll_store(copy, signer)
    hub.pull(
        copy,
        signer,
        [hub.recommendation(case_id(i), issued_at="2026-11-22T08:00:00Z", follow_up_days=7)],
    )
    assert i not in indexes(every_entry(copy, "needs_follow_up", today=date(2026, 11, 28)))
    assert i in indexes(every_entry(copy, "needs_follow_up", today=date(2026, 11, 29)))


def test_the_latest_report_decides_the_alerts(copy: CaseStore) -> None:
    i = 1  # no report yet
    assert i not in indexes(every_entry(copy, "alerts"))
    hub.add_report(copy, case_id(i), ["info", "contraindication"])
    assert i in indexes(every_entry(copy, "alerts"))
    hub.add_report(copy, case_id(i), ["caution"])
    assert i not in indexes(every_entry(copy, "alerts"))


def test_reading_a_recommendation_moves_the_sync_column_to_read(copy: CaseStore) -> None:
    ledger = copy.sync_ledger()
    message = next(m for m in ledger.messages(case_id=case_id(8)) if m.kind == "recommendation")
    assert copy.case_index().sync_state(case_id(8)).state == "delivered"
    assert ledger.mark_read(message.seq, actor=USER)
    assert copy.case_index().sync_state(case_id(8)).state == "read"


def test_the_backfill_of_an_older_store_matches_what_the_triggers_kept(
    template: Template, tmp_path: Path
) -> None:
    home = template.copy_to(tmp_path / "home")
    query = "SELECT * FROM case_list_flags ORDER BY case_id"
    connection = raw_connection(home, template.data_key(home))
    try:
        kept = connection.execute(query).fetchall()
        undo_case_list_migration(connection)
    finally:
        connection.close()
    assert len(kept) == COUNT
    with template.open(Home(home.path)) as store:  # opening applies the migration again
        assert "0010_case_list_filters" in store.stats().migrations
    connection = raw_connection(home, template.data_key(home))
    try:
        assert connection.execute(query).fetchall() == kept
    finally:
        connection.close()


# --- refusals and the service -------------------------------------------------------------


def test_an_unknown_filter_is_refused(seeded: CaseStore) -> None:
    with pytest.raises(ValueError, match="unknown case filter 'urgent'"):
        seeded.case_index().page(case_filter="urgent", today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        CaseService(seeded, actor=USER).list_cases(case_filter="urgent")
    assert [problem.path for problem in refused.value.problems] == ["filter"]


def test_the_case_service_lists_filtered_rows_with_their_state(seeded: CaseStore) -> None:
    page = CaseService(seeded, actor=USER).list_cases(
        case_filter="answered", today=TODAY, limit=500
    )
    assert page.total == 125 and len(page.rows) == 125
    assert all(row.answered and row.sent for row in page.rows)
    states = {row.sync_state for row in page.rows}
    assert states == {"delivered", "queued"}  # queued: version 2 with its follow-up waits
    due = [row for row in page.rows if row.needs_follow_up]
    assert len(due) == 40 and all(row.follow_up_due_on == "2026-11-15" for row in due)


def test_a_recommendation_for_a_case_saved_later_counts_once_the_case_is_here(
    copy: CaseStore,
) -> None:
    answered = len(every_entry(copy, "answered"))
    signer = hub.HubSigner(seq=copy.sync_ledger().identity().changes_cursor)  # type: ignore[union-attr]
    hub.enroll_store(copy, signer)
    hub.pull(copy, signer, [hub.recommendation("case-elsewhere", follow_up_days=3)])
    assert len(every_entry(copy, "answered")) == answered  # not on this computer
    copy.add_version(
        "case-elsewhere",
        {"schema": "painbridge.case/1"},
        actor=USER,
        pseudonym="PB-ELSEWHERE",
        patient_name="Maria Elsewhere",
        assessment_date=date(2026, 10, 1),
    )
    first = every_entry(copy, "answered")[0]
    assert first.summary.case_id == "case-elsewhere" and first.needs_follow_up
    assert len(every_entry(copy, "answered")) == answered + 1
