"""Hypothesis strategies for valid case documents (not a test module)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from desktop.domain.pharmacology.pharmacogenomics import phenotype_cyp2c9, phenotype_cyp2d6
from desktop.domain.settings import ClinicalSettings
from desktop.domain.vocabulary import (
    Adherence,
    CancerTreatmentType,
    ComtGenotype,
    LanssForm,
    MetastasisSite,
    Oprm1Genotype,
    PrimarySite,
    Sex,
    Stage,
    TreatmentOption,
    values_of,
)
from tests.unit.domain_helpers import DN4_ITEMS, LANSS_ITEMS

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
NAME = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12)
NRS = st.integers(0, 10)
FLAG = st.booleans()
DRUGS = [
    "morphine",
    "oxycodone",
    "hydromorphone",
    "fentanyl",
    "methadone",
    "codeine",
    "tramadol",
    "tapentadol",
    "hydrocodone",
    "buprenorphine",
    "paracetamol",
    "ibuprofen",
    "naproxen",
    "meloxicam",
    "celecoxib",
    "gabapentin",
    "pregabalin",
    "duloxetine",
    "warfarin",
    "Morphine",
]


def positive(high: int) -> st.SearchStrategy[float | int]:
    """A number above 0 and at most ``high`` (int or float)."""
    return st.one_of(st.integers(1, high), st.floats(0, high, exclude_min=True))


def between(low: int, high: int) -> st.SearchStrategy[float | int]:
    """A number from ``low`` to ``high`` inclusive (int or float)."""
    return st.one_of(st.integers(low, high), st.floats(low, high))


def optional_keys(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=fields)


def all_or_some(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """All items answered (half the time) or any subset: exercises complete scores too."""
    return st.one_of(st.fixed_dictionaries(fields), optional_keys(**fields))


@st.composite
def nrs(draw: st.DrawFn) -> dict[str, Any]:
    answers = draw(all_or_some(worst=NRS, least=NRS, average=NRS, now=NRS))
    if "least" in answers and "worst" in answers and answers["least"] > answers["worst"]:
        answers["least"], answers["worst"] = answers["worst"], answers["least"]
    return answers


INTERFERENCE = optional_keys(
    general_activity=NRS,
    mood=NRS,
    walking=NRS,
    work=NRS,
    relations=NRS,
    sleep=NRS,
    enjoyment=NRS,
)


def medication() -> st.SearchStrategy[dict[str, Any]]:
    drug = st.sampled_from(DRUGS)
    by_mg = optional_keys(
        drug=drug,
        route=st.sampled_from(["oral", "sublingual", "rectal", "subcutaneous", "intravenous"]),
        daily_dose_mg=positive(2000),
    )
    by_rate = optional_keys(
        drug=drug,
        route=st.sampled_from(["transdermal", "subcutaneous", "intravenous"]),
        mcg_per_hour=positive(200),
    )
    return st.one_of(by_mg, by_rate)


@st.composite
def pharmacogenomics(draw: st.DrawFn) -> dict[str, Any]:
    result: dict[str, Any] = draw(
        optional_keys(
            OPRM1_A118G=st.sampled_from(values_of(Oprm1Genotype)),
            COMT_val158met=st.sampled_from(values_of(ComtGenotype)),
        )
    )
    cyp2d6 = draw(st.one_of(st.none(), st.integers(0, 24).map(lambda quarter: quarter / 4)))
    if cyp2d6 is not None:
        result["CYP2D6_activity_score"] = cyp2d6
        if draw(FLAG):
            result["CYP2D6"] = phenotype_cyp2d6(cyp2d6)
    cyp2c9 = draw(st.one_of(st.none(), st.sampled_from([0, 0.5, 1, 1.5, 2])))
    if cyp2c9 is not None:
        result["CYP2C9_activity_score"] = cyp2c9
        if draw(FLAG):
            result["CYP2C9"] = phenotype_cyp2c9(cyp2c9)
    return result


@st.composite
def case_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid painbridge.case/1 document (every optional part may be absent)."""
    day = draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
    assessment: dict[str, Any] = {"date": day.isoformat()}
    assessment |= draw(
        optional_keys(
            nrs=nrs(),
            bpi_interference=INTERFERENCE,
            bpi_relief_percent=st.integers(0, 10).map(lambda tenth: tenth * 10),
            dn4=all_or_some(**{item: FLAG for item in DN4_ITEMS}),
            lanss=all_or_some(
                form=st.sampled_from(values_of(LanssForm)), **{item: FLAG for item in LANSS_ITEMS}
            ),
            pattern=optional_keys(
                widespread=FLAG,
                movement_related=FLAG,
                localized=FLAG,
                breakthrough_per_day=st.integers(0, 100),
                duration_months=between(0, 1200),
            ),
            psychosocial=optional_keys(
                phq2=st.integers(0, 6),
                gad2=st.integers(0, 6),
                sleep_disturbance=FLAG,
                fatigue=FLAG,
            ),
            notes=TEXT,
        )
    )
    document: dict[str, Any] = {"schema": "painbridge.case/1", "assessment": assessment}
    document |= draw(
        optional_keys(
            case_id=st.uuids().map(str),
            patient=optional_keys(
                name=NAME,
                contact=TEXT,
                pseudonym=st.text("0123456789ABCDEFGHJKMNPQRSTVWXYZ", min_size=8, max_size=8).map(
                    lambda code: "PB-" + code
                ),
                birth_year=st.integers(max(1900, day.year - 125), day.year),
                sex=st.sampled_from(values_of(Sex)),
                weight_kg=positive(400),
                consent_to_share=FLAG,
            ),
            cancer=optional_keys(
                primary_site=st.sampled_from(values_of(PrimarySite)),
                stage=st.sampled_from(values_of(Stage)),
                metastases=st.lists(st.sampled_from(values_of(MetastasisSite)), unique=True),
                perineural_invasion=FLAG,
                nerve_plexus_involvement=FLAG,
                treatments=st.lists(
                    optional_keys(
                        type=st.sampled_from(values_of(CancerTreatmentType)),
                        agents=st.lists(NAME, max_size=2),
                        site=TEXT,
                    ),
                    max_size=2,
                ),
            ),
            comorbidities=st.one_of(
                optional_keys(
                    egfr=between(0, 200),
                    creatinine_clearance=between(0, 300),
                    serum_creatinine_mg_dl=st.floats(0.1, 30),
                    haemodialysis=FLAG,
                    qtc_ms=between(200, 800),
                    platelets=between(0, 2000),
                    heart_failure=FLAG,
                ),
                optional_keys(serum_creatinine_umol_l=between(9, 2700), diabetes=FLAG),
            ),
            medications=st.lists(medication(), max_size=4),
            pharmacogenomics=pharmacogenomics(),
            follow_ups=st.lists(follow_up(day), max_size=2),
        )
    )
    return document


def follow_up(baseline: date) -> st.SearchStrategy[dict[str, Any]]:
    return optional_keys(
        date=st.integers(0, 400).map(lambda days: (baseline + timedelta(days=days)).isoformat()),
        nrs=nrs(),
        bpi_interference=INTERFERENCE,
        treatment_started=st.sampled_from(values_of(TreatmentOption)),
        adverse_events=st.lists(NAME, max_size=2),
        adherence=st.sampled_from(values_of(Adherence)),
        notes=TEXT,
    )


settings = st.builds(
    ClinicalSettings,
    nrs_band_scheme=st.sampled_from(["NCCN", "Serlin1995"]),
    pain_level_scheme=st.sampled_from(["Cleeland1994", "Serlin1995", "NCCN"]),
    dn4_cutoff_scheme=st.sampled_from(["Bouhassira2005", "vanSeventer2013"]),
    s_lanss_cutoff=st.sampled_from([10, 12]),
    medd_table=st.sampled_from(["CDC2022", "CDC2016"]),
    hydrocodone_class=st.sampled_from(["weak", "strong"]),
    tapentadol_class=st.sampled_from(["weak", "strong"]),
    low_dose_buprenorphine_class=st.sampled_from(["weak", "strong"]),
    responder_nrs_item=st.sampled_from(["worst", "average"]),
    responder_min_baseline=st.sampled_from([1, 4]),
    renal_dose_scheme=st.sampled_from(["US_label", "UK"]),
)
