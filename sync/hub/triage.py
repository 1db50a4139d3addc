"""How urgent a received case is, and the indicators the dashboard aggregates.

Computed at the hub from the pseudonymized case with the domain's own scores, so the
queue order does not depend on what a clinic claims. Urgency (docs/hub.md, "Review
queue"): *urgent* when the worst pain is severe (NRS >= 7) while the analgesia is too weak
for it (negative Pain Management Index) or when the QTc is above 500 ms (strong methadone alert);
*soon* when the worst pain is severe, or moderate with a negative PMI or a positive
neuropathic screen; otherwise *routine*. A clinician's request for hub review
(:func:`with_clinician_request`) raises a case to at least *soon*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.domain.case import Case
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.methadone_qtc import MethadoneQtc
from desktop.domain.scales.dn4 import Dn4Score
from desktop.domain.scales.immpact import ImmpactResponse
from desktop.domain.scales.pmi import Pmi
from sync.protocol import Urgency

SEVERE = 7
MODERATE = 4
CLINICIAN_REQUEST_REASON = "the clinician requested a hub review"
_RANK: dict[Urgency, int] = {"urgent": 0, "soon": 1, "routine": 2}


@dataclass(frozen=True)
class Triage:
    urgency: Urgency
    reasons: tuple[str, ...]
    indicators: dict[str, Any]


def _worst(derived: DerivedScores) -> int | None:
    band = derived.nrs_bands.get("worst")
    return band.value if band is not None else None


def triage_case(case: Case) -> Triage:
    """Urgency, its reasons, and the quality indicators of one case version."""
    derived = derive_scores(case)
    worst = _worst(derived)
    pmi = derived.pmi if isinstance(derived.pmi, Pmi) else None
    dn4 = derived.dn4 if isinstance(derived.dn4, Dn4Score) else None
    qtc = derived.methadone_qtc if isinstance(derived.methadone_qtc, MethadoneQtc) else None
    qtc_warning = qtc is not None and qtc.flag == "strong"
    reasons: list[str] = []
    severe = worst is not None and worst >= SEVERE
    negative_pmi = pmi is not None and pmi.negative
    if severe:
        reasons.append(f"worst pain NRS {worst}/10 (severe)")
    if negative_pmi:
        reasons.append("negative Pain Management Index (analgesia weaker than the pain)")
    if dn4 is not None and dn4.positive:
        reasons.append(f"DN4 positive ({dn4.total}/{dn4.max_total}): neuropathic component")
    if qtc is not None and qtc_warning:
        reasons.append(f"QTc {qtc.qtc_ms:.0f} ms: strong methadone alert")
    urgency: Urgency = "routine"
    if (severe and negative_pmi) or qtc_warning:
        urgency = "urgent"
    elif severe or (
        worst is not None and worst >= MODERATE and (negative_pmi or (dn4 and dn4.positive))
    ):
        urgency = "soon"
    return Triage(urgency, tuple(reasons), _indicators(derived, pmi, dn4))


def with_clinician_request(
    urgency: Urgency, reasons: tuple[str, ...]
) -> tuple[Urgency, tuple[str, ...]]:
    """The urgency of a case whose clinician asked for hub review: at least *soon*, with
    the request among its reasons (applied at most once)."""
    raised: Urgency = urgency if _RANK[urgency] <= _RANK["soon"] else "soon"
    if CLINICIAN_REQUEST_REASON in reasons:
        return raised, reasons
    return raised, (*reasons, CLINICIAN_REQUEST_REASON)


def _indicators(derived: DerivedScores, pmi: Pmi | None, dn4: Dn4Score | None) -> dict[str, Any]:
    responders = [
        follow_up.primary.label in ("moderate", "substantial")
        for follow_up in derived.follow_ups
        if isinstance(follow_up.primary, ImmpactResponse)
        and follow_up.primary.label != "not_evaluable"
    ]
    return {
        "negative_pmi": None if pmi is None else pmi.negative,
        "dn4_complete": dn4 is not None,
        "responder": responders[-1] if responders else None,
    }
