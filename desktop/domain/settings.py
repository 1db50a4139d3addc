"""Clinical settings: every scheme or threshold on which published sources disagree, by name.

Each field is a named, versioned choice (clinical_reference marks these ⚠️). Derived
values, alerts and reports state which setting produced them, so a number can always be
reproduced. Change a default only with a note in docs/clinical-rules.md.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SETTINGS_VERSION = "painbridge.clinical-settings/1"

NrsBandScheme = Literal["NCCN", "Serlin1995"]
PainLevelScheme = Literal["Cleeland1994", "Serlin1995", "NCCN"]
Dn4CutoffScheme = Literal["Bouhassira2005", "vanSeventer2013"]
MeddTable = Literal["CDC2022", "CDC2016"]
OpioidStrength = Literal["weak", "strong"]
ResponderItem = Literal["worst", "average"]
RenalDoseScheme = Literal["US_label", "UK"]
ReferralSeverity = Literal["caution", "warning", "contraindication"]

RenalCutoff = Annotated[int, Field(ge=10, le=90)]
Probability = Annotated[float, Field(gt=0, lt=1)]
Margin = Annotated[float, Field(ge=0, le=0.5)]


class ClinicalSettings(BaseModel):
    """The named schemes used to derive scores, raise alerts and recommend referral.

    Frozen; every default is documented, with its reason, in docs/clinical-rules.md.

    Scores:

    * ``nrs_band_scheme`` NCCN (1-3/4-6/7-10; most guidelines) or Serlin1995 (1-4/5-6/7-10).
    * ``pain_level_scheme`` for the PMI: NCCN by default so the PMI pain level never
      disagrees with the NRS band shown next to it; Cleeland1994 (original 1-3/4-7/8-10)
      and Serlin1995 selectable.
    * ``dn4_cutoff_scheme`` Bouhassira2005 (DN4 >= 4/10, interview >= 3/7) or
      vanSeventer2013 (Dutch validation: >= 5/10, >= 4/7).
    * ``lanss_cutoff`` 12 (Bennett 2001); ``s_lanss_cutoff`` 12 (Bennett 2005) or 10.
    * ``medd_table`` CDC2022 (current) or CDC2016 (older factors, banded methadone).
    * ``hydrocodone_class`` weak (US combination products, WHO step II);
      ``tapentadol_class`` strong (step III in Europe); ``low_dose_buprenorphine_class``
      weak (transdermal <= 20 µg/h, as listed with step II in clinical_reference §5).
    * ``responder_nrs_item`` worst (ESMO 2018 asks for worst pain in 24 h; same item as
      the PMI); ``responder_min_baseline`` 4 (trial convention: baseline at least moderate).
    * ``renal_dose_scheme`` US_label (gabapentin/pregabalin labels) or UK.

    Alerts (clinical_reference §9-§11):

    * ``nsaid_avoid_egfr_below`` 30 and ``nsaid_caution_egfr_below`` 60 (KDIGO 2012).
    * ``nsaid_avoid_platelets_below`` 50 x 10^9/L (a convention; no single source).
    * ``opioid_renal_avoid_below`` 30 mL/min: avoid morphine, codeine, pethidine (SIGN 106).
    * ``tca_avoid_age`` 65 (AGS Beers criteria: avoid amitriptyline in older adults).
    * ``mechanism_threshold`` 0.5: a mechanism probability at or above it reads "present";
      ``near_threshold_margin`` 0.1: closer than this to the threshold is low confidence.
    * ``top_options_count`` 3: options "ranked high" / proposed, and shown in the headline.

    Referral to the hub (None switches a rule off):

    * ``refer_on_low_confidence`` and ``refer_on_out_of_distribution`` True.
    * ``refer_on_severe_pain_on_strong_opioid`` True.
    * ``refer_on_pmi_at_or_below`` -2 (a PMI of -1 is not necessarily under-treatment,
      Sakakibara 2018).
    * ``refer_on_guideline_severity`` warning: any guideline alert at or above it.
    * ``refer_on_nrs_rise_points`` 2 and ``refer_on_medd_rise_percent`` 50 (rapid escalation).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal["painbridge.clinical-settings/1"] = "painbridge.clinical-settings/1"
    nrs_band_scheme: NrsBandScheme = "NCCN"
    pain_level_scheme: PainLevelScheme = "NCCN"
    dn4_cutoff_scheme: Dn4CutoffScheme = "Bouhassira2005"
    lanss_cutoff: Literal[12] = 12
    s_lanss_cutoff: Literal[12, 10] = 12
    medd_table: MeddTable = "CDC2022"
    hydrocodone_class: OpioidStrength = "weak"
    tapentadol_class: OpioidStrength = "strong"
    low_dose_buprenorphine_class: OpioidStrength = "weak"
    responder_nrs_item: ResponderItem = "worst"
    responder_min_baseline: Literal[4, 1] = 4
    renal_dose_scheme: RenalDoseScheme = "US_label"
    # Alerts
    nsaid_avoid_egfr_below: RenalCutoff = 30
    nsaid_caution_egfr_below: RenalCutoff = 60
    nsaid_avoid_platelets_below: Annotated[int, Field(ge=10, le=150)] = 50
    opioid_renal_avoid_below: RenalCutoff = 30
    tca_avoid_age: Annotated[int, Field(ge=50, le=90)] = 65
    mechanism_threshold: Probability = 0.5
    near_threshold_margin: Margin = 0.1
    top_options_count: Annotated[int, Field(ge=1, le=15)] = 3
    # Referral to the hub
    refer_on_low_confidence: bool = True
    refer_on_out_of_distribution: bool = True
    refer_on_severe_pain_on_strong_opioid: bool = True
    refer_on_pmi_at_or_below: Literal[-1, -2, -3] | None = -2
    refer_on_guideline_severity: ReferralSeverity | None = "warning"
    refer_on_nrs_rise_points: Annotated[int, Field(ge=1, le=10)] | None = 2
    refer_on_medd_rise_percent: Annotated[int, Field(ge=10, le=1000)] | None = 50

    @model_validator(mode="after")
    def _ordered_cutoffs(self) -> ClinicalSettings:
        if self.nsaid_avoid_egfr_below > self.nsaid_caution_egfr_below:
            raise ValueError("nsaid_avoid_egfr_below must not be above nsaid_caution_egfr_below")
        return self
