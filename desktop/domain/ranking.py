"""Treatment options ranked by predicted response, with side effects and patient cautions.

Order: options without a demoting or excluding alert (by probability), then demoted ones
(by probability), then excluded ones (contraindicated). Every option of the model stays in
the list with its reason: nothing is dropped silently. Ties keep the bundle's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from desktop.domain.alerts.alert import Alert, OptionAction, Severity
from desktop.domain.model_output import Explanation, ModelOutput
from desktop.domain.results import ResultModel
from desktop.domain.texts import register_phrases
from desktop.domain.treatment_options import option_class

OptionStatus = Literal["ranked", "demoted", "excluded"]
_STATUS_ORDER: dict[OptionStatus, int] = {"ranked": 0, "demoted": 1, "excluded": 2}
RANKED_NOTE = (
    "Ranked by the predicted probability of at least 30% pain reduction if started. "
    "Options with a contraindication are listed last as not recommended; options an alert "
    "advises against are moved down below the others. The reason is shown on each; other "
    "cautions are shown on the option without moving it."
)
NO_MODEL_NOTE = (
    "No model loaded: treatment options are not ranked. The scores and guideline alerts "
    "below are computed from the case alone."
)
register_phrases((RANKED_NOTE, NO_MODEL_NOTE))


class OptionCaution(ResultModel):
    """A patient-specific alert shown on an option."""

    code: str
    severity: Severity
    action: OptionAction
    message: str
    source: str


class RankedOption(ResultModel):
    """One option: where it is shown, why, and what to watch for."""

    position: int  # 1-based, in the order shown
    model_rank: int  # 1-based, by predicted probability alone
    option: str
    label: str
    probability: float
    status: OptionStatus
    reasons: tuple[str, ...]  # why demoted or excluded ("CODE: message"), else empty
    side_effects: tuple[str, ...]
    side_effect_source: str
    cautions: tuple[OptionCaution, ...]
    explanation: Explanation


class Ranking(ResultModel):
    """The ranked list, or an empty list with the reason when no model was loaded."""

    basis: Literal["model", "none"]
    model: str | None
    note: str
    options: tuple[RankedOption, ...]

    def shown(self, status: OptionStatus) -> tuple[RankedOption, ...]:
        """Options with one status, in display order."""
        return tuple(o for o in self.options if o.status == status)


def rank_options(model_output: ModelOutput | None, alerts: Sequence[Alert]) -> Ranking:
    """Rank the model's options, applying each alert's action to the options it affects."""
    if model_output is None:
        return Ranking(basis="none", model=None, note=NO_MODEL_NOTE, options=())
    by_model = model_output.ranked_options()
    entries = []
    for model_rank, prediction in enumerate(by_model, start=1):
        affecting = [a for a in alerts if prediction.option in a.affects]
        status = _status(affecting)
        deciding = [a for a in affecting if a.action == _ACTION_OF[status]]
        kind = option_class(prediction.option)
        entries.append(
            RankedOption(
                position=0,
                model_rank=model_rank,
                option=prediction.option,
                label=kind.label,
                probability=prediction.probability,
                status=status,
                reasons=tuple(f"{a.code}: {a.message}" for a in deciding),
                side_effects=kind.side_effects,
                side_effect_source=kind.source,
                cautions=tuple(_caution(a) for a in affecting),
                explanation=prediction.explanation,
            )
        )
    entries.sort(key=lambda e: (_STATUS_ORDER[e.status], e.model_rank))
    options = tuple(
        e.model_copy(update={"position": position}) for position, e in enumerate(entries, 1)
    )
    return Ranking(basis="model", model=model_output.identity, note=RANKED_NOTE, options=options)


_ACTION_OF: dict[OptionStatus, OptionAction | None] = {
    "excluded": "exclude",
    "demoted": "demote",
    "ranked": None,
}


def _status(alerts: Sequence[Alert]) -> OptionStatus:
    actions = {a.action for a in alerts}
    if "exclude" in actions:
        return "excluded"
    if "demote" in actions:
        return "demoted"
    return "ranked"


def _caution(alert: Alert) -> OptionCaution:
    return OptionCaution(
        code=alert.code,
        severity=alert.severity,
        action=alert.action,
        message=alert.message,
        source=alert.source,
    )
