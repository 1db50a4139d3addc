"""``painbridge case add | list | show``."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.cli import assess_commands
from desktop.cli.case_view import format_case
from desktop.cli.inputs import read_document
from desktop.cli.opening import open_clinic_from
from desktop.cli.sync_view import format_hub_part
from desktop.cli.tables import print_table

#: The case-list filters of desktop/store/case_index.py (CASE_FILTERS), spelled out here so the
#: parser does not import the store at start-up; tests/unit/test_docs.py checks they match.
CASE_LIST_FILTERS = ("all", "needs_follow_up", "sent", "answered", "alerts")


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    case = commands.add_parser("case", parents=[common], help="add, list and show stored cases")
    sub = case.add_subparsers(title="case commands", metavar="COMMAND", required=True)

    add_cmd = sub.add_parser(
        "add",
        parents=[common],
        help="validate and store a case document (prints the case id)",
        description=(
            "Validate FILE.json (painbridge.case/1) and store it as a new case, or as a new "
            "version when its case_id is already stored. Prints the case id."
        ),
    )
    add_cmd.add_argument("file", metavar="FILE.json", help="case document, or - for stdin")
    add_cmd.set_defaults(handler=run_add)

    list_cmd = sub.add_parser("list", parents=[common], help="list stored cases, newest first")
    list_cmd.add_argument("--search", help="pseudonym or patient name (prefix match)")
    list_cmd.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    list_cmd.add_argument(
        "--filter",
        dest="case_filter",
        default="all",
        choices=CASE_LIST_FILTERS,
        help="only cases that need follow-up, were sent to the hub, were answered, or alert",
    )
    list_cmd.add_argument("--offset", type=int, default=0, help="rows to skip")
    list_cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")
    list_cmd.set_defaults(handler=run_list)

    show = sub.add_parser("show", parents=[common], help="show one case with its derived scores")
    show.add_argument("case_id", metavar="ID", help="case id (a unique prefix is enough)")
    show.add_argument("--version", type=int, help="a past version (default: the latest)")
    show.add_argument("--json", action="store_true", help="print the stored document as JSON")
    show.set_defaults(handler=run_show)

    assess_commands.add_case_commands(sub, common)


def run_add(args: argparse.Namespace) -> int:
    data = read_document(args.file)
    with open_clinic_from(args) as clinic:
        saved = clinic.cases.add_case(data)
    print(saved.case_id)
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        page = clinic.cases.list_cases(
            search=args.search,
            offset=args.offset,
            limit=args.limit,
            case_filter=args.case_filter,
        )
    if args.json:
        print(json.dumps([row.as_dict() for row in page.rows], indent=2, ensure_ascii=False))
        return 0
    if page.notice:
        print(page.notice)
    print_table(
        ["case id", "pseudonym", "patient", "assessed", "version", "updated", "hub"],
        [
            [
                r.case_id,
                r.pseudonym,
                r.patient_name or "",
                r.assessment_date or "",
                str(r.latest_version),
                r.updated_at,
                r.sync_state.replace("_", " ") + (f": {r.sync_reason}" if r.sync_reason else ""),
            ]
            for r in page.rows
        ],
    )
    shown_to = args.offset + len(page.rows)
    print(
        f"{len(page.rows)} shown ({args.offset + 1 if page.rows else 0}-{shown_to} of {page.total})"
    )
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        record = clinic.cases.show_case(args.case_id, version=args.version)
        receipt = clinic.sync.receipt(record.case_id)
        messages = clinic.sync.messages_for_case(record.case_id)
    if args.json:
        print(json.dumps(record.document, indent=2, ensure_ascii=False))
        return 0
    print(format_case(record))
    print(format_hub_part(receipt, messages))
    return 0
