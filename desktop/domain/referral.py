"""When to refer a case to the hub, and why: configurable rules (named settings).

Each enabled rule that fires adds a reason; the case is referred when there is at least one.
A clinician's request always counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, severity_rank
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.results import ResultModel
from desktop.domain.scales.nrs import band_nrs
from desktop.domain.scales.pmi import Pmi
from desktop.domain.settings import ClinicalSettings
from desktop.domain.trajectory import TrajectoryPoint

LOW_CONFIDENCE_CODES = frozenset({"MODEL_LOW_CONFIDENCE", "MODEL_NEAR_THRESHOLD"})
REFERRAL_RULE = "Refer when any enabled referral rule fires (settings refer_on_*)"


class ReferralReason(ResultModel):
    """One reason to refer, and the setting that enables it."""

    code: str
    reason: str
    setting: str


class Referral(ResultModel):
    """The recommendation and its reasons (empty when not recommended)."""

    recommended: bool
    reasons: tuple[ReferralReason, ...]
    rule: str = REFERRAL_RULE
    source: str = guidelines.PROJECT_REFERRAL_RULES


def recommend_referral(
    derived: DerivedScores,
    alerts: Sequence[Alert],
    trajectory: Sequence[TrajectoryPoint],
    settings: ClinicalSettings,
    *,
    clinician_request: bool = False,
) -> Referral:
    """Refer to the hub when the case is complex (see the settings ``refer_on_*``)."""
    reasons = [
        *_model_reasons(alerts, settings),
        *_severe_on_strong_opioid(derived, trajectory, settings),
        *_negative_pmi(derived, settings),
        *_guideline_conflict(alerts, settings),
        *_escalation(trajectory, settings),
    ]
    if clinician_request:
        reasons.append(
            ReferralReason(
                code="REFER_CLINICIAN_REQUEST",
                reason="The clinician asked for a hub review.",
                setting="(always honoured)",
            )
        )
    return Referral(recommended=bool(reasons), reasons=tuple(reasons))


def _model_reasons(alerts: Sequence[Alert], settings: ClinicalSettings) -> list[ReferralReason]:
    reasons = []
    low = sorted({a.inputs[0].path.split(".")[2] for a in alerts if a.code in LOW_CONFIDENCE_CODES})
    if settings.refer_on_low_confidence and low:
        reasons.append(
            ReferralReason(
                code="REFER_LOW_CONFIDENCE",
                reason=f"The model is not confident about the {', '.join(low)} mechanism.",
                setting="refer_on_low_confidence",
            )
        )
    if settings.refer_on_out_of_distribution and any(
        a.code == "MODEL_OUT_OF_DISTRIBUTION" for a in alerts
    ):
        reasons.append(
            ReferralReason(
                code="REFER_OUT_OF_DISTRIBUTION",
                reason="The case is unlike the cases the model was trained on.",
                setting="refer_on_out_of_distribution",
            )
        )
    return reasons


def _severe_on_strong_opioid(
    derived: DerivedScores, trajectory: Sequence[TrajectoryPoint], settings: ClinicalSettings
) -> list[ReferralReason]:
    level = derived.analgesic_level
    latest = next((p for p in reversed(trajectory) if p.worst is not None), None)
    if not settings.refer_on_severe_pain_on_strong_opioid or latest is None:
        return []
    if not isinstance(level, AnalgesicLevel) or level.level < 3 or latest.worst is None:
        return []
    band = band_nrs(latest.worst, settings.nrs_band_scheme, item="worst")
    if band.band != "severe":
        return []
    return [
        ReferralReason(
            code="REFER_SEVERE_PAIN_ON_STRONG_OPIOID",
            reason=f"Severe pain (worst {latest.worst}/10 at {latest.label}, "
            f"{band.scheme} bands) despite a strong opioid ({', '.join(level.most_potent)}).",
            setting="refer_on_severe_pain_on_strong_opioid",
        )
    ]


def _negative_pmi(derived: DerivedScores, settings: ClinicalSettings) -> list[ReferralReason]:
    pmi, limit = derived.pmi, settings.refer_on_pmi_at_or_below
    if limit is None or not isinstance(pmi, Pmi) or pmi.pmi > limit:
        return []
    return [
        ReferralReason(
            code="REFER_NEGATIVE_PMI",
            reason=f"Pain Management Index {pmi.pmi} (at or below {limit}): possible "
            "under-treatment.",
            setting="refer_on_pmi_at_or_below",
        )
    ]


def _guideline_conflict(
    alerts: Sequence[Alert], settings: ClinicalSettings
) -> list[ReferralReason]:
    floor = settings.refer_on_guideline_severity
    if floor is None:
        return []
    codes = sorted(
        {a.code for a in alerts if a.kind == "guideline" and a.rank >= severity_rank(floor)}
    )
    if not codes:
        return []
    return [
        ReferralReason(
            code="REFER_GUIDELINE_CONFLICT",
            reason=f"Guideline alerts at {floor} or above: {', '.join(codes)}.",
            setting="refer_on_guideline_severity",
        )
    ]


def _escalation(
    trajectory: Sequence[TrajectoryPoint], settings: ClinicalSettings
) -> list[ReferralReason]:
    reasons = []
    rise = settings.refer_on_nrs_rise_points
    worst = [(p.label, p.worst) for p in trajectory if p.worst is not None]
    if rise is not None and len(worst) >= 2:
        lowest = min(value for _, value in worst[:-1])
        label, latest = worst[-1]
        if latest - lowest >= rise:
            reasons.append(
                ReferralReason(
                    code="REFER_RAPID_ESCALATION_NRS",
                    reason=f"Worst pain rose by {latest - lowest} points, from {lowest} to "
                    f"{latest} at {label} (threshold {rise}).",
                    setting="refer_on_nrs_rise_points",
                )
            )
    percent = settings.refer_on_medd_rise_percent
    medd = [(p.label, p.medd_mg_per_day) for p in trajectory if p.medd_mg_per_day is not None]
    if percent is not None and len(medd) >= 2:
        (_, before), (label, now) = medd[-2], medd[-1]
        if before and before > 0 and (now - before) * 100 >= percent * before:
            reasons.append(
                ReferralReason(
                    code="REFER_RAPID_ESCALATION_MEDD",
                    reason=f"MEDD rose from {before:g} to {now:g} mg/day at {label} "
                    f"(threshold {percent}% rise).",
                    setting="refer_on_medd_rise_percent",
                )
            )
    return reasons
