"""When to refer a case to the hub, and why: configurable rules (named settings).

Each enabled rule that fires adds a reason; the case is referred when there is at least one.
A clinician's request always counts.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import Field

from desktop.domain import sources_guidelines as guidelines
from desktop.domain.alerts.alert import Alert, severity_rank
from desktop.domain.derived import DerivedScores
from desktop.domain.pharmacology.analgesic_level import AnalgesicLevel
from desktop.domain.results import ResultModel
from desktop.domain.scales.nrs import band_nrs
from desktop.domain.scales.pmi import Pmi
from desktop.domain.settings import ClinicalSettings
from desktop.domain.texts import Listed, Term, Text, TextArg, phrase, template
from desktop.domain.trajectory import TrajectoryPoint
from desktop.domain.treatment_options import PANEL, option_term

LOW_CONFIDENCE_CODES = frozenset({"MODEL_LOW_CONFIDENCE", "MODEL_NEAR_THRESHOLD"})
REFERRAL_RULE = "Refer when any enabled referral rule fires (settings refer_on_*)"

CLINICIAN_REQUEST = template("The clinician asked for a hub review.")
LOW_CONFIDENCE = template("The model is not confident about the {mechanisms} mechanism.")
OUT_OF_DISTRIBUTION = template("The case is unlike the cases the model was trained on.")
SEVERE_ON_STRONG_OPIOID = template(
    "Severe pain (worst {worst}/10 at {when}, {scheme} bands) despite a strong opioid ({opioids})."
)
NEGATIVE_PMI = template(
    "Pain Management Index {pmi} (at or below {limit}): possible under-treatment."
)
GUIDELINE_ALERT = template(
    "A guideline alert at {severity} or above concerns {options} (see Alerts)."
)
GUIDELINE_ALERTS = template(
    "{count:d} guideline alerts at {severity} or above concern {options} (see Alerts)."
)
GUIDELINE_ALERT_GENERAL = template("A guideline alert at {severity} or above (see Alerts).")
GUIDELINE_ALERTS_GENERAL = template(
    "{count:d} guideline alerts at {severity} or above (see Alerts)."
)
NRS_RISE = template(
    "Worst pain rose by {rise} points, from {lowest} to {latest} at {when} (threshold {threshold})."
)
BASELINE = phrase("baseline")
FOLLOW_UP = template("follow-up {number}")
MEDD_RISE = template(
    "MEDD rose from {before:g} to {now:g} mg/day at {when} (threshold {threshold}% rise)."
)


class ReferralReason(ResultModel):
    """One reason to refer, and the setting that enables it.

    ``reason`` is the English sentence; ``reason_template``/``reason_args`` say how it was
    made (desktop/domain/texts.py) so the GUI can translate it (None in older reports).
    ``alerts`` are the codes of the alerts behind the reason (the sentence names what they
    concern in words, never the codes).
    """

    code: str
    reason: str
    setting: str
    reason_template: str | None = None
    reason_args: dict[str, TextArg] = Field(default_factory=dict)
    alerts: tuple[str, ...] = ()


def point_label(label: str) -> TextArg:
    """A trajectory point's label ("baseline", "follow-up 2") as a translatable text."""
    if label == BASELINE.phrase:
        return BASELINE
    number = label.removeprefix("follow-up ")
    if label.startswith("follow-up ") and number.isdigit():
        return FOLLOW_UP.fill(number=int(number))
    return label


def _reason(code: str, text: Text, setting: str, alerts: tuple[str, ...] = ()) -> ReferralReason:
    return ReferralReason(
        code=code,
        reason=text.english,
        setting=setting,
        reason_template=text.template,
        reason_args=text.args,
        alerts=alerts,
    )


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
            _reason("REFER_CLINICIAN_REQUEST", CLINICIAN_REQUEST.fill(), "(always honoured)")
        )
    return Referral(recommended=bool(reasons), reasons=tuple(reasons))


def _model_reasons(alerts: Sequence[Alert], settings: ClinicalSettings) -> list[ReferralReason]:
    reasons = []
    low = sorted({a.inputs[0].path.split(".")[2] for a in alerts if a.code in LOW_CONFIDENCE_CODES})
    if settings.refer_on_low_confidence and low:
        reasons.append(
            _reason(
                "REFER_LOW_CONFIDENCE",
                LOW_CONFIDENCE.fill(
                    mechanisms=Listed(items=tuple(Term(term=m, english=m) for m in low))
                ),
                "refer_on_low_confidence",
            )
        )
    if settings.refer_on_out_of_distribution and any(
        a.code == "MODEL_OUT_OF_DISTRIBUTION" for a in alerts
    ):
        reasons.append(
            _reason(
                "REFER_OUT_OF_DISTRIBUTION",
                OUT_OF_DISTRIBUTION.fill(),
                "refer_on_out_of_distribution",
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
        _reason(
            "REFER_SEVERE_PAIN_ON_STRONG_OPIOID",
            SEVERE_ON_STRONG_OPIOID.fill(
                worst=latest.worst,
                when=point_label(latest.label),
                scheme=band.scheme,
                opioids=Listed(items=tuple(level.most_potent)),
            ),
            "refer_on_severe_pain_on_strong_opioid",
        )
    ]


def _negative_pmi(derived: DerivedScores, settings: ClinicalSettings) -> list[ReferralReason]:
    pmi, limit = derived.pmi, settings.refer_on_pmi_at_or_below
    if limit is None or not isinstance(pmi, Pmi) or pmi.pmi > limit:
        return []
    return [
        _reason(
            "REFER_NEGATIVE_PMI",
            NEGATIVE_PMI.fill(pmi=pmi.pmi, limit=limit),
            "refer_on_pmi_at_or_below",
        )
    ]


def _guideline_conflict(
    alerts: Sequence[Alert], settings: ClinicalSettings
) -> list[ReferralReason]:
    floor = settings.refer_on_guideline_severity
    if floor is None:
        return []
    serious = [a for a in alerts if a.kind == "guideline" and a.rank >= severity_rank(floor)]
    codes = tuple(sorted({a.code for a in serious}))
    if not codes:
        return []
    return [
        _reason(
            "REFER_GUIDELINE_CONFLICT",
            _guideline_text(len(codes), Term(term=floor), serious),
            "refer_on_guideline_severity",
            alerts=codes,
        )
    ]


def _guideline_text(count: int, severity: Term, alerts: Sequence[Alert]) -> Text:
    """How many guideline alerts, and the treatment options they concern (in words)."""
    affected = [option for option in PANEL if any(option in a.affects for a in alerts)]
    if not affected:
        if count == 1:
            return GUIDELINE_ALERT_GENERAL.fill(severity=severity)
        return GUIDELINE_ALERTS_GENERAL.fill(count=count, severity=severity)
    options = Listed(items=tuple(option_term(option) for option in affected))
    if count == 1:
        return GUIDELINE_ALERT.fill(severity=severity, options=options)
    return GUIDELINE_ALERTS.fill(count=count, severity=severity, options=options)


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
                _reason(
                    "REFER_RAPID_ESCALATION_NRS",
                    NRS_RISE.fill(
                        rise=latest - lowest,
                        lowest=lowest,
                        latest=latest,
                        when=point_label(label),
                        threshold=rise,
                    ),
                    "refer_on_nrs_rise_points",
                )
            )
    percent = settings.refer_on_medd_rise_percent
    medd = [(p.label, p.medd_mg_per_day) for p in trajectory if p.medd_mg_per_day is not None]
    if percent is not None and len(medd) >= 2:
        (_, before), (label, now) = medd[-2], medd[-1]
        if before and before > 0 and (now - before) * 100 >= percent * before:
            reasons.append(
                _reason(
                    "REFER_RAPID_ESCALATION_MEDD",
                    MEDD_RISE.fill(
                        before=before, now=now, when=point_label(label), threshold=percent
                    ),
                    "refer_on_medd_rise_percent",
                )
            )
    return reasons
