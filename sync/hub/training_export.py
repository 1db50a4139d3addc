"""The learning loop's export: expert-confirmed mechanisms and follow-up outcomes as
training records (JSON Lines, docs/models.md "Training records").

One record per reviewed case: ``case`` is the version the expert answered (as it was when
the decision was made), ``labels`` the mechanisms the expert confirmed (1/0; null when
unsure), ``treatment`` the option started at the last evaluable follow-up in the case's
newest version, and ``responded`` whether the primary NRS item fell by >= 30 % there
(IMMPACT, computed by the domain). Everything exported is already pseudonymized (the hub
never holds names or contacts). Cases without an expert answer but with an outcome give a
record without labels (they still train the response model).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.case_parsing import parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.scales.immpact import ImmpactResponse
from desktop.domain.vocabulary import TreatmentOption, values_of
from sync.hub.context import Hub
from sync.hub.keys import Sealed
from sync.hub.schema import case_versions, changes
from sync.hub.uploads import associated_data

MECHANISMS = ("nociceptive", "neuropathic", "nociplastic")
PANEL = frozenset(values_of(TreatmentOption))


@dataclass(frozen=True)
class ExportSummary:
    records: int
    with_labels: int
    with_outcome: int


def _outcome(document: dict[str, Any]) -> tuple[str | None, int | None]:
    """(treatment, responded) of the last evaluable follow-up with a started option."""
    case = parse_case(document)
    derived = derive_scores(case)
    follow_ups = case.follow_ups or ()
    for response in reversed(derived.follow_ups):
        started = follow_ups[response.index].treatment_started
        if (
            started is None
            or started not in PANEL
            or not isinstance(response.primary, ImmpactResponse)
        ):
            continue
        if response.primary.label == "not_evaluable":
            continue
        return str(started), int(response.primary.label in ("moderate", "substantial"))
    return None, None


def training_records(hub: Hub) -> Iterator[dict[str, Any]]:
    with hub.database.reading() as connection:
        rows = connection.execute(
            select(case_versions).order_by(
                case_versions.c.clinic_id, case_versions.c.case_id, case_versions.c.version
            )
        ).all()
        answers = connection.execute(
            select(changes.c.clinic_id, changes.c.case_id, changes.c.payload)
            .where(changes.c.kind == "recommendation")
            .order_by(changes.c.seq)
        ).all()
    versions: dict[tuple[str, str], dict[int, Any]] = {}
    for row in rows:
        versions.setdefault((row.clinic_id, row.case_id), {})[row.version] = row
    answered = {(a.clinic_id, a.case_id): json.loads(a.payload) for a in answers}

    def document(row: Any) -> dict[str, Any]:
        text = hub.keys.data.open(
            Sealed(row.key_id, row.nonce, row.ciphertext),
            associated_data(row.clinic_id, row.case_id, row.version),
        )
        value: dict[str, Any] = json.loads(text)
        return value

    for key, by_version in versions.items():
        newest = by_version[max(by_version)]
        treatment, responded = _outcome(document(newest))
        answer = answered.get(key)
        if answer is None and responded is None:
            continue
        labels: dict[str, int | None] = dict.fromkeys(MECHANISMS)
        decided = by_version[min(by_version)]
        if answer is not None:
            decided = by_version.get(int(answer["case_version"]), decided)
            for name in MECHANISMS:
                value = answer["mechanisms"].get(name)
                labels[name] = None if value is None else int(bool(value))
        yield {
            "case": document(decided),
            "labels": labels,
            "treatment": treatment,
            "responded": responded,
        }


def export_training_set(hub: Hub, out: Path) -> ExportSummary:
    """Write the records to ``out`` (replaced atomically); returns counts."""
    records = with_labels = with_outcome = 0
    temporary = out.with_name(f".{out.name}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        for record in training_records(hub):
            handle.write(json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n")
            records += 1
            with_labels += any(v is not None for v in record["labels"].values())
            with_outcome += record["responded"] is not None
    temporary.replace(out)
    return ExportSummary(records, with_labels, with_outcome)
