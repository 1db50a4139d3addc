"""Structural generator of synthetic cancer-pain patients (``painbridge.case/1`` documents).

No real patient data exists for PainBridge yet, so the bundled models learn from patients
drawn from a *structural causal model* written from published clinical knowledge
(clinical_reference.md; section numbers below refer to it). Every number in this module is
an assumption, listed with its reason in docs/model-card.md. The generator is not a
validated simulator of any population; it is a way to make the pipeline, the metrics and the
explanations testable before a hub supplies expert-confirmed labels and outcomes.

The causal story, in order (each step only reads the steps before it):

1. Population (per ``site``): age, sex, primary cancer, stage.
2. Pain causes from section 11: bone/liver/other metastases, perineural invasion, nerve
   plexus involvement, neurotoxic chemotherapy (platinum, taxanes, vinca alkaloids,
   bortezomib), post-surgical nerve injury, plus two latent traits: psychological
   ``distress`` and central ``sensitization``.
3. Latent mechanisms, each present or absent (mixed pain allowed, at least one present):
   nociceptive (bone, visceral), neuropathic (tumour-related nerve lesion or
   chemotherapy-induced, CIPN) and nociplastic (sensitization, survivorship).
4. Observed items driven by the mechanisms plus a per-patient reporting tendency: DN4 and
   LANSS items (tuned to the published DN4 >= 4 accuracy, section 2), NRS and BPI (section
   4), pattern, psychosocial screens, note descriptors, comorbidities, medications and
   pharmacogenomic phenotypes (true phenotype always drawn, recorded only sometimes).
5. Potential outcomes: for EVERY option of the panel whether the patient would respond
   (>= 30 % NRS reduction, section 7), from mechanism-specific effects (section 11),
   CYP2D6 for codeine/tramadol and CYP2C9 for NSAIDs (section 9, including CYP2D6
   phenoconversion by inhibitors), comorbidities (section 10) and noise.
6. Observed treatment: a plausible clinician policy (WHO ladder by severity, adjusted by
   what the clinician can see and, a little, by their unrecorded impression of the true
   mechanism) - confounded as real data would be - and the observed outcome is the
   potential outcome of that treatment only.
7. Missingness like real clinics: genotype mostly absent, bedside exam items often absent,
   whole sections sometimes absent.

A training record is ``{"case", "labels", "treatment", "responded"}`` (docs/models.md); the
potential outcomes stay outside the records, for evaluation only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from models_onnx.features import DN4_ITEMS, LANSS_WEIGHTS, MECHANISMS, TREATMENT_OPTIONS

Site = Literal["reference", "shifted"]
SITES: tuple[Site, ...] = ("reference", "shifted")
PRIMARY_SITES = (
    "lung", "breast", "colorectal", "prostate", "pancreas", "head_and_neck", "myeloma",
    "lymphoma", "stomach", "ovary", "other",
)  # fmt: skip
ASSESSMENT_YEAR = 2026


@dataclass(frozen=True)
class SiteProfile:
    """How one clinic's population and practice differ (the ``site`` shift option)."""

    age_mean: float
    age_sd: float
    primary_mix: tuple[float, ...]  # probabilities in PRIMARY_SITES order
    neurotoxic_extra: float  # added to the chance that chemotherapy is neurotoxic
    nociplastic_shift: float  # logit shift of the nociplastic mechanism
    nrs_reporting_bias: float  # added to every NRS (cultural/measurement difference)
    exam_missing: float  # chance the bedside examination items are not recorded
    lanss_missing: float  # chance LANSS is not used at all
    notes_missing: float
    pgx_recorded: float  # chance pharmacogenomic results are in the record
    strong_opioid_preference: float  # policy: extra utility for strong opioids


SITE_PROFILES: dict[Site, SiteProfile] = {
    "reference": SiteProfile(
        age_mean=64, age_sd=11,
        primary_mix=(0.17, 0.16, 0.12, 0.12, 0.07, 0.07, 0.04, 0.04, 0.05, 0.05, 0.11),
        neurotoxic_extra=0.0, nociplastic_shift=0.0, nrs_reporting_bias=0.0,
        exam_missing=0.25, lanss_missing=0.40, notes_missing=0.30, pgx_recorded=0.12,
        strong_opioid_preference=0.0,
    ),
    # A younger referral clinic with a head-and-neck/pancreas/haematology focus, heavy
    # neurotoxic chemotherapy, telemedicine (bedside exam rarely recorded), higher reported
    # pain, terse notes, a genomics programme, and more liberal strong-opioid prescribing.
    "shifted": SiteProfile(
        age_mean=52, age_sd=12,
        primary_mix=(0.10, 0.10, 0.10, 0.03, 0.14, 0.18, 0.10, 0.08, 0.07, 0.04, 0.06),
        neurotoxic_extra=0.20, nociplastic_shift=0.8, nrs_reporting_bias=1.0,
        exam_missing=0.75, lanss_missing=0.85, notes_missing=0.80, pgx_recorded=0.45,
        strong_opioid_preference=0.8,
    ),
}  # fmt: skip

# Metastasis, perineural invasion, plexus and chemotherapy chances by primary (section 11).
_P_BONE = {"prostate": 0.75, "breast": 0.6, "lung": 0.45, "myeloma": 0.8, "other": 0.3}
_P_LIVER = {"colorectal": 0.5, "pancreas": 0.55, "breast": 0.3, "lung": 0.3, "stomach": 0.4}
_P_PNI = {"pancreas": 0.7, "head_and_neck": 0.45, "prostate": 0.35, "colorectal": 0.25,
          "stomach": 0.3}  # fmt: skip
_P_PLEXUS = {"lung": 0.09, "breast": 0.07, "colorectal": 0.06, "head_and_neck": 0.09,
             "pancreas": 0.06, "ovary": 0.06}  # fmt: skip
_P_CHEMO = {"prostate": 0.3, "head_and_neck": 0.55, "myeloma": 0.9, "lymphoma": 0.9}
_NEUROTOXIC = {  # chance the regimen is neurotoxic, and its agents
    "colorectal": (0.75, ["oxaliplatin", "fluorouracil"]),
    "breast": (0.6, ["paclitaxel", "doxorubicin"]),
    "lung": (0.55, ["cisplatin", "paclitaxel"]),
    "pancreas": (0.5, ["oxaliplatin", "irinotecan"]),
    "head_and_neck": (0.5, ["cisplatin"]),
    "prostate": (0.4, ["docetaxel"]),
    "myeloma": (0.6, ["bortezomib", "dexamethasone"]),
    "lymphoma": (0.6, ["vincristine", "cyclophosphamide"]),
    "stomach": (0.5, ["oxaliplatin", "capecitabine"]),
    "ovary": (0.7, ["carboplatin", "paclitaxel"]),
    "other": (0.35, ["vinorelbine"]),
}
_SAFE_AGENTS = ["capecitabine", "gemcitabine", "cyclophosphamide", "doxorubicin", "pemetrexed"]


@dataclass(frozen=True)
class Cohort:
    """Generated patients: training records plus what only a simulator can know."""

    records: list[dict[str, Any]]
    mechanisms: np.ndarray  # (n, 3) true latent mechanisms, MECHANISMS order
    potential_outcomes: np.ndarray  # (n, n_options) 0/1, TREATMENT_OPTIONS order
    response_probability: np.ndarray  # (n, n_options) true response chance
    treatment: np.ndarray  # (n,) observed option index
    site: Site
    latent: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.records)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)))


def _lookup(table: dict[str, float], primary: np.ndarray, default: float) -> np.ndarray:
    return np.array([table.get(p, default) for p in primary])


class _Draw:
    """Named random draws, so the code reads like the causal story."""

    def __init__(self, rng: np.random.Generator, n: int) -> None:
        self.rng = rng
        self.n = n

    def chance(self, p: np.ndarray | float) -> np.ndarray:
        return np.asarray(self.rng.random(self.n) < p)

    def normal(self, sd: float = 1.0) -> np.ndarray:
        return np.asarray(self.rng.normal(0.0, sd, self.n))


#: Share of record labels an expert would get wrong (inter-rater disagreement on mechanism).
EXPERT_LABEL_NOISE = 0.03


def generate_cohort(n: int, *, seed: int, site: Site = "reference",
                    label_noise: float = EXPERT_LABEL_NOISE) -> Cohort:
    """``n`` synthetic patients of one clinic, fully determined by ``seed`` and ``site``.

    Record labels are the true mechanisms with ``label_noise`` of them flipped (experts
    disagree); ``Cohort.mechanisms`` keeps the truth for evaluation.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    profile = SITE_PROFILES[site]
    rng = np.random.default_rng(np.random.SeedSequence([seed, SITES.index(site)]))
    draw = _Draw(rng, n)
    world = _population(draw, profile)
    world.update(_pain_causes(draw, world, profile))
    world.update(_mechanisms(draw, world, profile))
    world.update(_observations(draw, world, profile))
    probability = _response_probability(draw, world)
    outcomes = (rng.random(probability.shape) < probability).astype(np.int8)
    treatment = _clinician_policy(draw, world, profile)
    responded = outcomes[np.arange(n), treatment]
    mechanisms = np.stack([world[m] for m in MECHANISMS], axis=1).astype(np.int8)
    flips = rng.random(mechanisms.shape) < label_noise
    labels = np.where(flips, 1 - mechanisms, mechanisms)
    records = [
        _record(i, world, profile, rng, int(treatment[i]), int(responded[i]), labels[i])
        for i in range(n)
    ]
    latent_names = ("bone_pain", "visceral_pain", "cipn", "tumour_nerve", "distress",
                    "cyp2d6_true", "cyp2c9_true", "age", "female")
    return Cohort(
        records=records,
        mechanisms=mechanisms,
        potential_outcomes=outcomes,
        response_probability=probability,
        treatment=treatment,
        site=site,
        latent={k: world[k] for k in latent_names},
    )


def _population(draw: _Draw, profile: SiteProfile) -> dict[str, np.ndarray]:
    rng = draw.rng
    age = np.clip(np.round(rng.normal(profile.age_mean, profile.age_sd, draw.n)), 22, 95)
    primary = rng.choice(np.array(PRIMARY_SITES), size=draw.n, p=np.array(profile.primary_mix))
    p_female = np.where(primary == "breast", 0.99, np.where(primary == "prostate", 0.0, 0.47))
    p_female = np.where(primary == "ovary", 1.0, p_female)
    female = draw.chance(p_female)
    stage = rng.choice(np.array([1, 2, 3, 4]), size=draw.n, p=[0.08, 0.15, 0.25, 0.52])
    return {"age": age, "primary": primary, "female": female, "stage": stage}


def _pain_causes(draw: _Draw, w: dict[str, np.ndarray], p: SiteProfile) -> dict[str, Any]:
    primary, metastatic = w["primary"], w["stage"] == 4
    bone = metastatic & draw.chance(_lookup(_P_BONE, primary, 0.25))
    liver = metastatic & draw.chance(_lookup(_P_LIVER, primary, 0.2))
    lung_mets = metastatic & draw.chance(0.25)
    brain = metastatic & draw.chance(np.where(primary == "lung", 0.2, 0.06))
    nodes = (w["stage"] >= 3) & draw.chance(0.5)
    pni = draw.chance(_lookup(_P_PNI, primary, 0.1))
    plexus = draw.chance(_lookup(_P_PLEXUS, primary, 0.03) + 0.04 * metastatic)
    chemo = draw.chance(_lookup(_P_CHEMO, primary, 0.65))
    neurotoxic_p = np.array([_NEUROTOXIC[x][0] for x in primary]) + p.neurotoxic_extra
    neurotoxic = chemo & draw.chance(neurotoxic_p)
    radiotherapy = draw.chance(0.35 + 0.2 * bone)
    surgery = draw.chance(np.where(w["stage"] <= 3, 0.6, 0.25))
    # Post-mastectomy / post-thoracotomy nerve injury (section 11).
    surgical_nerve = surgery & np.isin(primary, ["breast", "lung"]) & draw.chance(0.2)
    radicular = bone & draw.chance(0.25)  # vertebral metastasis compressing a root
    distress = draw.normal()
    sensitization = 0.4 * distress + draw.normal(np.sqrt(1 - 0.16))
    return {
        "bone": bone, "liver": liver, "lung_mets": lung_mets, "brain": brain, "nodes": nodes,
        "pni": pni, "plexus": plexus, "chemo": chemo, "neurotoxic": neurotoxic,
        "radiotherapy": radiotherapy, "surgery": surgery, "surgical_nerve": surgical_nerve,
        "radicular": radicular, "distress": distress, "sensitization": sensitization,
    }  # fmt: skip


def _mechanisms(draw: _Draw, w: dict[str, np.ndarray], p: SiteProfile) -> dict[str, Any]:
    visceral_cause = w["liver"] | ((w["primary"] == "pancreas") & (w["stage"] >= 3))
    nociceptive_logit = (
        -1.4 + 2.8 * w["bone"] + 1.6 * visceral_cause + 0.4 * w["lung_mets"]
        + 0.4 * w["surgery"] + 0.3 * (w["stage"] == 4) + draw.normal(0.5)
    )  # fmt: skip
    neuropathic_logit = (
        -2.6 + 2.6 * w["plexus"] + 1.7 * w["pni"] + 1.9 * w["neurotoxic"]
        + 1.5 * w["surgical_nerve"] + 2.0 * w["radicular"] + draw.normal(0.5)
    )  # fmt: skip
    nociplastic_logit = (
        -3.1 + 1.2 * w["sensitization"] + 0.35 * w["female"] + 0.7 * (w["stage"] <= 2)
        + 0.3 * w["distress"] + p.nociplastic_shift + draw.normal(0.5)
    )  # fmt: skip
    logits = np.stack([nociceptive_logit, neuropathic_logit, nociplastic_logit], axis=1)
    present = draw.rng.random(logits.shape) < _sigmoid(logits)
    none = ~present.any(axis=1)
    present[none, np.argmax(logits[none], axis=1)] = True  # everyone here has pain
    nociceptive, neuropathic, nociplastic = present.T
    tumour_nerve = neuropathic & (w["plexus"] | w["pni"] | w["radicular"])
    return {
        "nociceptive": nociceptive,
        "neuropathic": neuropathic,
        "nociplastic": nociplastic,
        "bone_pain": nociceptive & w["bone"],
        "visceral_pain": nociceptive & visceral_cause,
        "tumour_nerve": tumour_nerve,
        "cipn": neuropathic & w["neurotoxic"] & ~tumour_nerve,
    }


# DN4 items: (intercept, neuropathic, nociplastic) logits, tuned so that on complete
# questionnaires DN4 >= 4 has about the published accuracy (section 2: sensitivity 83 %,
# specificity 87 % against all non-neuropathic pain here, 92 % against purely nociceptive
# pain), with nociplastic pain - allodynia, burning, tingling - the main false positives.
# LANSS items likewise (section 3): LANSS >= 12 sensitivity about 77 %, specificity 91 %.
_DN4_EFFECTS = {
    "burning": (-1.6, 2.1, 1.3), "painful_cold": (-2.4, 1.5, 0.9),
    "electric_shocks": (-1.8, 2.1, 0.6), "tingling": (-1.4, 2.3, 1.1),
    "pins_and_needles": (-1.7, 2.2, 0.9), "numbness": (-1.2, 2.0, 0.4),
    "itching": (-2.3, 0.7, 0.6), "hypoesthesia_touch": (-2.0, 2.1, 0.3),
    "hypoesthesia_pinprick": (-2.0, 1.9, 0.3), "brushing": (-2.2, 1.6, 1.7),
}  # fmt: skip
_LANSS_EFFECTS = {
    "dysaesthesia": (-1.2, 3.1, 1.0), "autonomic": (-2.1, 1.8, 0.6),
    "evoked": (-1.7, 2.5, 1.7), "paroxysmal": (-1.4, 2.8, 0.5),
    "thermal": (-1.5, 2.5, 1.0), "allodynia": (-2.2, 2.5, 1.8),
    "pinprick": (-1.8, 2.7, 0.3),
}  # fmt: skip
_EXAM_ITEMS = frozenset({"hypoesthesia_touch", "hypoesthesia_pinprick", "brushing",
                         "allodynia", "pinprick"})  # fmt: skip


def _items(draw: _Draw, w: dict[str, np.ndarray],
           effects: dict[str, tuple[float, float, float]],
           tendency: np.ndarray) -> dict[str, np.ndarray]:
    cipn = w["cipn"].astype(float)
    out = {}
    for item, (a, b_neuro, c_plastic) in effects.items():
        extra = 0.8 * cipn if item in ("numbness", "tingling", "pins_and_needles") else 0.0
        if item == "painful_cold":
            extra = 1.0 * cipn
        logit = a + b_neuro * w["neuropathic"] + c_plastic * w["nociplastic"] + tendency + extra
        out[item] = draw.chance(_sigmoid(logit))
    return out


def _observations(draw: _Draw, w: dict[str, np.ndarray], p: SiteProfile) -> dict[str, Any]:
    rng = draw.rng
    tendency = 0.5 * draw.normal() + 0.25 * w["distress"]  # symptom-reporting tendency
    severity = (
        3.0 + 1.0 * w["nociceptive"] + 0.9 * w["neuropathic"] + 0.8 * w["nociplastic"]
        + 0.6 * w["bone_pain"] + 0.35 * w["distress"] + 0.3 * (w["stage"] == 4)
        + p.nrs_reporting_bias + draw.normal(1.3)
    )  # fmt: skip
    average = np.clip(np.round(severity), 1, 10)
    worst = np.clip(average + np.round(np.abs(rng.normal(1.8, 1.0, draw.n))), average, 10)
    least = np.clip(average - np.round(np.abs(rng.normal(1.8, 1.0, draw.n))), 0, average)
    now = np.clip(average + np.round(rng.normal(0, 1.1, draw.n)), least, worst)
    interference = np.clip(0.75 * average + 0.7 * w["distress"] + 0.5 * w["nociplastic"], 0, 10)
    out: dict[str, Any] = {
        "nrs_worst": worst, "nrs_least": least, "nrs_average": average, "nrs_now": now,
        "interference": interference, "tendency": tendency,
        "dn4": _items(draw, w, _DN4_EFFECTS, tendency),
        "lanss": _items(draw, w, _LANSS_EFFECTS, tendency),
    }  # fmt: skip
    out["widespread"] = draw.chance(_sigmoid(
        -2.5 + 2.3 * w["nociplastic"] + 0.6 * (w["bone_pain"] & (w["primary"] == "myeloma"))
        + 0.4 * w["cipn"]))  # fmt: skip
    out["movement_related"] = draw.chance(_sigmoid(
        -1.1 + 2.4 * w["bone_pain"] + 0.6 * w["nociceptive"] - 0.3 * w["nociplastic"]))
    out["localized"] = draw.chance(_sigmoid(
        0.5 + 1.0 * w["bone_pain"] + 0.6 * w["tumour_nerve"] - 2.4 * w["nociplastic"]
        - 0.5 * w["cipn"] - 0.6 * w["visceral_pain"]))  # fmt: skip
    out["breakthrough"] = rng.poisson(
        0.6 + 1.6 * w["bone_pain"] + 1.0 * w["neuropathic"] + 0.15 * average)
    base_months = np.where(w["nociplastic"], 6.0, 3.0) * np.where(w["stage"] <= 2, 2.0, 1.0)
    out["duration"] = np.clip(np.round(rng.lognormal(np.log(base_months), 0.7), 1), 0.5, 240)
    out["phq2"] = np.clip(np.round(1.2 + 1.3 * w["distress"] + 0.5 * w["nociplastic"]
                                   + draw.normal(0.8)), 0, 6)  # fmt: skip
    out["gad2"] = np.clip(np.round(1.1 + 1.2 * w["distress"] + 0.3 * w["nociplastic"]
                                   + draw.normal(0.9)), 0, 6)  # fmt: skip
    out["sleep"] = draw.chance(_sigmoid(
        -0.7 + 1.1 * w["nociplastic"] + 0.25 * (average - 5) + 0.5 * w["distress"]))
    out["fatigue"] = draw.chance(_sigmoid(
        -0.3 + 1.0 * w["nociplastic"] + 0.5 * (w["stage"] == 4) + 0.3 * w["distress"]))
    out.update(_comorbidity_values(draw, w))
    out.update(_current_medication(draw, w, average))
    out.update(_genotypes(draw))
    return out


def _comorbidity_values(draw: _Draw, w: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    age = w["age"]
    egfr = np.clip(np.round(82 - 0.6 * (age - 60) + draw.normal(18)), 6, 130)
    return {
        "egfr": egfr,
        "crcl": np.clip(np.round(egfr * draw.rng.uniform(0.8, 1.15, draw.n)), 5, 180),
        "hepatic": draw.chance(0.04 + 0.2 * w["liver"]),
        "gi_bleed": draw.chance(0.05 + 0.03 * (age >= 70)),
        "heart_failure": draw.chance(np.clip(0.01 + 0.0025 * (age - 50), 0.01, 0.2)),
        "qtc": np.clip(np.round(428 + 0.3 * (age - 60) + draw.normal(22)), 360, 560),
        "platelets": np.clip(np.round(235 - 60 * w["chemo"] + draw.normal(70)), 8, 650),
        "diabetes": draw.chance(0.12 + 0.003 * (age - 40)),
        "respiratory": draw.chance(0.10 + 0.15 * (w["primary"] == "lung")),
    }


def _current_medication(draw: _Draw, w: dict[str, np.ndarray],
                        average: np.ndarray) -> dict[str, np.ndarray]:
    mild, severe = average <= 3, average >= 7
    probabilities = np.where(
        mild[:, None], [0.35, 0.45, 0.15, 0.05],
        np.where(severe[:, None], [0.08, 0.2, 0.27, 0.45], [0.15, 0.35, 0.3, 0.2]),
    )
    cumulative = probabilities.cumsum(axis=1)
    level = (draw.rng.random(draw.n)[:, None] > cumulative).sum(axis=1)
    return {
        "analgesic_level": level,
        "anticoagulant": draw.chance(0.09 + 0.06 * (w["age"] >= 70)),
        "benzodiazepine": draw.chance(0.08 + 0.05 * (w["distress"] > 1)),
        "cyp2d6_inhibitor": draw.chance(0.05 + 0.07 * (w["distress"] > 1)),
        "gabapentin_now": draw.chance(0.05 + 0.1 * w["neuropathic"]),
    }


def _genotypes(draw: _Draw) -> dict[str, np.ndarray]:
    # Phenotype frequencies roughly as in European-ancestry populations (CPIC tables).
    cyp2d6 = draw.rng.choice(4, size=draw.n, p=[0.07, 0.25, 0.63, 0.05])
    cyp2c9 = draw.rng.choice(3, size=draw.n, p=[0.03, 0.32, 0.65])
    return {"cyp2d6_true": cyp2d6, "cyp2c9_true": cyp2c9}


def _response_probability(draw: _Draw, w: dict[str, np.ndarray]) -> np.ndarray:
    """True chance of a >= 30 % NRS reduction for every option (section 11 / 9 / 10).

    Baseline logit -1.4 (about 20 %: natural fluctuation and non-specific effects), then
    additive mechanism effects, pharmacogenomic and comorbidity penalties (mostly through
    adverse effects and stopping), a shared patient responsiveness, and distress.
    """
    noci, neuro, plastic = (w[m].astype(float) for m in MECHANISMS)
    bone, visceral = w["bone_pain"].astype(float), w["visceral_pain"].astype(float)
    cipn, tumour_nerve = w["cipn"].astype(float), w["tumour_nerve"].astype(float)
    severe = (w["nrs_average"] >= 7).astype(float)
    on_strong = (w["analgesic_level"] == 3).astype(float)
    localized = w["localized"].astype(float)
    cyp2d6, cyp2c9 = w["cyp2d6_true"], w["cyp2c9_true"]
    cyp2d6_effective = np.where(w["cyp2d6_inhibitor"] & (cyp2d6 >= 2), 1, cyp2d6)
    renal_poor = (w["egfr"] < 30).astype(float)
    old = (w["age"] >= 65).astype(float)
    effects = {
        "nsaid": 1.7 * bone + 0.6 * noci - 0.3 * plastic - 0.5 * severe
        - 0.9 * (cyp2c9 == 0) - 0.25 * (cyp2c9 == 1)
        - 0.9 * np.maximum.reduce([renal_poor, w["gi_bleed"], w["heart_failure"],
                                   w["anticoagulant"].astype(float)]),
        "paracetamol": 0.7 * noci - 0.8 * severe - 0.5 * w["hepatic"],
        "weak_opioid": 1.0 * noci + 0.4 * neuro - 0.2 * plastic - 0.6 * severe
        - 1.8 * (cyp2d6_effective == 0) - 0.6 * (cyp2d6_effective == 1)
        - 0.7 * (cyp2d6 == 3),
        "strong_opioid": 1.9 * noci + 0.3 * severe + 0.7 * neuro - 0.8 * plastic
        - 0.3 * w["respiratory"] - 0.3 * renal_poor,
        "opioid_rotation": (1.5 * noci + 0.6 * neuro) * on_strong - 0.9 * (1 - on_strong)
        - 0.6 * plastic,
        "methadone": 1.3 * noci + 1.3 * neuro - 0.5 * plastic + 0.3 * on_strong
        - 1.6 * (w["qtc"] >= 500) - 0.5 * ((w["qtc"] >= 450) & (w["qtc"] < 500)),
        "gabapentinoid": 1.7 * neuro - 0.9 * cipn + 0.8 * plastic - 0.4 * renal_poor
        - 0.3 * (w["age"] >= 75),
        "snri_duloxetine": 1.3 * neuro + 0.5 * cipn + 1.1 * plastic + 0.4 * (w["phq2"] >= 3)
        - 0.8 * np.maximum(w["crcl"] < 30, w["hepatic"]),
        "tricyclic": 1.4 * neuro - 0.6 * cipn + 0.9 * plastic + 0.3 * w["sleep"]
        - 0.8 * old - 0.8 * w["heart_failure"],
        "corticosteroid": 1.3 * tumour_nerve + 0.9 * bone + 0.9 * visceral * w["liver"]
        - 0.3 * plastic - 0.3 * w["diabetes"],
        "topical_lidocaine": 1.2 * neuro * localized + 0.3 * neuro - 0.5 * w["widespread"],
        "radiotherapy_bone": np.where(w["bone"], 2.6 * bone + 0.9 * tumour_nerve * w["bone"]
                                      + 0.3, -1.6),
        "nerve_block": 1.7 * visceral * (w["primary"] == "pancreas") + 1.3 * tumour_nerve
        * localized - 0.6 * w["widespread"] - 0.3 * plastic,
        "intrathecal": (1.8 * noci + 1.2 * neuro) * severe * on_strong - 0.4
        - 0.5 * plastic,
        "non_pharmacological": 1.4 * plastic + 0.3 * (w["distress"] > 0.5) - 0.2 * noci
        - 0.7 * severe,
    }
    responsiveness = draw.normal(0.5) - 0.25 * w["distress"]
    logits = np.stack([-1.4 + effects[o] + responsiveness for o in TREATMENT_OPTIONS], axis=1)
    return np.asarray(_sigmoid(logits + draw.rng.normal(0, 0.3, logits.shape)))


def _clinician_policy(draw: _Draw, w: dict[str, Any], profile: SiteProfile) -> np.ndarray:
    """The treatment actually started: ladder by severity + visible signs + impression."""
    worst = w["nrs_worst"]
    dn4_seen = sum(w["dn4"][i].astype(float) for i in DN4_ITEMS)  # as counted at the bedside
    options = {o: np.zeros(draw.n) for o in TREATMENT_OPTIONS}
    options["paracetamol"] += 1.6 * (worst <= 3) + 0.4
    options["nsaid"] += 1.0 * (worst <= 5) + 0.6 * w["bone"] - 2.0 * (
        (w["egfr"] < 30) | w["gi_bleed"] | w["heart_failure"] | w["anticoagulant"])
    options["weak_opioid"] += 1.6 * ((worst >= 4) & (worst <= 6))
    options["strong_opioid"] += 1.9 * (worst >= 7) + profile.strong_opioid_preference
    options["gabapentinoid"] += 1.3 * (dn4_seen >= 4) + 0.4 * w["neuropathic"]
    options["snri_duloxetine"] += 0.7 * (dn4_seen >= 4) + 0.5 * w["widespread"] + 0.3 * (
        w["phq2"] >= 3) + 0.3 * w["neuropathic"]
    options["tricyclic"] += 0.5 * (dn4_seen >= 4) - 1.0 * (w["age"] >= 65)
    options["corticosteroid"] += 0.4 * w["bone"] + 0.5 * w["plexus"]
    options["topical_lidocaine"] += 0.5 * (dn4_seen >= 4) * w["localized"]
    options["radiotherapy_bone"] += 1.7 * w["bone"] - 2.5 * ~w["bone"]
    options["nerve_block"] += 0.8 * (w["primary"] == "pancreas") + 0.4 * w["plexus"] - 1.0
    options["opioid_rotation"] += 1.2 * (w["analgesic_level"] == 3) * (worst >= 6) - 1.2
    options["methadone"] += 0.4 * (w["analgesic_level"] == 3) - 1.0 - 2.0 * (w["qtc"] > 500)
    options["intrathecal"] += 0.6 * (w["analgesic_level"] == 3) * (worst >= 8) - 1.8
    options["non_pharmacological"] += 0.6 * w["widespread"] + 0.3 * w["nociplastic"] - 0.3
    utility = np.stack([options[o] for o in TREATMENT_OPTIONS], axis=1)
    utility += draw.rng.normal(0, 0.8, utility.shape)  # everything the record does not show
    chance = np.exp(utility - utility.max(axis=1, keepdims=True))
    chance /= chance.sum(axis=1, keepdims=True)
    chance = 0.92 * chance + 0.08 / len(TREATMENT_OPTIONS)  # every option sometimes tried
    cumulative = chance.cumsum(axis=1)
    picks = (draw.rng.random(draw.n)[:, None] > cumulative).sum(axis=1)
    return np.asarray(np.minimum(picks, len(TREATMENT_OPTIONS) - 1))


# Words clinicians write, by the kind of pain they point to (section 11).
_PHRASES = {
    "neuropathic": ["burning pain", "shooting pains down the leg", "electric shock-like jolts",
                    "tingling", "pins and needles in both feet", "numb patch over the scar",
                    "stabbing attacks at rest"],
    "bone": ["deep aching in the back", "gnawing pain worse on walking",
             "throbbing hip pain at night", "aching, worse on weight-bearing"],
    "visceral": ["cramping abdominal pain", "deep pressure under the ribs",
                 "poorly localised ache with nausea", "bloating and colicky pain"],
    "nociplastic": ["hurts all over", "pain everywhere, moves around",
                    "sensitive to light and noise", "exhausted, wakes often at night",
                    "whole body aches"],
    "generic": ["seen with daughter", "appetite reduced", "lives alone",
                "wants to stay at home", "asks about side effects", "pain since diagnosis"],
    "negated": ["denies burning", "no tingling or numbness", "not shooting"],
}  # fmt: skip


def _notes(i: int, w: dict[str, Any], rng: np.random.Generator) -> str:
    picks: list[str] = []
    groups = [("neuropathic", w["neuropathic"][i]), ("bone", w["bone_pain"][i]),
              ("visceral", w["visceral_pain"][i]), ("nociplastic", w["nociplastic"][i])]
    for group, present in groups:
        if present and rng.random() < 0.5:
            picks.append(str(rng.choice(_PHRASES[group])))
    if not w["neuropathic"][i] and rng.random() < 0.15:
        picks.append(str(rng.choice(_PHRASES["negated"])))
    if w["nociceptive"][i] and not picks and rng.random() < 0.3:
        picks.append("aching pain")
    picks.append(str(rng.choice(_PHRASES["generic"])))
    rng.shuffle(picks)
    return "; ".join(picks).capitalize() + "."


def _maybe(rng: np.random.Generator, missing: float, value: Any) -> Any:
    return None if rng.random() < missing else value


def _record(i: int, w: dict[str, Any], profile: SiteProfile, rng: np.random.Generator,
            treatment: int, responded: int, labels: np.ndarray) -> dict[str, Any]:
    case = {
        "schema": "painbridge.case/1",
        "case_id": _uuid(rng),
        "patient": _patient_section(i, w, rng),
        "cancer": _cancer_section(i, w, rng),
        "assessment": _assessment_section(i, w, profile, rng),
        "comorbidities": _comorbidity_section(i, w, rng),
        "medications": _medication_section(i, w, rng),
        "pharmacogenomics": _pgx_section(i, w, profile, rng),
    }
    case["follow_ups"] = [_follow_up(i, w, rng, TREATMENT_OPTIONS[treatment], responded)]
    case = {k: v for k, v in case.items() if v is not None}
    return {"case": case, "labels": {m: int(v) for m, v in zip(MECHANISMS, labels, strict=True)},
            "treatment": TREATMENT_OPTIONS[treatment],
            "responded": responded}


def _uuid(rng: np.random.Generator) -> str:
    h = rng.bytes(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def _patient_section(i: int, w: dict[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    sex = "female" if w["female"][i] else "male"
    roll = rng.random()
    if roll < 0.005:
        sex = "other"
    elif roll < 0.015:
        sex = "unknown"
    patient: dict[str, Any] = {
        "pseudonym": "PB-" + "".join(rng.choice(list("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), 8)),
        "sex": sex,
        "consent_to_share": bool(rng.random() < 0.9),
    }
    if rng.random() > 0.02:
        patient["birth_year"] = int(ASSESSMENT_YEAR - w["age"][i])
    return patient


def _cancer_section(i: int, w: dict[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    stage = ["I", "II", "III", "IV"][int(w["stage"][i]) - 1]
    cancer: dict[str, Any] = {
        "primary_site": str(w["primary"][i]),
        "stage": "unknown" if rng.random() < 0.1 else stage,
    }
    if rng.random() > 0.05:
        cancer["metastases"] = [m for m, key in (("bone", "bone"), ("liver", "liver"),
                                                 ("lung", "lung_mets"), ("brain", "brain"),
                                                 ("nodes", "nodes")) if w[key][i]]
    pni = _maybe(rng, 0.5, bool(w["pni"][i]))
    if pni is not None:
        cancer["perineural_invasion"] = pni
    plexus = _maybe(rng, 0.3, bool(w["plexus"][i]))
    if plexus is not None:
        cancer["nerve_plexus_involvement"] = plexus
    treatments: list[dict[str, Any]] = []
    if w["chemo"][i]:
        primary = str(w["primary"][i])
        agents = (_NEUROTOXIC[primary][1] if w["neurotoxic"][i]
                  else [str(rng.choice(_SAFE_AGENTS))])
        treatments.append({"type": "chemotherapy", "agents": list(agents)})
    if w["radiotherapy"][i]:
        treatments.append({"type": "radiotherapy",
                           "site": "spine" if w["bone"][i] else "primary tumour"})
    if w["surgery"][i]:
        treatments.append({"type": "surgery"})
    if rng.random() > 0.08:
        cancer["treatments"] = treatments
    return cancer


def _assessment_section(i: int, w: dict[str, Any], profile: SiteProfile,
                        rng: np.random.Generator) -> dict[str, Any]:
    day = 1 + int(rng.integers(0, 28))
    month = 1 + int(rng.integers(0, 10))
    assessment: dict[str, Any] = {"date": f"{ASSESSMENT_YEAR}-{month:02d}-{day:02d}"}
    nrs_missing = {"worst": 0.02, "least": 0.10, "average": 0.05, "now": 0.15}
    assessment["nrs"] = {k: int(w[f"nrs_{k}"][i]) for k, miss in nrs_missing.items()
                         if rng.random() >= miss}
    if rng.random() >= 0.2:
        base = w["interference"][i]
        items = ("general_activity", "mood", "walking", "work", "relations", "sleep",
                 "enjoyment")
        shift = {"mood": 0.8 * w["distress"][i], "sleep": 1.5 * w["sleep"][i],
                 "walking": 1.5 * w["movement_related"][i]}
        assessment["bpi_interference"] = {
            k: int(np.clip(np.round(base + shift.get(k, 0.0) + rng.normal(0, 1.2)), 0, 10))
            for k in items if rng.random() >= 0.05
        }
    if w["analgesic_level"][i] > 0 and rng.random() >= 0.3:
        assessment["bpi_relief_percent"] = int(rng.choice([0, 10, 20, 30, 40, 50, 60]))
    assessment["dn4"] = _scale_answers(w["dn4"], i, DN4_ITEMS, profile.exam_missing, rng)
    if rng.random() >= profile.lanss_missing:
        lanss_items = tuple(item for item, _ in LANSS_WEIGHTS)
        assessment["lanss"] = _scale_answers(w["lanss"], i, lanss_items,
                                             profile.exam_missing, rng)
    assessment["pattern"] = _pattern_section(i, w, rng)
    psychosocial: dict[str, Any] = {}
    if rng.random() >= 0.3:
        psychosocial["phq2"] = int(w["phq2"][i])
        psychosocial["gad2"] = int(w["gad2"][i])
    for key, name in (("sleep", "sleep_disturbance"), ("fatigue", "fatigue")):
        if rng.random() >= 0.15:
            psychosocial[name] = bool(w[key][i])
    assessment["psychosocial"] = psychosocial
    if rng.random() >= profile.notes_missing:
        assessment["notes"] = _notes(i, w, rng)
    return assessment


def _scale_answers(items: dict[str, np.ndarray], i: int, names: Iterable[str],
                   exam_missing: float, rng: np.random.Generator) -> dict[str, bool]:
    exam_done = rng.random() >= exam_missing
    answers = {}
    for name in names:
        if name in _EXAM_ITEMS and not exam_done:
            continue
        if rng.random() < 0.03:  # an item skipped now and then
            continue
        answers[name] = bool(items[name][i])
    return answers


def _pattern_section(i: int, w: dict[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    pattern: dict[str, Any] = {}
    for key in ("widespread", "movement_related", "localized"):
        if rng.random() >= 0.1:
            pattern[key] = bool(w[key][i])
    if rng.random() >= 0.25:
        pattern["breakthrough_per_day"] = int(min(w["breakthrough"][i], 100))
    if rng.random() >= 0.15:
        pattern["duration_months"] = float(w["duration"][i])
    return pattern


def _comorbidity_section(i: int, w: dict[str, Any], rng: np.random.Generator) -> dict[str, Any]:
    values = {
        "egfr": _maybe(rng, 0.15, float(w["egfr"][i])),
        "creatinine_clearance": _maybe(rng, 0.4, float(w["crcl"][i])),
        "hepatic_impairment": _maybe(rng, 0.1, bool(w["hepatic"][i])),
        "gi_bleed_history": _maybe(rng, 0.1, bool(w["gi_bleed"][i])),
        "heart_failure": _maybe(rng, 0.1, bool(w["heart_failure"][i])),
        "qtc_ms": _maybe(rng, 0.5, float(w["qtc"][i])),
        "platelets": _maybe(rng, 0.2, float(w["platelets"][i])),
        "diabetes": _maybe(rng, 0.1, bool(w["diabetes"][i])),
        "respiratory_disease": _maybe(rng, 0.1, bool(w["respiratory"][i])),
    }
    return {k: v for k, v in values.items() if v is not None}


def _medication_section(i: int, w: dict[str, Any],
                        rng: np.random.Generator) -> list[dict[str, Any]] | None:
    if rng.random() < 0.1:
        return None
    level = int(w["analgesic_level"][i])
    meds: list[dict[str, Any]] = []
    if level >= 1:
        meds.append({"drug": str(rng.choice(["paracetamol", "ibuprofen", "naproxen"])),
                     "route": "oral", "daily_dose_mg": float(rng.choice([1000, 2000, 3000]))})
    if level == 2:
        drug = str(rng.choice(["codeine", "tramadol"]))
        dose = float(rng.choice([120, 180, 240] if drug == "codeine" else [100, 200, 300]))
        meds.append({"drug": drug, "route": "oral", "daily_dose_mg": dose})
    if level == 3:
        roll = rng.random()
        if roll < 0.2:
            meds.append({"drug": "fentanyl", "route": "transdermal",
                         "mcg_per_hour": float(rng.choice([12, 25, 37, 50, 75]))})
        else:
            drug = "morphine" if roll < 0.65 else "oxycodone"
            meds.append({"drug": drug, "route": "oral",
                         "daily_dose_mg": float(rng.choice([20, 30, 60, 90, 120]))})
    extras = (("anticoagulant", ["warfarin", "apixaban"]), ("benzodiazepine", ["alprazolam"]),
              ("cyp2d6_inhibitor", ["paroxetine", "fluoxetine", "bupropion"]),
              ("gabapentin_now", ["gabapentin"]))
    for key, drugs in extras:
        if w[key][i]:
            meds.append({"drug": str(rng.choice(drugs))})
    return meds


def _pgx_section(i: int, w: dict[str, Any], profile: SiteProfile,
                 rng: np.random.Generator) -> dict[str, Any] | None:
    if rng.random() >= profile.pgx_recorded:
        return None
    pgx: dict[str, Any] = {}
    if rng.random() < 0.9:
        pgx["CYP2D6"] = ["poor", "intermediate", "normal", "ultrarapid"][w["cyp2d6_true"][i]]
    if rng.random() < 0.8:
        pgx["CYP2C9"] = ["poor", "intermediate", "normal"][w["cyp2c9_true"][i]]
    return pgx or None


def _follow_up(i: int, w: dict[str, Any], rng: np.random.Generator, option: str,
               responded: int) -> dict[str, Any]:
    """Two weeks later: NRS average consistent with the responder label (section 7)."""
    baseline = int(w["nrs_average"][i])
    if responded:
        after = int(np.floor(baseline * (1 - rng.uniform(0.3, 0.8))))
    else:
        after = int(np.ceil(baseline * (1 - rng.uniform(-0.25, 0.29))))
        after = min(max(after, int(np.ceil(baseline * 0.71))), 10)
    worst = int(min(10, after + max(0, int(w["nrs_worst"][i]) - baseline)))
    return {"date": f"{ASSESSMENT_YEAR}-12-04", "nrs": {"worst": worst, "average": after},
            "treatment_started": option,
            "adherence": str(rng.choice(["full", "partial"], p=[0.8, 0.2]))}


def write_records(records: Iterable[dict[str, Any]], path: Path) -> None:
    """Training records as JSON Lines (one record per line, docs/models.md)."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, separators=(",", ":"), sort_keys=True) + "\n")


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON Lines file, without validation (see records.read_records)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)
