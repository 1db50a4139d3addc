"""Scoring without storing: ``painbridge score`` and live scores in forms."""

from __future__ import annotations

from typing import Any

from desktop.domain.case_parsing import parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.settings import ClinicalSettings


def score_document(
    data: dict[str, Any] | str | bytes, settings: ClinicalSettings | None = None
) -> dict[str, Any]:
    """Every derived value of a case document, JSON-ready; raises InvalidInput."""
    return derive_scores(parse_case(data), settings or ClinicalSettings()).model_dump(mode="json")
