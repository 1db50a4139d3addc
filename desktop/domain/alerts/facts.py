"""The facts every rule reads, gathered once per case: the four inputs plus lookups.

Rules are pure functions ``rule(facts) -> list[Alert]``; :class:`Facts` holds the case, its
derived scores, the optional model output and the settings, and answers the questions the
rules share (what is prescribed, which options the model ranks high, kidney function).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.case import Case
from desktop.domain.derived import DerivedScores
from desktop.domain.model_output import MECHANISMS, ModelOutput
from desktop.domain.pharmacology.drug_groups import OPTION_DRUGS
from desktop.domain.pharmacology.drugs import normalize_drug_name
from desktop.domain.pharmacology.renal import CreatinineClearance
from desktop.domain.settings import ClinicalSettings


@dataclass(frozen=True)
class Prescribed:
    """One current medication of the case that belongs to a group."""

    index: int
    name: str
    key: str
    daily_dose_mg: float | None

    @property
    def path(self) -> str:
        return f"medications[{self.index}].drug"


@dataclass(frozen=True)
class KidneyFunction:
    """The lowest recorded or computed measure of kidney function (conservative)."""

    value: float
    path: str
    label: str


@dataclass(frozen=True)
class Facts:
    """Inputs of the rules and the lookups they share (immutable)."""

    case: Case
    derived: DerivedScores
    model: ModelOutput | None
    settings: ClinicalSettings
    medications: tuple[Prescribed, ...] = field(init=False)
    ranked: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        meds = tuple(
            Prescribed(index, m.drug, normalize_drug_name(m.drug), m.daily_dose_mg)
            for index, m in enumerate(self.case.medications or ())
            if m.drug is not None
        )
        object.__setattr__(self, "medications", meds)
        ranked = tuple(o.option for o in self.model.ranked_options()) if self.model else ()
        object.__setattr__(self, "ranked", ranked)

    def prescribed(self, group: frozenset[str]) -> tuple[Prescribed, ...]:
        """Current medications whose canonical name is in ``group``."""
        return tuple(m for m in self.medications if m.key in group)

    def option_prescribed(self, option: str) -> tuple[Prescribed, ...]:
        """Current medications that belong to a treatment option (e.g. NSAIDs for ``nsaid``)."""
        return self.prescribed(OPTION_DRUGS.get(option, frozenset()))

    def in_panel(self, option: str) -> bool:
        """Whether the model ranks this option at all (every option it ranks is checked)."""
        return option in self.ranked

    def model_rank(self, option: str) -> int | None:
        """1-based position of the option by model probability alone."""
        return self.ranked.index(option) + 1 if option in self.ranked else None

    def proposed(self, option: str) -> bool:
        """Whether the option is among the top ``settings.top_options_count`` of the model."""
        return option in self.ranked[: self.settings.top_options_count]

    def relevant(self, option: str) -> bool:
        """Prescribed now, or ranked by the model: a patient-level caution applies to it."""
        return bool(self.option_prescribed(option)) or self.in_panel(option)

    def age_years(self) -> int | None:
        age = self.derived.age
        return getattr(age, "years", None)

    def kidney(self) -> KidneyFunction | None:
        """Lowest of eGFR, Cockcroft-Gault CrCl and recorded CrCl (None when none known)."""
        found: list[KidneyFunction] = []
        comorbidities = self.case.comorbidities
        if comorbidities is not None and comorbidities.egfr is not None:
            found.append(KidneyFunction(comorbidities.egfr, "comorbidities.egfr", "eGFR"))
        crcl = self.derived.creatinine_clearance
        if isinstance(crcl, CreatinineClearance):
            found.append(
                KidneyFunction(
                    round(crcl.value_ml_min, 1),
                    "derived.creatinine_clearance",
                    "CrCl (Cockcroft-Gault)",
                )
            )
        if comorbidities is not None and comorbidities.creatinine_clearance is not None:
            value = comorbidities.creatinine_clearance
            found.append(KidneyFunction(value, "comorbidities.creatinine_clearance", "CrCl"))
        return min(found, key=lambda k: k.value, default=None)

    def flag(self, name: str) -> bool:
        """A yes/no comorbidity, false when not recorded."""
        return bool(getattr(self.case.comorbidities, name, None))

    def predominant_mechanism(self) -> str | None:
        """The most probable mechanism when at or above ``settings.mechanism_threshold``."""
        if self.model is None:
            return None
        best = None
        for name in MECHANISMS:
            prediction = self.model.mechanism(name)
            if prediction is not None and (best is None or prediction.probability > best[1]):
                best = (name, prediction.probability)
        if best is None or best[1] < self.settings.mechanism_threshold:
            return None
        return best[0]
