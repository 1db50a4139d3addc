"""Guideline alerts: small pure rules over a case, its derived scores and the model output.

Rule modules by topic: ``rules_pgx`` (CYP2D6, CYP2C9), ``rules_nsaid``, ``rules_opioid``
(renal, laxative, methadone QTc), ``rules_interaction`` (benzodiazepine, gabapentinoid,
serotonergic), ``rules_adjuvant`` (gabapentinoid renal dose, tricyclics, corticosteroids,
duloxetine), ``rules_clinical`` (negative PMI, neuropathic / nociplastic vs opioids, bone
metastasis), ``rules_model`` (confidence, out of distribution) and ``rules_missing``.
"""

from desktop.domain.alerts.alert import (
    SEVERITIES,
    Alert,
    AlertInput,
    AlertKind,
    OptionAction,
    Severity,
    severity_rank,
)
from desktop.domain.alerts.evaluate import ALL_RULES, evaluate_alerts

__all__ = [
    "ALL_RULES",
    "SEVERITIES",
    "Alert",
    "AlertInput",
    "AlertKind",
    "OptionAction",
    "Severity",
    "evaluate_alerts",
    "severity_rank",
]
