"""Cross-field rules of a case: checks no single field can make on its own.

Each rule yields a :class:`Problem` at the path of the value to correct, so the message
reads like a field error, e.g. ``assessment.nrs.least: must not be greater than worst (3),
got 5``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from desktop.domain.case_assessment import Assessment, Nrs
from desktop.domain.case_clinical import Comorbidities, FollowUp, Medication, Pharmacogenomics
from desktop.domain.case_patient import Cancer, Patient
from desktop.domain.errors import Problem
from desktop.domain.pharmacology.drugs import normalize_drug_name
from desktop.domain.pharmacology.pharmacogenomics import phenotype_cyp2c9, phenotype_cyp2d6
from desktop.domain.vocabulary import RATE_ROUTES

MAX_AGE_YEARS = 125


class CaseParts(Protocol):
    """What the cross-field rules read of a case (``Case`` has it all; naming the parts here
    keeps this module below ``case.py``, whose validator calls :func:`find_case_problems`)."""

    @property
    def patient(self) -> Patient | None: ...
    @property
    def cancer(self) -> Cancer | None: ...
    @property
    def assessment(self) -> Assessment: ...
    @property
    def comorbidities(self) -> Comorbidities | None: ...
    @property
    def medications(self) -> tuple[Medication, ...] | None: ...
    @property
    def pharmacogenomics(self) -> Pharmacogenomics | None: ...
    @property
    def follow_ups(self) -> tuple[FollowUp, ...] | None: ...


def find_case_problems(case: CaseParts) -> list[Problem]:
    """Every cross-field problem of ``case``, in document order (empty when consistent)."""
    return [
        *_check_birth_year(case),
        *_check_nrs_order(case.assessment.nrs, "assessment.nrs"),
        *_check_metastases(case),
        *_check_creatinine_units(case),
        *_check_medications(case.medications or ()),
        *_check_pharmacogenomics(case.pharmacogenomics),
        *_check_follow_ups(case),
    ]


def _check_birth_year(case: CaseParts) -> Iterator[Problem]:
    birth_year = case.patient.birth_year if case.patient else None
    if birth_year is None:
        return
    age = case.assessment.date.year - birth_year
    if not 0 <= age <= MAX_AGE_YEARS:
        rule = (
            f"must give an age of 0-{MAX_AGE_YEARS} years at assessment.date "
            f"({case.assessment.date.isoformat()})"
        )
        yield Problem("patient.birth_year", rule, birth_year)


def _check_nrs_order(nrs: Nrs | None, path: str) -> Iterator[Problem]:
    """Least pain in the last 24 h cannot exceed the worst pain of the same 24 h (BPI-SF)."""
    if nrs is None or nrs.least is None or nrs.worst is None:
        return
    if nrs.least > nrs.worst:
        yield Problem(f"{path}.least", f"must not be greater than worst ({nrs.worst})", nrs.least)


def _check_metastases(case: CaseParts) -> Iterator[Problem]:
    sites = case.cancer.metastases if case.cancer else None
    seen: set[str] = set()
    for index, site in enumerate(sites or ()):
        if site in seen:
            yield Problem(f"cancer.metastases[{index}]", "must not repeat an earlier entry", site)
        seen.add(site)


def _check_creatinine_units(case: CaseParts) -> Iterator[Problem]:
    comorbidities = case.comorbidities
    if comorbidities is None:
        return
    if comorbidities.serum_creatinine_mg_dl is not None and (
        comorbidities.serum_creatinine_umol_l is not None
    ):
        yield Problem(
            "comorbidities.serum_creatinine_umol_l",
            "must not be given together with serum_creatinine_mg_dl (give one unit)",
            _as_typed(comorbidities.serum_creatinine_umol_l),
        )


def _check_medications(medications: tuple[Medication, ...]) -> Iterator[Problem]:
    """Dose units must match the route; transdermal fentanyl is dosed in µg/h (CDC 2022)."""
    for index, medication in enumerate(medications):
        path = f"medications[{index}]"
        is_fentanyl_patch = (
            medication.drug is not None
            and normalize_drug_name(medication.drug) == "fentanyl"
            and medication.route == "transdermal"
        )
        if is_fentanyl_patch and medication.daily_dose_mg is not None:
            yield Problem(
                f"{path}.daily_dose_mg",
                "must not be used for transdermal fentanyl: give mcg_per_hour (µg/h)",
                _as_typed(medication.daily_dose_mg),
            )
            continue
        if medication.mcg_per_hour is None:
            continue
        if medication.daily_dose_mg is not None:
            yield Problem(
                f"{path}.mcg_per_hour",
                "must not be given together with daily_dose_mg (give one)",
                _as_typed(medication.mcg_per_hour),
            )
        elif medication.route is not None and medication.route not in RATE_ROUTES:
            routes = ", ".join(sorted(RATE_ROUTES))
            yield Problem(
                f"{path}.mcg_per_hour",
                f"is only for patches and infusions (route {routes}), not {medication.route}",
                _as_typed(medication.mcg_per_hour),
            )


def _check_pharmacogenomics(pgx: Pharmacogenomics | None) -> Iterator[Problem]:
    """A reported phenotype must agree with the activity score (CPIC 2021 / CPIC 2020)."""
    if pgx is None:
        return
    if pgx.cyp2d6 is not None and pgx.cyp2d6_activity_score is not None:
        expected = phenotype_cyp2d6(pgx.cyp2d6_activity_score)
        if pgx.cyp2d6 != expected:
            rule = (
                f"must agree with CYP2D6_activity_score {pgx.cyp2d6_activity_score:g} "
                f"({expected} metabolizer)"
            )
            yield Problem("pharmacogenomics.CYP2D6", rule, pgx.cyp2d6)
    if pgx.cyp2c9 is not None and pgx.cyp2c9_activity_score is not None:
        expected_2c9 = phenotype_cyp2c9(pgx.cyp2c9_activity_score)
        if pgx.cyp2c9 != expected_2c9:
            rule = (
                f"must agree with CYP2C9_activity_score {pgx.cyp2c9_activity_score:g} "
                f"({expected_2c9} metabolizer)"
            )
            yield Problem("pharmacogenomics.CYP2C9", rule, pgx.cyp2c9)


def _check_follow_ups(case: CaseParts) -> Iterator[Problem]:
    baseline = case.assessment.date
    for index, follow_up in enumerate(case.follow_ups or ()):
        path = f"follow_ups[{index}]"
        if follow_up.date is not None and follow_up.date < baseline:
            yield Problem(
                f"{path}.date",
                f"must not be before assessment.date ({baseline.isoformat()})",
                follow_up.date.isoformat(),
            )
        yield from _check_nrs_order(follow_up.nrs, f"{path}.nrs")


def _as_typed(value: float) -> int | float:
    """A stored number as the user most likely typed it (25.0 is shown as 25)."""
    return int(value) if value.is_integer() else value
