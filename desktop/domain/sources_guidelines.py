"""Primary sources cited by the guideline alerts, the side-effect table and the referral rules.

Companion of :mod:`desktop.domain.sources` (scales and pharmacology). One constant per
publication; the section numbers refer to the project's clinical reference sheet. Sources
marked 🟡 there were not re-checked against the full text: the clinical lead signs off
every alert before release (docs/clinical-rules.md, "Alerts").
"""

from __future__ import annotations

KDIGO_2012 = (
    "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group. KDIGO 2012 Clinical "
    "Practice Guideline for the Evaluation and Management of Chronic Kidney Disease. Kidney "
    "Int Suppl 2013;3:1-150 (chapter 4, prescribing cautions); clinical_reference §10"
)
ACG_LANZA_2009 = (
    "Lanza FL, Chan FKL, Quigley EMM; Practice Parameters Committee of the American College "
    "of Gastroenterology. Guidelines for prevention of NSAID-related ulcer complications. "
    "Am J Gastroenterol 2009;104:728-738; clinical_reference §10"
)
AHA_ACC_HF_2022 = (
    "Heidenreich PA, Bozkurt B, Aguilar D, et al. 2022 AHA/ACC/HFSA Guideline for the "
    "Management of Heart Failure. Circulation 2022;145:e895-e1032 (NSAIDs worsen heart "
    "failure); clinical_reference §10"
)
PLATELETS_CONVENTION = (
    "Convention: NSAIDs impair platelet function; avoid when platelets are below about "
    "50 x 10^9/L (no single primary source; threshold is the setting "
    "nsaid_avoid_platelets_below); clinical_reference §10"
)
SIGN_106 = (
    "Scottish Intercollegiate Guidelines Network. Control of pain in adults with cancer "
    "(SIGN 106). Edinburgh: SIGN, 2008; clinical_reference §10"
)
KING_2011 = (
    "King S, Forbes K, Hanks GW, Ferro CJ, Chambers EJ. A systematic review of the use of "
    "opioid medication for those with moderate to severe cancer pain and renal impairment. "
    "Palliat Med 2011;25:525-552; clinical_reference §10"
)
NICE_CG140 = (
    "National Institute for Health and Care Excellence. Palliative care for adults: strong "
    "opioids for pain relief (CG140), 2012; SIGN 106 (2008); clinical_reference §10"
)
FDA_OPIOID_BENZODIAZEPINE_2016 = (
    "US FDA Drug Safety Communication, 31 Aug 2016: boxed warning on combining opioids with "
    "benzodiazepines; Dowell D et al. CDC Clinical Practice Guideline for Prescribing Opioids "
    "for Pain. MMWR Recomm Rep 2022;71(3):1-95; clinical_reference §10"
)
FDA_GABAPENTINOID_2019 = (
    "US FDA Drug Safety Communication, 19 Dec 2019: serious breathing difficulties with "
    "gabapentin or pregabalin in patients with respiratory risk factors, including opioid "
    "use; clinical_reference §10"
)
SEROTONIN_SYNDROME = (
    "Boyer EW, Shannon M. The serotonin syndrome. N Engl J Med 2005;352:1112-1120; tramadol "
    "product information (serotonergic drugs, seizure threshold); clinical_reference §10"
)
BEERS_2023 = (
    "American Geriatrics Society Beers Criteria Update Expert Panel. American Geriatrics "
    "Society 2023 updated AGS Beers Criteria for potentially inappropriate medication use in "
    "older adults. J Am Geriatr Soc 2023;71:2052-2081; clinical_reference §10"
)
TCA_CARDIAC_LABEL = (
    "Amitriptyline product information (avoid after recent myocardial infarction, in "
    "arrhythmia, heart block or long QT); clinical_reference §10"
)
CORTICOSTEROID_LABEL = (
    "Dexamethasone prescribing information (hyperglycaemia: monitor glucose in diabetes); "
    "clinical_reference §10"
)
DULOXETINE_LABEL = (
    "Cymbalta (duloxetine) prescribing information (avoid if creatinine clearance < 30 "
    "mL/min or hepatic impairment); clinical_reference §10"
)
SAKAKIBARA_2018 = (
    "Cleeland CS et al. N Engl J Med 1994;330:592-596 (PMI); Sakakibara N, Higashi T, "
    "Yamaguchi I, et al. Negative pain management index scores do not necessarily indicate "
    "inadequate pain management: a cross-sectional study. BMC Palliat Care 2018;17:102; "
    "clinical_reference §5"
)
NEUROPATHIC_ESMO_NEUPSIG = (
    "Fallon M et al. Management of cancer pain in adult patients: ESMO Clinical Practice "
    "Guidelines. Ann Oncol 2018;29(Suppl 4):iv166-iv191; Finnerup NB, Attal N, Haroutounian "
    "S, et al. Pharmacotherapy for neuropathic pain in adults: a systematic review and "
    "meta-analysis. Lancet Neurol 2015;14:162-173; clinical_reference §11"
)
NOCIPLASTIC_FITZCHARLES_EULAR = (
    "Fitzcharles MA, Cohen SP, Clauw DJ, et al. Nociplastic pain: towards an understanding of "
    "prevalent pain conditions. Lancet 2021;397:2098-2110; Macfarlane GJ, Kronisch C, Dean "
    "LE, et al. EULAR revised recommendations for the management of fibromyalgia. Ann Rheum "
    "Dis 2017;76:318-328; clinical_reference §11"
)
ASTRO_LUTZ_2017 = (
    "Lutz S, Balboni T, Jones J, et al. Palliative radiation therapy for bone metastases: "
    "update of an ASTRO evidence-based guideline. Pract Radiat Oncol 2017;7:4-12; "
    "clinical_reference §10-§11"
)
CPIC_PHENOCONVERSION = (
    "Crews KR, Monte AA, Huddart R, et al. CPIC guideline for CYP2D6, OPRM1, and COMT "
    "genotypes and select opioid therapy. Clin Pharmacol Ther 2021;110:888-896 (strong "
    "CYP2D6 inhibitors convert a normal metabolizer towards a poor one); clinical_reference §9"
)
CONFORMAL_VOVK_2005 = (
    "Split-conformal prediction sets: Vovk V, Gammerman A, Shafer G. Algorithmic Learning in "
    "a Random World. Springer, 2005; coverage calibrated on the bundle's calibration cases "
    "(model card)"
)
OOD_MODEL_CARD = (
    "Out-of-distribution check of the model bundle: Mahalanobis distance of the case to the "
    "training data, flagged above the 95th percentile of calibration cases (model card)"
)
PARACETAMOL_LABEL = (
    "Paracetamol product information (maximum 4 g/day; 3 g/day often used for chronic use, "
    "frailty or liver risk); clinical_reference §10"
)
OPIOID_SIDE_EFFECTS = (
    "SIGN 106 (2008) and NICE CG140 (2012): persistent (constipation) and transient (nausea, "
    "sedation) opioid adverse effects; clinical_reference §10"
)
GABAPENTINOID_LABELS = (
    "Gabapentin (Neurontin) and pregabalin (Lyrica) US prescribing information; US FDA Drug "
    "Safety Communication, 19 Dec 2019; clinical_reference §10"
)
NOT_TABULATED = (
    "Not tabulated in the project's clinical reference sheet: procedure-specific risks are "
    "given by the treating team; clinical_reference §10 🟡"
)
PROJECT_REFERRAL_RULES = (
    "PainBridge referral rules (design.md: complex cases go to the hub); thresholds are "
    "named settings; Farrar JT et al. Pain 2001;94:149-158 (a 2-point NRS change is "
    "clinically meaningful)"
)
