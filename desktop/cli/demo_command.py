"""``painbridge demo``: a data directory with synthetic demo cases (what `make run` starts)."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from desktop.cli.demo_hub import enroll_demo_clinic, start_demo_hub
from desktop.cli.session import resolve_home
from desktop.cli.tables import print_table

DEMO_USER = "demo"


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo",
        parents=[common],
        help="create or open a demo data directory with synthetic cases and open the app on it",
        description=(
            "Fill the data directory with the synthetic demo cases (only when it is empty) "
            "and open the application on it (or, with --no-gui or without a display, list "
            "them). The demo store uses a demo-only passphrase and holds no real data."
        ),
    )
    demo.add_argument("--reset", action="store_true", help="delete and recreate the demo data")
    demo.add_argument(
        "--no-gui", action="store_true", help="list the demo cases instead of opening the app"
    )
    demo.add_argument("--no-hub", action="store_true", help="do not start the embedded local hub")
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.app import initialise_clinic, open_clinic
    from desktop.services.demo import DEMO_PASSPHRASE, load_demo_cases
    from desktop.store import Home

    home = resolve_home(args)
    if args.reset and home.exists():
        shutil.rmtree(home)
    if not Home(home).is_initialised():
        with initialise_clinic(home, user=DEMO_USER, passphrase=DEMO_PASSPHRASE) as clinic:
            saved = load_demo_cases(clinic.cases)
        print(f"created a demo store in {home} with {len(saved)} synthetic cases")
    hub = None if args.no_hub else start_demo_hub(home)
    try:
        if hub is not None:
            with open_clinic(home, user=DEMO_USER, passphrase=DEMO_PASSPHRASE) as clinic:
                enroll_demo_clinic(hub, clinic)
        if not args.no_gui:
            from desktop.cli.gui_command import display_available

            if display_available():
                from desktop.app import run_gui

                return run_gui(home, demo_user=DEMO_USER, demo_passphrase=DEMO_PASSPHRASE)
            print("No display found: listing the demo cases instead of opening the application.")
        return _list_demo_cases(home)
    finally:
        if hub is not None:
            hub.stop()


def _list_demo_cases(home: Path) -> int:
    from desktop.app import open_clinic
    from desktop.services.demo import DEMO_PASSPHRASE

    with open_clinic(home, user=DEMO_USER, passphrase=DEMO_PASSPHRASE) as clinic:
        page = clinic.cases.list_cases(limit=50)
        rows = [
            [r.case_id[:8], r.pseudonym, r.patient_name, r.assessment_date, str(r.latest_version)]
            for r in page.rows
        ]
    print_table(["case", "pseudonym", "patient", "assessed", "version"], rows)
    print()
    print("Demo data only: every case above is synthetic. Try, for example:")
    print(f"  export PAINBRIDGE_PASSPHRASE='{DEMO_PASSPHRASE}' PAINBRIDGE_USER={DEMO_USER}")
    print(f"  .venv/bin/painbridge --home {home} case show {rows[0][0] if rows else 'ID'}")
    print(
        "  .venv/bin/painbridge score desktop/services/demo_cases/02-chemotherapy-neuropathy.json"
    )
    return 0
