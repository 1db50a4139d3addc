"""``painbridge hub ...``: run and administer a hub (needs the ``hub`` extra).

The hub's code is imported only inside these handlers, so clinic commands never load it,
and each handler first checks that it is installed (``needs_hub``): the clinic
application's build leaves it out, and says so. Every command works on the hub's data
directory (``--hub-home``) and database (``--db``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from desktop.cli.hub_availability import needs_hub, require_hub
from desktop.cli.session import read_passphrase
from desktop.cli.tables import print_table
from desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    from sync.hub.context import Hub
    from sync.hub.key_rotation import BatchDone, RotationStarted
    from sync.hub.settings import HubSettings

HUB_HOME_ENV = "PAINBRIDGE_HUB_HOME"
HUB_DB_ENV = "PAINBRIDGE_HUB_DB"
HUB_PASSWORD_ENV = "PAINBRIDGE_HUB_PASSWORD"


def _hub_options() -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--hub-home",
        type=Path,
        help="hub data directory: keys, TUF repository, SQLite database "
        "(default: $PAINBRIDGE_HUB_HOME or the per-user data directory of PainBridge-hub)",
    )
    options.add_argument(
        "--db",
        help="database URL, e.g. postgresql://user@host/painbridge "
        "(default: $PAINBRIDGE_HUB_DB, else SQLite in the hub data directory)",
    )
    return options


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    hub_options = _hub_options()
    parents = [common, hub_options]
    hub = commands.add_parser("hub", parents=parents, help="run and administer a hub")
    sub = hub.add_subparsers(title="hub commands", metavar="COMMAND", required=True)

    serve = sub.add_parser("serve", parents=parents, help="run the hub service (HTTP API)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    serve.add_argument("--tls-cert", type=Path, help="TLS certificate chain (PEM)")
    serve.add_argument("--tls-key", type=Path, help="TLS private key (PEM)")
    serve.set_defaults(handler=run_serve)

    code = sub.add_parser(
        "enroll-code", parents=parents, help="print a one-time enrollment code for a clinic"
    )
    code.add_argument("--clinic", required=True, help="clinic name (created on first use)")
    code.set_defaults(handler=run_enroll_code)

    revoke = sub.add_parser("revoke", parents=parents, help="revoke an enrolled device")
    revoke.add_argument("device", metavar="DEVICE", help="device id (a unique prefix is enough)")
    revoke.set_defaults(handler=run_revoke)

    devices = sub.add_parser("devices", parents=parents, help="list enrolled devices")
    devices.set_defaults(handler=run_devices)

    user = sub.add_parser("add-user", parents=parents, help="add an expert or admin account")
    user.add_argument("username", metavar="USERNAME", help="lower-case user name")
    user.add_argument("--role", required=True, choices=("expert", "admin"), help="account role")
    user.set_defaults(handler=run_add_user)

    publish = sub.add_parser(
        "publish-model", parents=parents, help="publish a signed model bundle to a channel"
    )
    publish.add_argument("bundle", metavar="BUNDLE", type=Path, help="bundle directory")
    publish.add_argument("--channel", required=True, choices=("stable", "pilot"), help="channel")
    publish.add_argument(
        "--trusted-key",
        type=Path,
        help="public key clinics verify bundles with (default: the development key)",
    )
    publish.set_defaults(handler=run_publish)

    export = sub.add_parser(
        "export-training-set",
        parents=parents,
        help="write expert-confirmed cases and outcomes as training records (JSONL)",
    )
    export.add_argument("--out", type=Path, required=True, help="output FILE.jsonl")
    export.set_defaults(handler=run_export)

    status = sub.add_parser("status", parents=parents, help="clinics, queue, models, quality")
    status.add_argument("--json", action="store_true", help="print JSON instead of a table")
    status.set_defaults(handler=run_status)

    rotate = sub.add_parser(
        "rotate-data-key",
        parents=parents,
        help="re-encrypt every stored case under a new data key, then retire the old key",
        description=(
            "Create a new data key (new uploads use it at once), re-encrypt every stored "
            "case version in batches (each its own transaction), then delete the old key "
            "files. Interrupted, it resumes where it stopped when run again."
        ),
    )
    rotate.add_argument(
        "--status",
        action="store_true",
        help="only show the data keys and how many stored rows each encrypts",
    )
    rotate.add_argument(
        "--batch-size",
        type=_positive,
        default=500,
        metavar="N",
        help="rows re-encrypted per transaction (default 500)",
    )
    rotate.set_defaults(handler=run_rotate_data_key)

    openapi = sub.add_parser("openapi", parents=parents, help="write the hub's OpenAPI schema")
    openapi.add_argument("--out", type=Path, help="output file (default: standard output)")
    openapi.set_defaults(handler=run_openapi)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def hub_settings(args: argparse.Namespace) -> HubSettings:
    require_hub()
    from sync.hub.settings import HubSettings

    home = args.hub_home or os.environ.get(HUB_HOME_ENV)
    if home is None and getattr(args, "temp_basedir", False):
        home = tempfile.mkdtemp(prefix="painbridge-hub-")
        import atexit

        atexit.register(shutil.rmtree, home, True)
    if home is None:
        home = platformdirs.user_data_path("PainBridge-hub", appauthor=False)
    return HubSettings(config_dir=Path(home), database_url=args.db or os.environ.get(HUB_DB_ENV))


def _open(args: argparse.Namespace) -> Hub:
    from sync.hub.context import open_hub

    return open_hub(hub_settings(args))


@needs_hub
def run_serve(args: argparse.Namespace) -> int:
    from sync.hub.server import TlsFiles, serve

    if (args.tls_cert is None) != (args.tls_key is None):
        raise UserFacingError("give both --tls-cert and --tls-key, or neither")
    tls = TlsFiles(args.tls_cert, args.tls_key) if args.tls_cert else None
    scheme = "https" if tls else "http"
    print(f"PainBridge hub on {scheme}://{args.host}:{args.port} (OpenAPI at /docs)", flush=True)
    serve(hub_settings(args), host=args.host, port=args.port, tls=tls)
    return 0


@needs_hub
def run_enroll_code(args: argparse.Namespace) -> int:
    from sync.hub.enrollment import issue_code

    hub = _open(args)
    try:
        issued = issue_code(hub, args.clinic)
    finally:
        hub.close()
    print(issued.code)
    print(
        f"one-time code for {issued.clinic_name}; valid until {issued.expires_at:%Y-%m-%d %H:%M} "
        f"UTC, {hub.settings.enrollment_code_attempts} wrong attempts lock it"
    )
    return 0


@needs_hub
def run_revoke(args: argparse.Namespace) -> int:
    from sync.hub.devices import revoke_device

    hub = _open(args)
    try:
        device = revoke_device(hub, args.device)
    finally:
        hub.close()
    print(f"revoked device {device.device_id} ({device.name}, {device.clinic_name})")
    return 0


@needs_hub
def run_devices(args: argparse.Namespace) -> int:
    from sync.hub.devices import list_devices

    hub = _open(args)
    try:
        rows = list_devices(hub)
    finally:
        hub.close()
    print_table(
        ["device", "clinic", "name", "enrolled", "last seen", "revoked"],
        [
            [
                r.device_id,
                r.clinic_name,
                r.name,
                f"{r.enrolled_at:%Y-%m-%d %H:%M}",
                f"{r.last_seen_at:%Y-%m-%d %H:%M}" if r.last_seen_at else "-",
                f"{r.revoked_at:%Y-%m-%d %H:%M}" if r.revoked_at else "",
            ]
            for r in rows
        ],
    )
    return 0


@needs_hub
def run_add_user(args: argparse.Namespace) -> int:
    from sync.hub.accounts import add_user

    password = read_passphrase(
        f"Password for {args.username}: ", env=HUB_PASSWORD_ENV, confirm=True
    )
    hub = _open(args)
    try:
        account = add_user(hub, args.username, args.role, password)
    finally:
        hub.close()
    print(f"added {account.role} {account.username}")
    return 0


@needs_hub
def run_publish(args: argparse.Namespace) -> int:
    from models_onnx.signing import development_public_key, load_public_key_file
    from sync.hub.publishing import publish_model

    key = (
        load_public_key_file(args.trusted_key)
        if args.trusted_key is not None
        else development_public_key()
    )
    hub = _open(args)
    try:
        published = publish_model(hub, args.bundle, args.channel, key)
    finally:
        hub.close()
    print(
        f"published {published.name} {published.version} to {published.channel} "
        f"({published.files} files); clinics install it at their next sync"
    )
    return 0


@needs_hub
def run_export(args: argparse.Namespace) -> int:
    from sync.hub.training_export import export_training_set

    hub = _open(args)
    try:
        summary = export_training_set(hub, args.out)
    finally:
        hub.close()
    print(
        f"wrote {summary.records} training records to {args.out} ({summary.with_labels} with "
        f"expert-confirmed mechanisms, {summary.with_outcome} with a follow-up outcome)"
    )
    return 0


@needs_hub
def run_status(args: argparse.Namespace) -> int:
    from sync.hub.dashboard import hub_status

    hub = _open(args)
    try:
        status = hub_status(hub)
    finally:
        hub.close()
    if args.json:
        print(json.dumps(status.model_dump(mode="json"), indent=2))
        return 0

    def share(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    print_table(
        [
            "clinic",
            "devices",
            "last sync",
            "cases",
            "queue",
            "errors",
            "model",
            "review h",
            "PMI<0",
            "DN4",
            "resp.",
            "agree",
        ],
        [
            [
                c.clinic_name,
                f"{c.devices - c.revoked_devices}/{c.devices}",
                f"{c.last_sync:%Y-%m-%d %H:%M}" if c.last_sync else "never",
                str(c.cases),
                str(c.queue_depth),
                str(c.rejected_items),
                c.model_version or "-",
                "-" if c.median_review_hours is None else f"{c.median_review_hours:.1f}",
                share(c.negative_pmi_share),
                share(c.dn4_completion_share),
                share(c.responder_share),
                share(c.model_expert_agreement),
            ]
            for c in status.clinics
        ],
    )
    oldest = status.oldest_waiting_hours
    print(
        f"review queue: {status.queue_depth} case(s)"
        + ("" if oldest is None else f", oldest waiting {oldest:.1f} h")
    )
    for channel, release in status.published_models.items():
        print(f"{channel} channel: {release or 'nothing published yet'}")
    for alarm in status.audit_alarms:
        print(
            f"AUDIT ALARM {alarm.clinic_name}, device {alarm.device_id}: {alarm.message} "
            f"({alarm.code}; {alarm.repeats} time(s), last {alarm.last_at:%Y-%m-%d %H:%M} UTC)"
        )
    return 0


@needs_hub
def run_rotate_data_key(args: argparse.Namespace) -> int:
    from sync.hub.key_rotation import data_key_status, rotate_data_key

    hub = _open(args)
    try:
        if not args.status:
            summary = rotate_data_key(hub, batch_size=args.batch_size, progress=_print_rotation)
            retired = ", ".join(summary.retired) or "none"
            print(
                f"data key rotation finished: key {summary.key_id} encrypts all {summary.rows} "
                f"stored case version(s); {summary.reencrypted} re-encrypted now; "
                f"retired key(s): {retired}"
            )
        status = data_key_status(hub)
    finally:
        hub.close()
    print_table(
        ["data key", "current", "rows", "key file"],
        [
            [
                k.key_id,
                "yes" if k.current else "",
                str(k.rows),
                "present" if k.on_disk else "MISSING",
            ]
            for k in status.keys
        ],
    )
    if status.rotating_to is not None:
        print(
            f"a rotation to key {status.rotating_to} is unfinished: run `painbridge hub "
            "rotate-data-key` to finish it"
        )
    return 0


def _print_rotation(event: RotationStarted | BatchDone) -> None:
    from sync.hub.key_rotation import RotationStarted

    if isinstance(event, RotationStarted):
        start = "resuming the rotation to" if event.resumed else "new"
        print(
            f"{start} data key {event.key_id} (encrypts new uploads); re-encrypting "
            f"{event.to_reencrypt} stored case version(s)",
            flush=True,
        )
    else:
        print(f"re-encrypted {event.done}/{event.total}", flush=True)


@needs_hub
def run_openapi(args: argparse.Namespace) -> int:
    from sync.hub.api.app import create_app

    hub = _open(args)
    try:
        schema = create_app(hub).openapi()
    finally:
        hub.close()
    text = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    if args.out is None:
        print(text, end="")
    else:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote the OpenAPI schema to {args.out}")
    return 0
