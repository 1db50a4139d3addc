"""CPIC pharmacogenomic rules in one import: CYP2D6 (codeine, tramadol), CYP2C9 (NSAIDs)."""

from __future__ import annotations

from desktop.domain.pharmacology.cyp2c9 import (
    Cyp2c9Phenotype,
    phenotype_cyp2c9,
    recommend_nsaid,
)
from desktop.domain.pharmacology.cyp2d6 import (
    Cyp2d6Phenotype,
    phenotype_cyp2d6,
    recommend_cyp2d6_opioid,
)
from desktop.domain.pharmacology.recommendation import Action, Recommendation

__all__ = [
    "Action",
    "Cyp2c9Phenotype",
    "Cyp2d6Phenotype",
    "Recommendation",
    "phenotype_cyp2c9",
    "phenotype_cyp2d6",
    "recommend_cyp2d6_opioid",
    "recommend_nsaid",
]
