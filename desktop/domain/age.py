"""Age at the assessment, from the birth year (the case stores no birth date)."""

from __future__ import annotations

from datetime import date

from desktop.domain.results import Computed

AGE_RULE = (
    "assessment year - birth year; the birth date is not recorded, so the true age may be "
    "one year less"
)


class Age(Computed):
    """Age in whole years at the assessment date (may be one year too high)."""

    years: int
    birth_year: int
    on: date
    approximate: bool = True
    rule: str = AGE_RULE


def compute_age(birth_year: int, on: date) -> Age:
    """Age in years at ``on`` = ``on.year - birth_year`` (birthday unknown, so +0/-1 year).

    Raises ValueError for a birth year after ``on``.
    """
    years = on.year - birth_year
    if years < 0:
        raise ValueError(f"birth year {birth_year} is after {on.isoformat()}")
    return Age(years=years, birth_year=birth_year, on=on)
