"""The case list with its filters, flags and per-case sync state (``CaseStore.case_index()``).

Filters are SQL over ``case_list_flags`` (migration ``0010_case_list_filters``): one row per
case that triggers keep from what is stored, so a filter never parses a document.

* ``needs_follow_up``: the latest hub recommendation of the case names a follow-up
  interval, its due date (the day the hub issued it + the interval) is today or earlier,
  and the case records no follow-up dated on or after the day the recommendation was
  issued.
* ``sent``: the hub confirmed it stored at least one version of the case.
* ``answered``: a hub recommendation for the case is stored here.
* ``alerts``: the latest stored report of the case has an alert of severity ``warning``
  or ``contraindication``.

Each filter has a partial index in list order (updated_at, case_id): without a search a
page is a walk down that index (cost ~ offset + page, whatever the number of cases).
With a search, the smaller side leads: few search matches are collected and sorted; else
the filter's index is walked and each case's terms are probed. Counts do the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

from desktop.store.cases import (
    SUMMARY_COLUMNS,
    CaseSummary,
    check_page,
    count_summaries,
    count_term_rows,
    matching_terms_exist,
    search_bounds,
    search_condition,
    summary_of,
)
from desktop.store.database import Database

CaseFilter = Literal["all", "needs_follow_up", "sent", "answered", "alerts"]
CASE_FILTERS: tuple[CaseFilter, ...] = get_args(CaseFilter)
SyncState = Literal[
    "not_sent",
    "queued",
    "uploaded",
    "received",
    "in_review",
    "answered",
    "delivered",
    "read",
    "quarantined",
]

# Conditions on a case_list_flags row ({t}: its alias). Each holds the WHERE of its
# partial index (migration 0010) word for word, so SQLite may walk that index; "?" of
# needs_follow_up is today (ISO date). A row whose updated_at is NULL is a case that is
# not on this computer (a recommendation for a case saved on another device).
_NEEDS_FOLLOW_UP = (
    "{t}.follow_up_due_on IS NOT NULL AND ({t}.last_follow_up_on IS NULL "
    "OR {t}.last_follow_up_on < {t}.recommended_on) AND {t}.follow_up_due_on <= ?"
)
_CONDITIONS: dict[str, str] = {
    "needs_follow_up": _NEEDS_FOLLOW_UP,
    "sent": "{t}.sent = 1",
    "answered": "{t}.recommended_seq IS NOT NULL",
    "alerts": "{t}.alerting = 1",
}
_ON_THIS_COMPUTER = "{t}.updated_at IS NOT NULL AND "
#: How far term rows are counted to compare a search with a filter (a cheap range scan).
_SEARCH_PROBE_CAP = 20_000
_FLAG_COLUMNS = (
    "coalesce(f.sent, 0), coalesce(f.alerting, 0), f.recommended_seq IS NOT NULL, "
    f"f.follow_up_due_on, coalesce({_NEEDS_FOLLOW_UP.format(t='f')}, 0)"
)
_SELECT_ALL = (
    f"SELECT {SUMMARY_COLUMNS}, {_FLAG_COLUMNS} "
    "FROM cases LEFT JOIN case_list_flags AS f ON f.case_id = cases.case_id"
)
_SELECT_FILTERED = (
    f"SELECT {SUMMARY_COLUMNS}, {_FLAG_COLUMNS} "
    "FROM case_list_flags AS f CROSS JOIN cases ON cases.case_id = f.case_id"
)


@dataclass(frozen=True)
class CaseSyncState:
    """Where the case stands with the hub. ``version``: the case version it is about;
    ``reason``: why the hub (or this computer) refused it, when quarantined."""

    state: SyncState
    version: int | None = None
    reason: str = ""


NOT_SENT = CaseSyncState("not_sent")


@dataclass(frozen=True)
class CaseListEntry:
    summary: CaseSummary
    needs_follow_up: bool
    follow_up_due_on: date | None
    sent: bool
    answered: bool
    alerting: bool
    sync: CaseSyncState


@dataclass(frozen=True)
class CaseListPage:
    entries: list[CaseListEntry]
    total: int


def check_filter(case_filter: str) -> CaseFilter:
    if case_filter not in CASE_FILTERS:
        raise ValueError(f"unknown case filter {case_filter!r}; one of {', '.join(CASE_FILTERS)}")
    return case_filter


def _filter_parameters(case_filter: str, today: date) -> tuple[str, ...]:
    return (today.isoformat(),) if case_filter == "needs_follow_up" else ()


def _condition(case_filter: str) -> str:
    return _ON_THIS_COMPUTER.format(t="f") + _CONDITIONS[case_filter].format(t="f")


@dataclass(frozen=True)
class _Plan:
    """How a filtered query runs: ``condition`` on ``f`` with its parameters, and the
    sizes that decide whether the search leads (its matches are collected and sorted) or
    the filter's index is walked, probing each case's terms."""

    condition: str
    parameters: tuple[str, ...]
    filter_size: int
    bounds: tuple[str, str] | None = None
    search_rows: int = 0  # term rows the search matches, counted up to _SEARCH_PROBE_CAP


def _plan(database: Database, search: str | None, case_filter: str, today: date) -> _Plan:
    condition = _condition(case_filter)
    parameters = _filter_parameters(case_filter, today)
    size = int(
        database.scalar(f"SELECT count(*) FROM case_list_flags AS f WHERE {condition}", parameters)
    )
    bounds = search_bounds(search)
    if bounds is None:
        return _Plan(condition, parameters, size)
    rows = count_term_rows(database, bounds, _SEARCH_PROBE_CAP)
    return _Plan(condition, parameters, size, bounds, rows)


def search_leads(plan: _Plan, *, walk: float) -> bool:
    """Collect the search's matches rather than walk ``walk`` entries of the filter?"""
    return plan.search_rows < min(walk, _SEARCH_PROBE_CAP)


def count_filtered(
    database: Database, *, search: str | None, case_filter: CaseFilter, today: date
) -> int:
    """How many cases the search and the filter match together."""
    if case_filter == "all":
        return count_summaries(database, search=search)
    plan = _plan(database, search, case_filter, today)
    if plan.bounds is None:
        return plan.filter_size
    if search_leads(plan, walk=plan.filter_size):
        # CROSS JOIN: go through the search's terms, look each case's flags up.
        sql = (
            "SELECT count(DISTINCT t.case_id) FROM case_search_terms AS t "
            "CROSS JOIN case_list_flags AS f ON f.case_id = t.case_id "
            f"WHERE t.term >= ? AND t.term < ? AND {plan.condition}"
        )
        return int(database.scalar(sql, (*plan.bounds, *plan.parameters)))
    sql = (
        f"SELECT count(*) FROM case_list_flags AS f WHERE {plan.condition} "
        f"AND {matching_terms_exist('f.case_id')}"
    )
    return int(database.scalar(sql, (*plan.parameters, *plan.bounds)))


def list_filtered(
    database: Database,
    *,
    search: str | None,
    case_filter: CaseFilter,
    today: date,
    offset: int,
    limit: int,
    total: int,
) -> list[CaseListEntry]:
    """One page, most recently updated first; ``total`` (from :func:`count_filtered`)
    tells how far the filter's index must be walked to fill the page."""
    check_page(offset, limit)
    parameters: list[Any] = [today.isoformat()]  # the needs_follow_up column
    if case_filter == "all":
        searched, search_parameters = search_condition(database, search)
        where = f"WHERE {searched}" if searched else ""
        sql = f"{_SELECT_ALL} {where} ORDER BY cases.updated_at DESC, cases.case_id DESC"
        parameters += search_parameters
    else:
        plan = _plan(database, search, case_filter, today)
        where = plan.condition
        parameters += plan.parameters
        if plan.bounds is not None:
            walk = (offset + limit) * plan.filter_size / max(total, 1)
            where += " AND " + (
                "f.case_id IN (SELECT case_id FROM case_search_terms WHERE term >= ? AND term < ?)"
                if search_leads(plan, walk=walk)
                else matching_terms_exist("f.case_id")
            )
            parameters += plan.bounds
        sql = f"{_SELECT_FILTERED} WHERE {where} ORDER BY f.updated_at DESC, f.case_id DESC"
    rows = database.execute(f"{sql} LIMIT ? OFFSET ?", (*parameters, limit, offset)).fetchall()
    states = sync_states(database, [str(row[0]) for row in rows])
    return [
        CaseListEntry(
            summary=summary_of(row),
            sent=bool(row[7]),
            alerting=bool(row[8]),
            answered=bool(row[9]),
            follow_up_due_on=None if row[10] is None else date.fromisoformat(row[10]),
            needs_follow_up=bool(row[11]),
            sync=states.get(str(row[0]), NOT_SENT),
        )
        for row in rows
    ]


# --- the sync column ----------------------------------------------------------------------


@dataclass(frozen=True)
class _OutboxRow:
    version: int
    state: str
    attempts: int
    reason: str


def derive_sync_state(
    receipt: tuple[int, str] | None, outbox: Iterable[_OutboxRow]
) -> CaseSyncState:
    """The case's state from its receipt (version, state) and its unsent outbox rows.

    A version waiting in the outbox newer than the receipt shows as queued (uploaded once
    tried); a quarantined version at least as new as the receipt (the hub never stored it)
    shows as quarantined with its reason; otherwise the receipt; nothing: not sent.
    """
    rows = sorted(outbox, key=lambda row: row.version)
    pending = [row for row in rows if row.state == "pending"]
    quarantined = [row for row in rows if row.state == "quarantined"]
    receipt_version = receipt[0] if receipt is not None else 0
    if pending and pending[-1].version > receipt_version:
        newest = pending[-1]
        return CaseSyncState("uploaded" if newest.attempts > 0 else "queued", newest.version)
    if quarantined and quarantined[-1].version >= receipt_version:
        newest = quarantined[-1]
        return CaseSyncState("quarantined", newest.version, newest.reason)
    if receipt is not None:
        return CaseSyncState(receipt[1], receipt[0])  # type: ignore[arg-type]
    return NOT_SENT


def sync_states(database: Database, case_ids: Sequence[str]) -> dict[str, CaseSyncState]:
    """The sync state of each case (two indexed queries for a whole page)."""
    if not case_ids:
        return {}
    marks = ", ".join("?" * len(case_ids))
    receipts = {
        str(row[0]): (int(row[1]), str(row[2]))
        for row in database.execute(
            f"SELECT case_id, version, state FROM case_receipts WHERE case_id IN ({marks})",
            tuple(case_ids),
        )
    }
    outbox: dict[str, list[_OutboxRow]] = {}
    for case_id, version, state, attempts, reason in database.execute(
        "SELECT case_id, version, state, attempts, last_error FROM outbox "
        f"WHERE case_id IN ({marks}) AND state != 'sent'",
        tuple(case_ids),
    ):
        outbox.setdefault(str(case_id), []).append(
            _OutboxRow(int(version), str(state), int(attempts), str(reason or ""))
        )
    return {
        case_id: derive_sync_state(receipts.get(case_id), outbox.get(case_id, ()))
        for case_id in case_ids
        if case_id in receipts or case_id in outbox
    }


def summaries_by_id(database: Database, case_ids: Sequence[str]) -> dict[str, CaseSummary]:
    """The case-list rows of these cases (unknown ids are left out)."""
    wanted = sorted(set(case_ids))
    if not wanted:
        return {}
    marks = ", ".join("?" * len(wanted))
    rows = database.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM cases WHERE cases.case_id IN ({marks})", tuple(wanted)
    ).fetchall()
    return {str(row[0]): summary_of(row) for row in rows}


class CaseIndex:
    """The case list as the GUI and the services read it. Not thread-safe (like the
    CaseStore it comes from)."""

    def __init__(
        self, database: Database, *, boundary: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._database = database
        self._boundary = boundary

    def page(
        self,
        *,
        search: str | None = None,
        case_filter: str = "all",
        today: date,
        offset: int = 0,
        limit: int = 50,
    ) -> CaseListPage:
        """One page of the cases the search and filter match, with the total; ``today``
        decides which follow-ups are due. ValueError for an unknown filter or bad page."""
        chosen = check_filter(case_filter)
        check_page(offset, limit)
        with self._boundary():
            total = count_filtered(self._database, search=search, case_filter=chosen, today=today)
            entries = list_filtered(
                self._database,
                search=search,
                case_filter=chosen,
                today=today,
                offset=offset,
                limit=limit,
                total=total,
            )
        return CaseListPage(entries, total)

    def summaries(self, case_ids: Sequence[str]) -> dict[str, CaseSummary]:
        with self._boundary():
            return summaries_by_id(self._database, case_ids)

    def sync_state(self, case_id: str) -> CaseSyncState:
        with self._boundary():
            return sync_states(self._database, [case_id]).get(case_id, NOT_SENT)
