"""Command-line choices for the named clinical schemes (docs/clinical-rules.md)."""

from __future__ import annotations

import argparse
from typing import Any, get_args

from desktop.domain.settings import (
    ClinicalSettings,
    Dn4CutoffScheme,
    MeddTable,
    NrsBandScheme,
    PainLevelScheme,
)

# option -> (settings field, allowed values)
SCHEME_OPTIONS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "--nrs-bands": ("nrs_band_scheme", get_args(NrsBandScheme)),
    "--pmi-bands": ("pain_level_scheme", get_args(PainLevelScheme)),
    "--dn4-cutoffs": ("dn4_cutoff_scheme", get_args(Dn4CutoffScheme)),
    "--medd-table": ("medd_table", get_args(MeddTable)),
}


def add_scheme_options(parser: argparse.ArgumentParser) -> None:
    defaults = ClinicalSettings()
    group = parser.add_argument_group("clinical schemes (where published sources disagree)")
    for option, (field, choices) in SCHEME_OPTIONS.items():
        group.add_argument(
            option,
            dest=field,
            choices=choices,
            help=f"default: {getattr(defaults, field)}",
        )
    group.add_argument(
        "--lanss-cutoff",
        dest="s_lanss_cutoff",
        type=int,
        choices=(12, 10),
        help="S-LANSS cut-off (default 12; 10 for higher sensitivity)",
    )


def settings_from(args: argparse.Namespace) -> ClinicalSettings:
    """ClinicalSettings with the schemes chosen on the command line."""
    fields = [field for field, _ in SCHEME_OPTIONS.values()] + ["s_lanss_cutoff"]
    chosen = {field: getattr(args, field) for field in fields if getattr(args, field, None)}
    return ClinicalSettings(**chosen)
