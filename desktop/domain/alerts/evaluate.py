"""Run every alert rule on one case: ``evaluate_alerts(case, derived, model, settings)``."""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain.alerts import (
    rules_adjuvant,
    rules_clinical,
    rules_interaction,
    rules_missing,
    rules_model,
    rules_nsaid,
    rules_opioid,
    rules_pgx,
)
from desktop.domain.alerts.alert import Alert, sort_alerts
from desktop.domain.alerts.facts import Facts
from desktop.domain.case import Case
from desktop.domain.derived import DerivedScores
from desktop.domain.model_output import ModelOutput
from desktop.domain.settings import ClinicalSettings

Rule = Callable[[Facts], list[Alert]]

#: Every rule, grouped by module; each is a pure function of the facts.
ALL_RULES: tuple[Rule, ...] = (
    *rules_pgx.RULES,
    *rules_nsaid.RULES,
    *rules_opioid.RULES,
    *rules_interaction.RULES,
    *rules_adjuvant.RULES,
    *rules_clinical.RULES,
    *rules_model.RULES,
    *rules_missing.RULES,
)


def evaluate_alerts(
    case: Case,
    derived: DerivedScores,
    model_output: ModelOutput | None,
    settings: ClinicalSettings,
    rules: tuple[Rule, ...] = ALL_RULES,
) -> tuple[Alert, ...]:
    """Every alert that fires, most serious first (deterministic order)."""
    facts = Facts(case=case, derived=derived, model=model_output, settings=settings)
    return sort_alerts([alert for rule in rules for alert in rule(facts)])
