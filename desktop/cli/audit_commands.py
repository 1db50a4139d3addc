"""``painbridge audit verify``."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.opening import open_clinic_from


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", parents=[common], help="check the audit log")
    sub = audit.add_subparsers(title="audit commands", metavar="COMMAND", required=True)
    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="verify the HMAC chain of the audit log (exit 0 only when intact)",
        description=(
            "Recompute the HMAC chain of every audit entry and compare the head with the "
            "anchor kept outside the database and with every head the hub confirmed at a "
            "sync: an edited, deleted, reordered or truncated entry is reported with its "
            "sequence number. Exit 0 only when intact."
        ),
    )
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        report = clinic.verify_audit()
    if report.ok:
        print(f"audit log intact: {report.entries_checked} entries verified")
    else:
        for problem in report.problems:
            print(f"audit problem: {problem}")
        print(
            f"audit log NOT intact: {len(report.problems)} problem(s) in "
            f"{report.entries_checked} entries"
        )
    anchor = report.hub_anchor
    if anchor is None:
        print("not anchored at a hub yet (the head is anchored at every sync)")
    else:
        print(f"anchored at the hub up to entry {anchor.seq} at {anchor.anchored_at}")
    return 0 if report.ok else 4
