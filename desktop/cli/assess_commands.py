"""``painbridge assess``, ``painbridge case assess``, ``case follow-up``, ``case reports``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop.cli.inputs import read_document
from desktop.cli.opening import open_clinic_from
from desktop.cli.settings_options import add_scheme_options, settings_from
from desktop.cli.tables import print_table

if TYPE_CHECKING:
    from desktop.domain.report import Report


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    assess = commands.add_parser(
        "assess",
        parents=[common],
        help="print the decision-support report of a case file (stores nothing)",
        description=(
            "Validate a painbridge.case/1 document, run the bundled models and the guideline "
            "rules, and print the report. Exit 0 even when alerts fire; 1 only for invalid "
            "input. The bundled models are trained on a synthetic cohort."
        ),
    )
    assess.add_argument("file", metavar="FILE.json", help="case document, or - for stdin")
    assess.add_argument("--json", action="store_true", help="print the report as JSON")
    assess.add_argument("--no-model", action="store_true", help="scores and guideline rules only")
    assess.add_argument("--refer", action="store_true", help="the clinician requests hub referral")
    add_scheme_options(assess)
    assess.set_defaults(handler=run_assess)


def add_case_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    assess = sub.add_parser(
        "assess",
        parents=[common],
        help="assess the latest version of a stored case and store the report",
    )
    assess.add_argument("case_id", metavar="ID", help="case id (a unique prefix is enough)")
    assess.add_argument("--json", action="store_true", help="print the report as JSON")
    assess.add_argument("--refer", action="store_true", help="the clinician requests hub referral")
    assess.set_defaults(handler=run_case_assess)

    follow_up = sub.add_parser(
        "follow-up",
        parents=[common],
        help="record a follow-up assessment (new case version) and re-assess",
        description=(
            "FILE.json holds one follow-up object as in follow_ups[] of the case format "
            '(e.g. {"date": "2026-12-04", "nrs": {"worst": 5}, "treatment_started": '
            '"gabapentinoid"}). The case gets a new version and a new report, which states '
            "what changed since the previous one."
        ),
    )
    follow_up.add_argument("case_id", metavar="ID", help="case id (a unique prefix is enough)")
    follow_up.add_argument("file", metavar="FILE.json", help="follow-up object, or - for stdin")
    follow_up.add_argument("--json", action="store_true", help="print the report as JSON")
    follow_up.set_defaults(handler=run_follow_up)

    reports = sub.add_parser("reports", parents=[common], help="list the stored reports of a case")
    reports.add_argument("case_id", metavar="ID", help="case id (a unique prefix is enough)")
    reports.add_argument(
        "--reproduce",
        type=int,
        metavar="REPORT",
        help="recompute stored report REPORT from its inputs and say whether it is identical",
    )
    reports.set_defaults(handler=run_reports)


def _print(report: Report, as_json: bool) -> None:
    from desktop.domain.report_text import render_report_text

    if as_json:
        print(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        print(render_report_text(report))


def run_assess(args: argparse.Namespace) -> int:
    from desktop.domain.case_parsing import parse_case
    from desktop.services.models import ModelService
    from desktop.services.reports import ReportService

    case = parse_case(read_document(args.file))
    settings = settings_from(args)
    models = None if args.no_model else ModelService()
    service = ReportService(
        lambda: settings, predictor=models.predict if models is not None else None
    )
    _print(service.assess(case, clinician_requests_referral=args.refer), args.json)
    return 0


def run_case_assess(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        result = clinic.assessments.assess_case(
            args.case_id, clinician_requests_referral=args.refer
        )
    _print(result.report, args.json)
    return 0


def run_follow_up(args: argparse.Namespace) -> int:
    data = read_document(args.file)
    with open_clinic_from(args) as clinic:
        saved, result = clinic.assessments.add_follow_up(args.case_id, data)
    if not args.json:
        print(f"follow-up stored as version {saved.version} of case {saved.case_id}")
    _print(result.report, args.json)
    return 0


def run_reports(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        if args.reproduce is not None:
            stored = {r.report_id: r for r in clinic.assessments.stored_reports(args.case_id)}
            again = clinic.assessments.reproduce(args.case_id, args.reproduce)
            original = stored[args.reproduce].document
            same = again.model_dump(mode="json") == original
            print(f"report {args.reproduce}: " + ("reproduced exactly" if same else "DIFFERS"))
            return 0 if same else 5
        rows = [
            [
                str(r.report_id),
                str(r.case_version),
                r.created_at,
                r.actor,
                f"{r.model_name or '-'} {r.model_version or ''}".strip(),
                r.inputs_fingerprint[:12],
            ]
            for r in clinic.assessments.stored_reports(args.case_id)
        ]
    print_table(["report", "case version", "created", "by", "model", "inputs"], rows)
    return 0
