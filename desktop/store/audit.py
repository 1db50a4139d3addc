"""The audit chain: every change leaves an HMAC-chained entry that cannot be quietly altered.

``mac(n) = HMAC-SHA256(audit_key, "entry" || mac(n-1) || canonical(entry n))``, with
``mac(0)`` = 32 zero bytes. ``audit_head`` (one row, its own MAC) is updated in the same
transaction as each entry, and after each commit the head is copied, MACed, into the
``audit-anchor`` file outside the database. Removing the last entries *and* the head is
therefore still noticed, as long as the anchor file survives; the hub holds a third copy
of the head after each sync, and its signed receipts (desktop/store/hub_anchors.py) are
checked here too (see docs/storage.md, "Audit chain").

The audit key is derived from the data key, so only someone who can unlock the store can
write valid entries; ``verify`` tells edited, deleted, reordered and truncated apart.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from desktop.store.database import Database
from desktop.store.home import write_file_atomically
from desktop.store.hub_anchors import HubAnchor, anchored_heads
from desktop.store.keys import wipe

logger = logging.getLogger(__name__)

GENESIS_MAC = "0" * 64
MAXIMUM_DETAIL_CHARACTERS = 2048
# Keys that would put patient data into the audit log; the log must stay PHI-free.
PHI_DETAIL_KEYS = frozenset(
    {
        "patient_name",
        "name",
        "first_name",
        "last_name",
        "birth_date",
        "date_of_birth",
        "address",
        "phone",
        "email",
        "notes",
        "document",
    }
)
_ANCHOR_FORMAT = "painbridge-audit-anchor"
# Above this many (failing entry x candidate position) MAC checks, a failing entry is
# simply reported as edited instead of searching where it was moved from.
_REORDER_SEARCH_BUDGET = 200_000


class ProblemKind(Enum):
    EDITED = "edited"
    DELETED = "deleted"
    REORDERED = "reordered"
    TRUNCATED = "truncated"


@dataclass(frozen=True)
class AuditProblem:
    """One finding: where (``seq``; None for the head or anchor) and what is wrong."""

    seq: int | None
    kind: ProblemKind
    message: str


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries_checked: int
    problems: tuple[AuditProblem, ...]
    #: the newest head the hub confirmed (None: never anchored at a hub)
    hub_anchor: HubAnchor | None = None


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    mac: str


@dataclass(frozen=True)
class _Row:
    seq: int
    at: str
    actor: str
    action: str
    object_type: str
    object_id: str
    detail: str
    prev_mac: str
    mac: str


@dataclass(frozen=True)
class AnchorState:
    store_id: str
    seq: int
    mac: str


class AnchorDamagedError(Exception):
    """The anchor file exists but cannot be trusted (internal; reported by verify)."""


def canonical_detail(detail: Mapping[str, Any]) -> str:
    """The detail as stored and MACed; refuses PHI-looking keys and oversized details."""
    phi_keys = sorted(PHI_DETAIL_KEYS & {str(key).casefold() for key in detail})
    if phi_keys:
        raise ValueError(f"audit detail must not contain patient data ({', '.join(phi_keys)})")
    text = json.dumps(
        dict(detail), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )
    if len(text) > MAXIMUM_DETAIL_CHARACTERS:
        raise ValueError(f"audit detail is longer than {MAXIMUM_DETAIL_CHARACTERS} characters")
    return text


class AuditAnchor:
    """The ``audit-anchor`` file: the last head seen, MACed with the audit key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, key: bytearray) -> AnchorState | None:
        """The anchor, None when there is no file; raises AnchorDamagedError if untrustworthy."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            document = json.loads(raw)
            state = AnchorState(
                store_id=str(document["store_id"]),
                seq=int(document["seq"]),
                mac=str(document["mac"]),
            )
            recorded = str(document["anchor_mac"])
        except (ValueError, KeyError, TypeError):
            raise AnchorDamagedError("the audit anchor file is not readable") from None
        if not hmac.compare_digest(recorded, _anchor_mac(key, state)):
            raise AnchorDamagedError("the audit anchor file was altered")
        return state

    def write(self, key: bytearray, state: AnchorState) -> None:
        document = {
            "format": _ANCHOR_FORMAT,
            "store_id": state.store_id,
            "seq": state.seq,
            "mac": state.mac,
            "anchor_mac": _anchor_mac(key, state),
        }
        # Losing this rename in a power cut only leaves the previous, still valid anchor,
        # so the directory fsync is needed only for the very first anchor.
        write_file_atomically(
            self.path,
            (json.dumps(document, sort_keys=True) + "\n").encode("ascii"),
            durable_rename=not self.path.exists(),
        )


class AuditChain:
    """Appends and verifies audit entries of one store. Owns (and wipes) the audit key."""

    def __init__(
        self,
        database: Database,
        key: bytearray,
        anchor: AuditAnchor,
        *,
        store_id: str,
        now: Callable[[], str],
    ) -> None:
        self._database = database
        self._key = key
        self._anchor = anchor
        self._store_id = store_id
        self._now = now
        self._unpublished: AnchorState | None = None
        self._anchor_trusted = True

    # --- writing --------------------------------------------------------------------------

    def append(
        self,
        *,
        actor: str,
        action: str,
        object_type: str,
        object_id: str,
        detail: Mapping[str, Any],
    ) -> AuditEntry:
        """Add an entry inside the current transaction (a savepoint if one is open)."""
        detail_text = canonical_detail(detail)
        with self._database.transaction():
            # Chain onto the stored tail (not the head): even after tampering, new entries
            # still append; the evidence stays in the anchor file and verify reports it.
            tail = self._database.execute(
                "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, prev_mac = (int(tail[0]) + 1, str(tail[1])) if tail else (1, GENESIS_MAC)
            at = self._now()
            row = _Row(seq, at, actor, action, object_type, object_id, detail_text, prev_mac, "")
            mac = self._entry_mac(row, seq)
            self._database.execute(
                "INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, "
                "detail, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (seq, at, actor, action, object_type, object_id, detail_text, prev_mac, mac),
            )
            self._database.execute(
                "INSERT INTO audit_head (id, seq, mac, head_mac) VALUES (1, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, mac = excluded.mac, "
                "head_mac = excluded.head_mac",
                (seq, mac, self._head_mac(seq, mac)),
            )
        self._unpublished = AnchorState(self._store_id, seq, mac)
        return AuditEntry(
            seq, at, actor, action, object_type, object_id, json.loads(detail_text), mac
        )

    def discard_unpublished(self) -> None:
        """The transaction rolled back: there is no new head to anchor."""
        self._unpublished = None

    def publish_anchor(self) -> None:
        """After commit: copy the head to the anchor file (best effort, see docstring).

        The entries are committed already, so failing here must not fail the save: the
        anchor then lags behind, which verify accepts, and is brought up to date by the
        next commit or the next unlock.
        """
        state, self._unpublished = self._unpublished, None
        if state is None or not self._anchor_trusted:
            return
        try:
            self._anchor.write(self._key, state)
        except OSError as error:
            logger.warning("audit anchor not updated (will retry on next commit): %s", error)

    def inspect_anchor(self) -> None:
        """At unlock: trust the anchor only if the chain extends it; bring it up to date.

        An anchor that is ahead of the database, altered, or missing while entries exist
        is evidence of tampering: it is left as it is (never overwritten) and reported by
        :meth:`verify`.
        """
        if "audit_head" not in self._database.table_names():
            return  # a new database: nothing to compare yet
        try:
            state = self._anchor.read(self._key)
        except AnchorDamagedError:
            self._anchor_trusted = False
            return
        if state is None:  # fine for a new store only: otherwise the file was removed
            self._anchor_trusted = self._database.scalar("SELECT max(seq) FROM audit_log") is None
            return
        stored = self._database.scalar("SELECT mac FROM audit_log WHERE seq = ?", (state.seq,))
        self._anchor_trusted = state.store_id == self._store_id and stored == state.mac
        head = self._sound_head()
        if self._anchor_trusted and head is not None and head.seq > state.seq:
            self._unpublished = head  # a commit whose anchor write was cut short
            self.publish_anchor()

    def _sound_head(self) -> AnchorState | None:
        """The head, if its MAC is valid and it matches the last stored entry."""
        head = self._database.execute(
            "SELECT seq, mac, head_mac FROM audit_head WHERE id = 1"
        ).fetchone()
        tail = self._database.execute(
            "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        if head is None or tail is None:
            return None
        seq, mac, head_mac = int(head[0]), str(head[1]), str(head[2])
        sound = hmac.compare_digest(self._head_mac(seq, mac), head_mac) and (seq, mac) == (
            int(tail[0]),
            str(tail[1]),
        )
        return AnchorState(self._store_id, seq, mac) if sound else None

    @property
    def anchor_trusted(self) -> bool:
        return self._anchor_trusted

    def head_seq(self) -> int:
        return int(self._database.scalar("SELECT seq FROM audit_head WHERE id = 1") or 0)

    def wipe(self) -> None:
        wipe(self._key)

    # --- verifying ------------------------------------------------------------------------

    def verify(self) -> AuditReport:
        """Recompute the whole chain; see docs/storage.md for how findings are classified."""
        index = self._database.execute("SELECT seq, mac FROM audit_log ORDER BY seq").fetchall()
        seq_by_mac = {str(mac): int(seq) for seq, mac in index}
        problems: list[AuditProblem] = []
        failing: list[_Row] = []
        failing_seqs: set[int] = set()
        gaps_before: set[int] = set()
        missing: list[int] = []
        links: list[tuple[_Row, int | None]] = []
        expected = 1
        for row in self._rows():
            if row.seq > expected:
                problems.append(
                    AuditProblem(
                        expected,
                        ProblemKind.DELETED,
                        f"entries {expected} to {row.seq - 1} are missing",
                    )
                )
                gaps_before.add(row.seq)
                missing.extend(range(expected, row.seq))
            expected = row.seq + 1
            if not hmac.compare_digest(self._entry_mac(row, row.seq), row.mac):
                failing.append(row)
                failing_seqs.add(row.seq)
                continue
            predecessor = 0 if row.prev_mac == GENESIS_MAC else seq_by_mac.get(row.prev_mac)
            if predecessor != row.seq - 1:
                links.append((row, predecessor))
        problems += self._classify_links(links, failing_seqs, gaps_before)
        last_seq = int(index[-1][0]) if index else 0
        candidates = sorted(
            failing_seqs | set(missing) | set(range(last_seq + 1, last_seq + 1 + len(failing)))
        )
        problems += self._classify_failing(failing, candidates, seq_by_mac)
        last_mac = str(index[-1][1]) if index else GENESIS_MAC
        problems += self._check_head(last_seq, last_mac)
        problems += self._check_anchor(last_seq, seq_by_mac, problems)
        anchors = anchored_heads(self._database)
        problems += _check_hub_anchors(anchors, last_seq, seq_by_mac)
        problems.sort(key=lambda problem: (problem.seq is None, problem.seq or 0))
        latest = anchors[-1] if anchors else None
        return AuditReport(not problems, len(index), tuple(problems), latest)

    def _rows(self) -> Iterator[_Row]:
        cursor = self._database.execute(
            "SELECT seq, at, actor, action, object_type, object_id, detail, prev_mac, mac "
            "FROM audit_log ORDER BY seq"
        )
        for values in cursor:
            yield _Row(*values)

    @staticmethod
    def _classify_links(
        links: list[tuple[_Row, int | None]], failing_seqs: set[int], gaps_before: set[int]
    ) -> list[AuditProblem]:
        problems = []
        for row, predecessor in links:
            if row.seq - 1 in failing_seqs or predecessor in failing_seqs:
                continue  # already reported as the neighbour's problem
            if predecessor is None:
                if row.seq not in gaps_before:
                    problems.append(
                        AuditProblem(
                            row.seq,
                            ProblemKind.DELETED,
                            f"the entry written just before entry {row.seq} is missing",
                        )
                    )
            else:
                problems.append(
                    AuditProblem(
                        row.seq,
                        ProblemKind.REORDERED,
                        f"entry {row.seq} was written after entry {predecessor} but is "
                        f"stored after entry {row.seq - 1}",
                    )
                )
        return problems

    def _classify_failing(
        self, failing: list[_Row], candidates: list[int], seq_by_mac: dict[str, int]
    ) -> list[AuditProblem]:
        search = len(failing) * len(candidates) <= _REORDER_SEARCH_BUDGET
        problems = []
        for row in failing:
            written_as = next(
                (
                    seq
                    for seq in (candidates if search else [])
                    if seq != row.seq and hmac.compare_digest(self._entry_mac(row, seq), row.mac)
                ),
                None,
            )
            if written_as is None:
                problems.append(
                    AuditProblem(
                        row.seq,
                        ProblemKind.EDITED,
                        f"entry {row.seq} was changed after it was written",
                    )
                )
            else:
                problems.append(
                    AuditProblem(
                        row.seq,
                        ProblemKind.REORDERED,
                        f"the entry stored as {row.seq} was written as entry {written_as}",
                    )
                )
                if row.prev_mac != GENESIS_MAC and row.prev_mac not in seq_by_mac:
                    problems.append(
                        AuditProblem(
                            row.seq,
                            ProblemKind.DELETED,
                            f"entry {written_as - 1} is missing and later entries were "
                            "renumbered to hide the gap",
                        )
                    )
        return problems

    def _check_head(self, last_seq: int, last_mac: str) -> list[AuditProblem]:
        head = self._database.execute(
            "SELECT seq, mac, head_mac FROM audit_head WHERE id = 1"
        ).fetchone()
        if head is None:
            if last_seq == 0:
                return []
            return [AuditProblem(None, ProblemKind.TRUNCATED, "the audit head record is missing")]
        seq, mac, head_mac = int(head[0]), str(head[1]), str(head[2])
        if not hmac.compare_digest(self._head_mac(seq, mac), head_mac):
            return [AuditProblem(None, ProblemKind.EDITED, "the audit head record was altered")]
        if seq > last_seq:
            return [
                AuditProblem(
                    last_seq + 1,
                    ProblemKind.TRUNCATED,
                    f"entries {last_seq + 1} to {seq} are missing (the audit head records "
                    f"{seq} entries)",
                )
            ]
        if seq < last_seq or not hmac.compare_digest(mac, last_mac):
            return [
                AuditProblem(
                    seq, ProblemKind.EDITED, "the last entry does not match the audit head"
                )
            ]
        return []

    def _check_anchor(
        self, last_seq: int, seq_by_mac: dict[str, int], found: list[AuditProblem]
    ) -> list[AuditProblem]:
        try:
            state = self._anchor.read(self._key)
        except AnchorDamagedError as damaged:
            return [AuditProblem(None, ProblemKind.EDITED, str(damaged))]
        if state is None:
            if last_seq == 0:
                return []
            return [AuditProblem(None, ProblemKind.DELETED, "the audit anchor file is missing")]
        if state.store_id != self._store_id:
            return [
                AuditProblem(
                    None, ProblemKind.EDITED, "the audit anchor file belongs to other data"
                )
            ]
        if state.seq > last_seq:
            already = any(
                problem.kind is ProblemKind.TRUNCATED and problem.seq == last_seq + 1
                for problem in found
            )
            if already and state.seq <= self.head_seq():
                return []
            return [
                AuditProblem(
                    last_seq + 1,
                    ProblemKind.TRUNCATED,
                    f"entries {last_seq + 1} to {state.seq} are missing (the audit anchor "
                    f"file records {state.seq} entries)",
                )
            ]
        if seq_by_mac.get(state.mac) != state.seq:
            return [
                AuditProblem(
                    state.seq,
                    ProblemKind.EDITED,
                    f"entry {state.seq} differs from the one recorded in the audit anchor file",
                )
            ]
        return []

    # --- MACs -----------------------------------------------------------------------------

    def _entry_mac(self, row: _Row, seq: int) -> str:
        try:
            previous = bytes.fromhex(row.prev_mac)
        except ValueError:
            return ""
        content = json.dumps(
            [seq, row.at, row.actor, row.action, row.object_type, row.object_id, row.detail],
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        return hmac.new(self._key, b"entry\x00" + previous + content, hashlib.sha256).hexdigest()

    def _head_mac(self, seq: int, mac: str) -> str:
        message = f"head\x00{self._store_id}\x00{seq}\x00{mac}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


def _check_hub_anchors(
    anchors: list[HubAnchor], last_seq: int, seq_by_mac: dict[str, int]
) -> list[AuditProblem]:
    """The lowest entry anchored at the hub that this chain no longer holds, if any."""
    for anchor in anchors:
        when = f"anchored at the hub {anchor.anchored_at}"
        if anchor.seq > last_seq:
            return [
                AuditProblem(
                    last_seq + 1,
                    ProblemKind.TRUNCATED,
                    f"entries {last_seq + 1} to {anchor.seq} are missing (the log had "
                    f"{anchor.seq} entries when it was {when})",
                )
            ]
        if anchor.seq > 0 and seq_by_mac.get(anchor.mac) != anchor.seq:
            return [
                AuditProblem(
                    anchor.seq,
                    ProblemKind.EDITED,
                    f"entry {anchor.seq} differs from the one {when}: the log was "
                    "rewritten from there or earlier",
                )
            ]
    return []


def _anchor_mac(key: bytearray, state: AnchorState) -> str:
    message = f"anchor\x00{state.store_id}\x00{state.seq}\x00{state.mac}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
