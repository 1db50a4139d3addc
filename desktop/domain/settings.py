"""Clinical settings: every scheme on which published sources disagree, by name.

Each field is a named, versioned choice (clinical_reference marks these ⚠️). Derived
values report which scheme produced them, so a number can always be reproduced. Change a
default only with a note in docs/clinical-rules.md.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

SETTINGS_VERSION = "painbridge.clinical-settings/1"

NrsBandScheme = Literal["NCCN", "Serlin1995"]
PainLevelScheme = Literal["Cleeland1994", "Serlin1995", "NCCN"]
Dn4CutoffScheme = Literal["Bouhassira2005", "vanSeventer2013"]
MeddTable = Literal["CDC2022", "CDC2016"]
OpioidStrength = Literal["weak", "strong"]
ResponderItem = Literal["worst", "average"]
RenalDoseScheme = Literal["US_label", "UK"]


class ClinicalSettings(BaseModel):
    """The named schemes used to derive scores (frozen; defaults documented per field).

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
