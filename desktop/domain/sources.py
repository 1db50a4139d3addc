"""Primary sources cited by the clinical rules (one constant per publication).

Every rule result carries one of these strings in its ``source`` field, so a number shown to
a clinician can always be traced to its publication. The section numbers refer to the
project's clinical reference sheet; the citations stand on their own.
"""

from __future__ import annotations

NRS_NCCN = (
    "NCCN Clinical Practice Guidelines in Oncology: Adult Cancer Pain (bands mild 1-3, "
    "moderate 4-6, severe 7-10); clinical_reference §1"
)
NRS_SERLIN_1995 = (
    "Serlin RC, Mendoza TR, Nakamura Y, Edwards KR, Cleeland CS. When is cancer pain mild, "
    "moderate or severe? Pain 1995;61:277-284; clinical_reference §1"
)
BPI_CLEELAND = (
    "Cleeland CS, Ryan KM. Pain assessment: global use of the Brief Pain Inventory. "
    "Ann Acad Med Singapore 1994;23:129-138 (BPI-SF scoring per the BPI User Guide); "
    "clinical_reference §4"
)
DN4_BOUHASSIRA_2005 = (
    "Bouhassira D, Attal N, Alchaar H, et al. Comparison of pain syndromes associated with "
    "nervous or somatic lesions and development of a new neuropathic pain diagnostic "
    "questionnaire (DN4). Pain 2005;114:29-36; clinical_reference §2"
)
DN4_VAN_SEVENTER_2013 = (
    "van Seventer R, Vos C, Meerding W, et al. Linguistic validation of the DN4 for use in "
    "international studies (Dutch version). Pain Pract 2013;13:390-398; clinical_reference §2"
)
LANSS_BENNETT_2001 = (
    "Bennett M. The LANSS Pain Scale: the Leeds assessment of neuropathic symptoms and signs. "
    "Pain 2001;92:147-157; clinical_reference §3"
)
S_LANSS_BENNETT_2005 = (
    "Bennett MI, Smith BH, Torrance N, Potter J. The S-LANSS score for identifying pain of "
    "predominantly neuropathic origin. J Pain 2005;6:149-158; clinical_reference §3"
)
PMI_CLEELAND_1994 = (
    "Cleeland CS, Gonin R, Hatfield AK, et al. Pain and its treatment in outpatients with "
    "metastatic cancer. N Engl J Med 1994;330:592-596; clinical_reference §5"
)
WHO_LADDER_ESMO_2018 = (
    "WHO. Cancer pain relief. Geneva: WHO, 1986 (analgesic ladder); Fallon M et al. "
    "Management of cancer pain in adult patients: ESMO Clinical Practice Guidelines. "
    "Ann Oncol 2018;29(Suppl 4):iv166-iv191; clinical_reference §5-6"
)
MEDD_CDC_2022 = (
    "Dowell D, Ragan KR, Jones CM, Baldwin GT, Chou R. CDC Clinical Practice Guideline for "
    "Prescribing Opioids for Pain - United States, 2022. MMWR Recomm Rep 2022;71(3):1-95; "
    "clinical_reference §6"
)
MEDD_CDC_2016 = (
    "Dowell D, Haegerich TM, Chou R. CDC Guideline for Prescribing Opioids for Chronic Pain - "
    "United States, 2016. MMWR Recomm Rep 2016;65(1):1-49; clinical_reference §6"
)
MEDD_OLDER_TABLES = (
    "Older equianalgesic tables (CMS / Cancer Therapy Advisor opioid equianalgesic chart: "
    "tramadol 0.1, hydromorphone 4, meperidine 0.1); clinical_reference §6"
)
MEDD_VON_KORFF_2008 = (
    "Von Korff M, Saunders K, Ray GT, et al. De facto long-term opioid therapy for noncancer "
    "pain. Clin J Pain 2008;24:521-527 (dihydrocodeine 0.25); clinical_reference §6"
)
MORPHINE_PARENTERAL = (
    "Equianalgesic tables: parenteral morphine about 3x oral (10 mg IV/SC = 30 mg oral), "
    "Cancer Therapy Advisor opioid equianalgesic chart; EAPC (Caraceni A et al. Lancet Oncol "
    "2012;13:e58-e68) gives 2:1 to 3:1; clinical_reference §6"
)
IMMPACT_DWORKIN_2008 = (
    "Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment "
    "outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9:105-121; "
    "Farrar JT et al. Pain 2001;94:149-158; clinical_reference §7"
)
COCKCROFT_GAULT_1976 = (
    "Cockcroft DW, Gault MH. Prediction of creatinine clearance from serum creatinine. "
    "Nephron 1976;16:31-41; clinical_reference §10"
)
CPIC_CYP2D6_2021 = (
    "Crews KR, Monte AA, Huddart R, et al. Clinical Pharmacogenetics Implementation Consortium "
    "guideline for CYP2D6, OPRM1, and COMT genotypes and select opioid therapy. "
    "Clin Pharmacol Ther 2021;110:888-896; clinical_reference §9"
)
CPIC_CYP2C9_2020 = (
    "Theken KN, Lee CR, Gong L, et al. Clinical Pharmacogenetics Implementation Consortium "
    "guideline for CYP2C9 and nonsteroidal anti-inflammatory drugs. "
    "Clin Pharmacol Ther 2020;108:191-200; clinical_reference §9"
)
GABAPENTIN_US_LABEL = (
    "Neurontin (gabapentin) US prescribing information, dosage adjustment for renal "
    "impairment; clinical_reference §10"
)
PREGABALIN_US_LABEL = (
    "Lyrica (pregabalin) US prescribing information, dosage adjustment for renal impairment "
    "(bands >=60, 30-60, 15-30, <15 mL/min); clinical_reference §10"
)
GABAPENTINOID_UK = (
    "Br J Pain 2020, doi:10.1177/2049463720912496, Table 1 (UK renal dose bands); "
    "Canterbury DHB palliative care pregabalin sheet (NZ); clinical_reference §10"
)
METHADONE_QTC = (
    "Chou R, Cruciani RA, Fiellin DA, et al. Methadone safety: a clinical practice guideline "
    "from the American Pain Society and College on Problems of Drug Dependence, with the Heart "
    "Rhythm Society. J Pain 2014;15:321-337; Krantz MJ et al. QTc interval screening in "
    "methadone treatment. Ann Intern Med 2009;150:387-395; clinical_reference §10"
)
