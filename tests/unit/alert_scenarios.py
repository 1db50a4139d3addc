"""Clinical scenarios for the alert, ranking and referral tests (data, not a test module).

Each scenario starts from the quiet BASE_CASE of report_helpers (60-year-old woman, mild
pain on paracetamol, normal kidneys, QTc 420, CYP2D6/CYP2C9 normal) and changes what the
clinical_reference rule needs. ``alerts`` is the exact set of codes; ``excluded``/``demoted``
the options moved in the ranking; ``referral`` the exact referral reason codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.domain.model_output import ModelOutput
from tests.unit.report_helpers import DELETE, Replace, make_model_output, merge, ood_result

OPIOID_RENAL = "OPIOID_RENAL_CHOICE"
GUIDELINE = "REFER_GUIDELINE_CONFLICT"


def med(drug: str, dose: float | None = None, route: str = "oral") -> dict[str, Any]:
    entry: dict[str, Any] = {"drug": drug, "route": route}
    if dose is not None:
        entry["daily_dose_mg"] = dose
    return entry


def meds(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"medications": list(entries)}


def dn4_interview(*yes: str) -> dict[str, Any]:
    items = (
        "burning",
        "painful_cold",
        "electric_shocks",
        "tingling",
        "pins_and_needles",
        "numbness",
        "itching",
    )
    return {"assessment": {"dn4": Replace({item: item in yes for item in items})}}


def nrs(worst: int) -> dict[str, Any]:
    return {"assessment": {"nrs": {"worst": worst, "least": 1, "average": worst - 1, "now": 1}}}


def combine(*parts: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for part in parts:
        result = merge(result, part)
    return result


@dataclass(frozen=True)
class Scenario:
    id: str
    description: str
    case: dict[str, Any]
    model: ModelOutput | None = None
    alerts: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    demoted: frozenset[str] = frozenset()
    referral: frozenset[str] = frozenset()
    settings: dict[str, Any] = field(default_factory=dict)
    clinician_request: bool = False


def s(*codes: str) -> frozenset[str]:
    return frozenset(codes)


MODEL = make_model_output()
SCENARIOS: tuple[Scenario, ...] = (
    Scenario("quiet-no-model", "Mild pain on paracetamol, nothing abnormal, no model", {}),
    Scenario("quiet-with-model", "Same case with a model: nothing fires", {}, MODEL),
    Scenario(
        "cyp2d6-poor-codeine",
        "CYP2D6 poor metabolizer on codeine: avoid (CPIC 2021), weak opioid excluded",
        combine({"pharmacogenomics": {"CYP2D6": "poor"}}, meds(med("codeine", 240)), nrs(5)),
        MODEL,
        alerts=s("PGX_CYP2D6_CODEINE"),
        excluded=s("weak_opioid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "cyp2d6-ultrarapid-tramadol",
        "CYP2D6 activity score 3 (ultrarapid) on tramadol: avoid (CPIC 2021)",
        combine(
            {"pharmacogenomics": Replace({"CYP2D6_activity_score": 3.0})},
            meds(med("tramadol", 200)),
        ),
        MODEL,
        alerts=s("PGX_CYP2D6_TRAMADOL"),
        excluded=s("weak_opioid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "cyp2d6-poor-no-model",
        "CYP2D6 poor metabolizer, no opioid, no model: the genotype alert still shows",
        {"pharmacogenomics": {"CYP2D6": "poor"}},
        alerts=s("PGX_CYP2D6_WEAK_OPIOID"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "cyp2d6-inhibitor-paroxetine",
        "Paroxetine (strong CYP2D6 inhibitor) with codeine: phenoconversion, weak opioid demoted",
        combine(meds(med("codeine", 120), med("paroxetine", 20)), nrs(5)),
        MODEL,
        alerts=s("PGX_CYP2D6_INHIBITOR", "TRAMADOL_SEROTONERGIC"),
        demoted=s("weak_opioid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "cyp2d6-intermediate-tramadol",
        "CYP2D6 intermediate on tramadol: label dosing, switch if no response (info)",
        combine(
            {"pharmacogenomics": {"CYP2D6": "intermediate"}}, meds(med("tramadol", 200)), nrs(5)
        ),
        MODEL,
        alerts=s("PGX_CYP2D6_INTERMEDIATE"),
    ),
    Scenario(
        "cyp2c9-poor-meloxicam",
        "CYP2C9 poor (AS 0) on meloxicam: choose an alternative NSAID (CPIC 2020 Table 3)",
        combine(
            {"pharmacogenomics": {"CYP2C9": "poor", "CYP2C9_activity_score": 0}},
            meds(med("meloxicam", 7.5)),
        ),
        MODEL,
        alerts=s("PGX_CYP2C9_NSAID"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "cyp2c9-intermediate-option",
        "CYP2C9 AS 1 with the NSAID option ranked: prefer a non-CYP2C9 NSAID or lower dose",
        {"pharmacogenomics": {"CYP2C9": "intermediate", "CYP2C9_activity_score": 1.0}},
        MODEL,
        alerts=s("PGX_CYP2C9_NSAID_OPTION"),
    ),
    Scenario(
        "nsaid-egfr-25",
        "eGFR 25: NSAID and duloxetine excluded, opioid choice guided (KDIGO; SIGN 106)",
        {"comorbidities": {"egfr": 25}},
        MODEL,
        alerts=s("NSAID_RENAL_AVOID", OPIOID_RENAL, "DULOXETINE_RENAL_HEPATIC"),
        excluded=s("nsaid", "snri_duloxetine"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "nsaid-egfr-45-ibuprofen",
        "eGFR 45 on ibuprofen, no model: avoid prolonged use (caution, no referral)",
        combine({"comorbidities": {"egfr": 45}}, meds(med("ibuprofen", 1200))),
        alerts=s("NSAID_RENAL_CAUTION"),
    ),
    Scenario(
        "nsaid-gi-bleed",
        "History of GI bleeding: NSAID demoted (ACG 2009)",
        {"comorbidities": {"gi_bleed_history": True}},
        MODEL,
        alerts=s("NSAID_GI_BLEED"),
        demoted=s("nsaid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "nsaid-warfarin",
        "On warfarin: NSAID demoted for bleeding risk",
        meds(med("paracetamol", 3000), med("warfarin", 5)),
        MODEL,
        alerts=s("NSAID_ANTITHROMBOTIC"),
        demoted=s("nsaid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "heart-failure",
        "Heart failure: NSAID and tricyclic demoted (AHA/ACC 2022; TCA label)",
        {"comorbidities": {"heart_failure": True}},
        MODEL,
        alerts=s("NSAID_HEART_FAILURE", "TCA_CARDIAC"),
        demoted=s("nsaid", "tricyclic"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "nsaid-platelets-35",
        "Platelets 35 x 10^9/L after chemotherapy: NSAID excluded",
        {"comorbidities": {"platelets": 35}},
        MODEL,
        alerts=s("NSAID_LOW_PLATELETS"),
        excluded=s("nsaid"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "nsaid-platelets-setting",
        "Platelets 35 with the platelet threshold set to 30: no alert",
        {"comorbidities": {"platelets": 35}},
        MODEL,
        settings={"nsaid_avoid_platelets_below": 30},
    ),
    Scenario(
        "nsaid-steroid-no-ppi",
        "Naproxen with dexamethasone and no PPI: GI bleeding risk (warning)",
        meds(med("naproxen", 1000), med("dexamethasone", 8)),
        alerts=s("NSAID_STEROID_NO_PPI"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "nsaid-steroid-with-ppi",
        "Naproxen with dexamethasone and omeprazole: nothing fires",
        meds(med("naproxen", 1000), med("dexamethasone", 8), med("omeprazole", 20)),
    ),
    Scenario(
        "gabapentin-above-renal-max",
        "Woman 80 y, 60 kg, creatinine 1.5 (CrCl 28) on gabapentin 1800 mg: above 700 mg max",
        combine(
            {"patient": {"birth_year": 1946, "weight_kg": 60}},
            {"comorbidities": {"serum_creatinine_mg_dl": 1.5}},
            meds(med("paracetamol", 3000), med("gabapentin", 1800)),
        ),
        alerts=s("GABAPENTINOID_RENAL_DOSE_HIGH"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "pregabalin-renal-band",
        "Recorded CrCl 45 on pregabalin 150 mg: dose band shown (info)",
        combine(
            {"comorbidities": {"creatinine_clearance": 45}},
            meds(med("paracetamol", 3000), med("pregabalin", 150)),
        ),
        alerts=s("GABAPENTINOID_RENAL_BAND"),
    ),
    Scenario(
        "morphine-crcl-20-severe",
        "Morphine with CrCl 20 and severe pain: avoid morphine; refer",
        combine(
            {"comorbidities": {"creatinine_clearance": 20}},
            meds(med("morphine", 60), med("senna")),
            nrs(8),
        ),
        alerts=s("OPIOID_RENAL_AVOID"),
        referral=s(GUIDELINE, "REFER_SEVERE_PAIN_ON_STRONG_OPIOID"),
    ),
    Scenario(
        "opioid-benzodiazepine",
        "Oxycodone with lorazepam: respiratory depression (FDA boxed warning)",
        combine(meds(med("oxycodone", 20), med("senna"), med("lorazepam", 2)), nrs(5)),
        alerts=s("OPIOID_BENZODIAZEPINE"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "opioid-gabapentinoid",
        "Morphine with gabapentin: added sedation (caution)",
        combine(meds(med("morphine", 30), med("senna"), med("gabapentin", 900)), nrs(5)),
        alerts=s("OPIOID_GABAPENTINOID"),
    ),
    Scenario(
        "methadone-qtc-470",
        "Methadone ranked with QTc 470: methadone and tricyclic demoted",
        {"comorbidities": {"qtc_ms": 470}},
        MODEL,
        alerts=s("METHADONE_QTC_BORDERLINE", "TCA_CARDIAC"),
        demoted=s("methadone", "tricyclic"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "methadone-qtc-510",
        "QTc 510: do not start methadone (excluded)",
        {"comorbidities": {"qtc_ms": 510}},
        MODEL,
        alerts=s("METHADONE_QTC_PROLONGED", "TCA_CARDIAC"),
        excluded=s("methadone"),
        demoted=s("tricyclic"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "methadone-without-qtc",
        "On methadone with no QTc recorded: ECG first",
        combine(
            {"comorbidities": {"qtc_ms": DELETE}},
            meds(med("methadone", 30), med("senna")),
            nrs(5),
        ),
        alerts=s("MISSING_QTC_METHADONE"),
    ),
    Scenario(
        "corticosteroid-diabetes",
        "Dexamethasone in a patient with diabetes: monitor glucose",
        combine(
            {"comorbidities": {"diabetes": True}},
            meds(med("paracetamol", 3000), med("dexamethasone", 8)),
        ),
        alerts=s("CORTICOSTEROID_DIABETES"),
    ),
    Scenario(
        "tramadol-duloxetine",
        "Tramadol with duloxetine: serotonin syndrome; duloxetine also inhibits CYP2D6",
        meds(med("tramadol", 200), med("duloxetine", 60)),
        alerts=s("TRAMADOL_SEROTONERGIC", "PGX_CYP2D6_INHIBITOR"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "amitriptyline-age-70",
        "Amitriptyline at 70: avoid (Beers criteria)",
        combine(
            {"patient": {"birth_year": 1956}},
            meds(med("paracetamol", 3000), med("amitriptyline", 25)),
        ),
        alerts=s("TCA_OLDER_ADULT"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "strong-opioid-no-laxative",
        "Oxycodone without a laxative",
        combine(meds(med("oxycodone", 20)), nrs(5)),
        alerts=s("OPIOID_NO_LAXATIVE"),
    ),
    Scenario(
        "negative-pmi-minus-1",
        "Moderate pain on paracetamol only: PMI -1, a prompt to review, no referral",
        nrs(5),
        alerts=s("UNDERTREATMENT_NEGATIVE_PMI"),
    ),
    Scenario(
        "negative-pmi-minus-3",
        "Worst pain 9 and no analgesic: PMI -3, referral",
        combine({"medications": []}, nrs(9)),
        alerts=s("UNDERTREATMENT_NEGATIVE_PMI"),
        referral=s("REFER_NEGATIVE_PMI"),
    ),
    Scenario(
        "neuropathic-opioid-first",
        "Neuropathic picture with a strong opioid ranked first, above the adjuvants",
        {},
        make_model_output({"neuropathic": (0.85, ("present",))}, {"strong_opioid": 0.9}),
        alerts=s("NEUROPATHIC_OPIOID_RANKED_HIGH", "OPIOID_NO_LAXATIVE"),
    ),
    Scenario(
        "nociplastic-strong-opioid",
        "Nociplastic picture with a strong opioid ranked first: strong opioids demoted",
        {},
        make_model_output({"nociplastic": (0.8, ("present",))}, {"strong_opioid": 0.9}),
        alerts=s("NOCIPLASTIC_STRONG_OPIOID", "OPIOID_NO_LAXATIVE"),
        demoted=s("strong_opioid", "opioid_rotation", "methadone"),
        referral=s(GUIDELINE),
    ),
    Scenario(
        "bone-metastasis-no-rt",
        "Localised painful bone metastasis, no radiotherapy recorded, no model",
        combine(
            {"cancer": {"metastases": ["bone"]}},
            {"assessment": {"pattern": {"localized": True}}},
            nrs(5),
        ),
        alerts=s("BONE_METASTASIS_NO_RT", "UNDERTREATMENT_NEGATIVE_PMI"),
    ),
    Scenario(
        "bone-metastasis-rt-ranked",
        "Same, with radiotherapy ranked first by the model: no radiotherapy alert",
        combine(
            {"cancer": {"metastases": ["bone"]}},
            {"assessment": {"pattern": {"localized": True}}},
            nrs(5),
        ),
        make_model_output(options={"radiotherapy_bone": 0.95}),
        alerts=s("UNDERTREATMENT_NEGATIVE_PMI"),
    ),
    Scenario(
        "low-confidence-set",
        "Neuropathic prediction set {present, absent}: low confidence, referral",
        {},
        make_model_output({"neuropathic": (0.45, ("present", "absent"))}),
        alerts=s("MODEL_LOW_CONFIDENCE"),
        referral=s("REFER_LOW_CONFIDENCE"),
    ),
    Scenario(
        "low-confidence-empty-set",
        "Nociplastic prediction set empty: no answer fits",
        {},
        make_model_output({"nociplastic": (0.3, ())}),
        alerts=s("MODEL_LOW_CONFIDENCE"),
        referral=s("REFER_LOW_CONFIDENCE"),
    ),
    Scenario(
        "near-threshold",
        "Nociceptive 55 % with a single-answer set: close to the 50 % threshold",
        {},
        make_model_output({"nociceptive": (0.55, ("present",))}),
        alerts=s("MODEL_NEAR_THRESHOLD"),
        referral=s("REFER_LOW_CONFIDENCE"),
    ),
    Scenario(
        "out-of-distribution",
        "Case unlike the training data (40 breakthrough episodes a day)",
        {},
        make_model_output(ood=ood_result()),
        alerts=s("MODEL_OUT_OF_DISTRIBUTION"),
        referral=s("REFER_OUT_OF_DISTRIBUTION"),
    ),
    Scenario(
        "explanation-inexact",
        "Explanation off by 0.05 logit: drivers shown as approximate",
        {},
        make_model_output(additivity_error=0.05),
        alerts=s("MODEL_EXPLANATION_INEXACT"),
    ),
    Scenario(
        "dn4-examination-undecided",
        "DN4 interview 3/7, examination not done: the full DN4 could go either way",
        dn4_interview("burning", "tingling", "numbness"),
        alerts=s("MISSING_DN4_EXAMINATION"),
    ),
    Scenario(
        "dn4-examination-decided",
        "DN4 interview 4/7, examination not done: positive anyway, no alert",
        dn4_interview("burning", "tingling", "numbness", "electric_shocks"),
    ),
    Scenario(
        "no-neuropathic-screen",
        "Neither DN4 nor LANSS recorded and no model",
        {"assessment": {"dn4": DELETE}},
        alerts=s("MISSING_NEUROPATHIC_SCREEN"),
    ),
    Scenario(
        "cyp2d6-not-tested-tramadol",
        "Tramadol with CYP2D6 not tested",
        combine({"pharmacogenomics": {"CYP2D6": DELETE}}, meds(med("tramadol", 100))),
        alerts=s("MISSING_CYP2D6"),
    ),
    Scenario(
        "kidney-function-missing",
        "Ibuprofen with no eGFR or CrCl recorded",
        combine({"comorbidities": {"egfr": DELETE}}, meds(med("ibuprofen", 1200))),
        alerts=s("MISSING_KIDNEY_FUNCTION"),
    ),
    Scenario(
        "pmi-not-computable",
        "Medication list not recorded: PMI cannot be checked",
        {"medications": DELETE},
        alerts=s("MISSING_PMI_INPUTS"),
    ),
    Scenario(
        "aspirin-is-antiplatelet",
        "Low-dose aspirin with eGFR 25 and no model: no NSAID alert (aspirin is antiplatelet)",
        combine({"comorbidities": {"egfr": 25}}, meds(med("aspirin", 75))),
    ),
    Scenario(
        "clinician-request",
        "Nothing abnormal but the clinician asks for a hub review",
        {},
        clinician_request=True,
        referral=s("REFER_CLINICIAN_REQUEST"),
    ),
    Scenario(
        "escalating-pain",
        "Worst pain 3 at baseline, 3 then 6 at follow-ups: rapid escalation",
        {
            "follow_ups": [
                {"date": "2026-12-01", "nrs": {"worst": 3}},
                {"date": "2026-12-10", "nrs": {"worst": 6}},
            ]
        },
        referral=s("REFER_RAPID_ESCALATION_NRS"),
    ),
    Scenario(
        "referral-rules-off",
        "Out of distribution and low confidence with every referral rule switched off",
        {},
        make_model_output({"neuropathic": (0.45, ("present", "absent"))}, ood=ood_result()),
        alerts=s("MODEL_LOW_CONFIDENCE", "MODEL_OUT_OF_DISTRIBUTION"),
        settings={"refer_on_low_confidence": False, "refer_on_out_of_distribution": False},
    ),
)
