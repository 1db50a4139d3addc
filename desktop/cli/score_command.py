"""``painbridge score FILE.json``: all derived scores as JSON, nothing stored."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.cli.inputs import read_document
from desktop.cli.settings_options import add_scheme_options, settings_from


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "score",
        parents=[common],
        help="print every derived score of a case file as JSON (stores nothing)",
        description=(
            "Validate a painbridge.case/1 document and print every derived value (NRS bands, "
            "BPI, DN4, LANSS, MEDD, analgesic level, PMI, creatinine clearance, responder "
            "status, pharmacogenomic phenotypes) with the scheme and source used."
        ),
    )
    parser.add_argument("file", metavar="FILE.json", help="case document, or - for stdin")
    add_scheme_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.services.scoring import score_document

    derived = score_document(read_document(args.file), settings_from(args))
    print(json.dumps(derived, indent=2, ensure_ascii=False))
    return 0
