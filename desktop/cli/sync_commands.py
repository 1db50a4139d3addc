"""``painbridge sync enroll | now | status | quarantine | models`` and ``painbridge inbox``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop.cli.opening import open_clinic_from
from desktop.cli.sync_view import format_message
from desktop.cli.tables import print_table
from desktop.domain.errors import UserFacingError
from desktop.services.machine_config import load_machine_config, machine_config_location

if TYPE_CHECKING:
    from desktop.services.sync import SyncReport

EXIT_OFFLINE = 6
DEFAULT_DEVICE_NAME = "clinic computer"


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser("sync", parents=[common], help="exchange cases with the hub")
    sub = sync.add_subparsers(title="sync commands", metavar="COMMAND", required=True)

    enroll = sub.add_parser(
        "enroll",
        parents=[common],
        help="enroll this installation with a hub using a one-time code",
        description=(
            "Generate this installation's device key (kept in the encrypted store), enroll "
            "it with the hub using the one-time code IT gave you, and remember the hub."
        ),
    )
    enroll.add_argument(
        "--hub",
        help="hub address, e.g. https://hub.example.org (default: the one IT preset)",
    )
    enroll.add_argument(
        "--code", help="one-time enrollment code from IT (default: the one IT preset)"
    )
    enroll.add_argument(
        "--name", help="a name for this computer (default: IT's preset, else 'clinic computer')"
    )
    enroll.set_defaults(handler=run_enroll)

    now = sub.add_parser(
        "now",
        parents=[common],
        help="send queued cases, receive the hub's answers, check for a model update",
    )
    now.add_argument("--no-models", action="store_true", help="skip the model update check")
    now.add_argument("--json", action="store_true", help="print the report as JSON")
    now.set_defaults(handler=run_now)

    status = sub.add_parser("status", parents=[common], help="hub connection and outbox state")
    status.set_defaults(handler=run_status)

    quarantine = sub.add_parser(
        "quarantine", parents=[common], help="list items the hub refused (with reasons)"
    )
    quarantine.add_argument(
        "--requeue", type=int, metavar="ID", help="put quarantined item ID back in the queue"
    )
    quarantine.set_defaults(handler=run_quarantine)

    models = sub.add_parser(
        "models", parents=[common], help="model updates from the hub: state, or roll back"
    )
    models.add_argument(
        "--rollback", action="store_true", help="activate the previous model bundle again"
    )
    models.set_defaults(handler=run_models)

    inbox = commands.add_parser(
        "inbox", parents=[common], help="recommendations and requests from the hub"
    )
    inbox.add_argument("--unread", action="store_true", help="only messages not read yet")
    inbox.add_argument("--read", type=int, metavar="N", help="show message N (marks it read)")
    inbox.set_defaults(handler=run_inbox)


def run_enroll(args: argparse.Namespace) -> int:
    hub, code, name = _enrollment_details(args)
    with open_clinic_from(args) as clinic:
        enrollment = clinic.sync.enroll(hub, code, name)
    print(
        f"enrolled with the hub at {enrollment.hub_url} as a device of "
        f"{enrollment.clinic_name} (device {enrollment.device_id})"
    )
    return 0


def _enrollment_details(args: argparse.Namespace) -> tuple[str, str, str]:
    """--hub, --code and --name, each falling back to the machine configuration IT preset."""
    if args.hub and args.code and args.name:
        return args.hub, args.code, args.name
    preset = load_machine_config()
    where = preset.source or machine_config_location()
    hub = args.hub or preset.hub_url
    code = args.code or preset.enrollment_code
    if hub is None:
        raise UserFacingError(f"no hub address: give --hub URL, or have IT preset it in {where}")
    if code is None:
        raise UserFacingError(
            f"no enrollment code: give --code CODE, or have IT preset it in {where}"
        )
    return hub, code, args.name or preset.device_name or DEFAULT_DEVICE_NAME


def _report_lines(report: SyncReport) -> list[str]:
    lines = [
        f"sent {report.sent} case version(s), {report.duplicates} already at the hub, "
        f"{report.quarantined} quarantined, {report.deferred} to retry later",
        f"received {report.received} message(s) from the hub",
    ]
    if report.models is not None:
        model = report.models
        lines.append(
            f"model update: {model.outcome.replace('_', ' ')}"
            + (f" ({model.version})" if model.version else "")
            + (f": {model.detail}" if model.detail else "")
        )
    if report.anchor_error is not None:
        lines.append(f"audit log NOT anchored at the hub: {report.anchor_error}")
    elif report.anchored_seq is not None:
        lines.append(f"audit log anchored at the hub up to entry {report.anchored_seq}")
    if report.offline:
        lines.append(f"offline: {report.error}")
    return lines


def run_now(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        report = clinic.sync.sync_now(update_models=not args.no_models)
    if args.json:
        print(
            json.dumps(
                {
                    "sent": report.sent,
                    "duplicates": report.duplicates,
                    "quarantined": report.quarantined,
                    "deferred": report.deferred,
                    "received": report.received,
                    "offline": report.offline,
                    "anchored_seq": report.anchored_seq,
                    "anchor_error": report.anchor_error,
                    "error": report.error,
                    "models": None if report.models is None else vars(report.models),
                },
                indent=2,
            )
        )
    else:
        print("\n".join(_report_lines(report)))
    return EXIT_OFFLINE if report.offline else 0


def run_status(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        status = clinic.sync.current()
        identity = clinic.sync.identity()
        models = clinic.model_updates.status()
    print(f"state: {status.state.replace('_', ' ')}")
    if identity is not None:
        print(f"hub: {identity.hub_url} ({identity.clinic_name}, device {identity.device_id})")
    print(
        f"queued: {status.queued}  quarantined: {status.quarantined}  unread: {status.inbox_unread}"
    )
    print(f"last successful sync: {status.last_success or 'never'}")
    if status.detail:
        print(status.detail)
    print(f"model from the hub: {models.active or 'none (the shipped model)'}; {models.note}")
    return 0


def run_quarantine(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        if args.requeue is not None:
            done = clinic.sync.requeue(args.requeue)
            print(f"item {args.requeue} " + ("queued again" if done else "is not quarantined"))
            return 0 if done else 3
        items = clinic.sync.quarantined()
    print_table(
        ["id", "case", "version", "reason"],
        [[str(i.outbox_id), i.case_id[:8], str(i.version), i.reason] for i in items],
    )
    return 0


def run_models(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        if args.rollback:
            version = clinic.model_updates.rollback()
            print(f"model bundle {version} is active again")
            return 0
        status = clinic.model_updates.status()
    print(f"active: {status.active or 'the shipped model'}; previous: {status.previous or '-'}")
    print(status.note)
    return 0


def run_inbox(args: argparse.Namespace) -> int:
    with open_clinic_from(args) as clinic:
        if args.read is not None:
            print(format_message(clinic.sync.read_message(args.read)))
            return 0
        messages = clinic.sync.inbox(unread_only=args.unread)
    if not messages:
        print("no messages from the hub")
    for message in messages:
        print(format_message(message))
    return 0
