"""``painbridge --self-test [--temp-basedir] [--gui]``: the smoke test of every build.

It exercises what a frozen build most often loses (a native library, a data file, a Qt
plugin) on a throwaway data directory, never the user's: create and reopen an encrypted
store (SQLCipher), load the shipped model bundle (signature and hashes verified), save a
synthetic demo case, assess it (model output required), verify the audit chain; with
``--gui`` first open the main window on the offscreen Qt platform. Prints one line per
step and exits 0, or 7 naming the step that failed.
"""

from __future__ import annotations

import argparse
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.cli.session import resolve_home
from desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    from desktop.app import Clinic

EXIT_SELF_TEST_FAILED = 7
SELF_TEST_USER = "self-test"
SELF_TEST_PASSPHRASE = "self-test passphrase (throwaway store, no data)"


class SelfTestFailed(UserFacingError):
    """A self-test step found the build broken."""


@dataclass
class _Context:
    home: Path
    case_id: str = ""
    bundle_id: str = ""


Step = Callable[[_Context], str]


def add_options(parser: argparse.ArgumentParser) -> None:
    """The top-level ``--self-test`` and ``--gui`` options (registered by the parser)."""
    group = parser.add_argument_group("self-test (smoke test of an installed or frozen build)")
    group.add_argument(
        "--self-test",
        dest="handler",
        action="store_const",
        const=run,
        help="check this installation on a throwaway data directory and exit (0: works)",
    )
    group.add_argument(
        "--gui",
        action="store_true",
        default=False,
        help="with --self-test: also open the main window (offscreen Qt platform)",
    )


def run(args: argparse.Namespace) -> int:
    """Run every step; returns 0 when all pass, EXIT_SELF_TEST_FAILED otherwise."""
    home = _throwaway_home(args)
    print(f"PainBridge {__version__} self-test in {home} (deleted at exit)", flush=True)
    steps: list[tuple[str, Step]] = []
    if getattr(args, "gui", False):
        steps.append(("open the main window (offscreen)", _open_main_window))
    steps += [
        ("create and reopen an encrypted store", _create_store),
        ("load the shipped model bundle", _load_bundle),
        ("save a demo case", _save_demo_case),
        ("assess it with the model", _assess),
        ("verify the audit chain", _verify_audit),
    ]
    context = _Context(home)
    for name, step in steps:
        started = time.perf_counter()
        try:
            detail = step(context)
        except Exception as error:
            print(f"FAILED {name}: {error}", flush=True)
            if not isinstance(error, UserFacingError):
                traceback.print_exc()
            print("self-test failed", flush=True)
            return EXIT_SELF_TEST_FAILED
        print(f"ok     {name} ({time.perf_counter() - started:.2f} s): {detail}", flush=True)
    print("self-test passed", flush=True)
    return 0


def _throwaway_home(args: argparse.Namespace) -> Path:
    """--home DIR when it is new or empty, else a fresh temporary directory: never the
    user's data directory ($PAINBRIDGE_HOME and the per-user default are ignored)."""
    if getattr(args, "home", None) is None:
        args.temp_basedir = True
    home = resolve_home(args)
    if home.exists() and any(home.iterdir()):
        raise UserFacingError(
            f"--self-test needs a new or empty data directory and {home} is not empty; "
            "use --temp-basedir"
        )
    return home


def _open_main_window(context: _Context) -> str:
    """What ``painbridge`` alone does up to the first window, then close it again."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import ClinicOpener
    from desktop.gui.application import show_once
    from desktop.gui.config import GuiConfig
    from desktop.services.preferences import CurrentPreferences, PreferencesFile

    home = context.home / "window"
    preferences = CurrentPreferences(PreferencesFile(home))
    config = GuiConfig(
        opener=ClinicOpener(home, preferences.clinical_settings), preferences=preferences, home=home
    )
    shown = show_once(config)
    if not shown.visible:
        raise SelfTestFailed("the main window did not become visible")
    return f"{shown.title!r} on the {shown.platform} platform; shown at epoch {shown.shown_at:.3f}"


def _create_store(context: _Context) -> str:
    from desktop.app import initialise_clinic, open_clinic

    home = context.home / "store"
    with initialise_clinic(home, user=SELF_TEST_USER, passphrase=SELF_TEST_PASSPHRASE):
        pass
    with open_clinic(home, user=SELF_TEST_USER, passphrase=SELF_TEST_PASSPHRASE) as clinic:
        stats = clinic.store.stats()
    if not stats.encrypted:
        raise SelfTestFailed("the store is not encrypted")
    return f"encrypted database of {stats.database_bytes} bytes, {len(stats.migrations)} migrations"


def _load_bundle(context: _Context) -> str:
    from desktop.services.models import DEFAULT_BUNDLE, ModelService

    models = ModelService()
    predictor = models.load(DEFAULT_BUNDLE)
    bundle_id = models.bundle_id()
    if bundle_id is None:
        raise SelfTestFailed("the model bundle loaded but is not active")
    context.bundle_id = bundle_id
    return f"{predictor.name} {predictor.version}, signature verified, bundle {bundle_id[:12]}"


def _save_demo_case(context: _Context) -> str:
    from desktop.services.demo import demo_case_documents

    with _open(context) as clinic:
        saved = clinic.cases.add_case(demo_case_documents()[0])
    context.case_id = saved.case_id
    return f"case {saved.case_id[:8]} version {saved.version} (synthetic)"


def _assess(context: _Context) -> str:
    with _open(context) as clinic:
        assessment = clinic.assessments.assess_case(context.case_id)
    report = assessment.report
    if report.model is None or not report.mechanisms:
        raise SelfTestFailed(f"the report has no model output ({report.model_note})")
    if report.model.bundle_id != context.bundle_id:
        raise SelfTestFailed("the report was made by another model bundle than the shipped one")
    probabilities = ", ".join(f"{m.mechanism} {m.probability:.2f}" for m in report.mechanisms)
    return f"report {assessment.report_id}: {probabilities}"


def _verify_audit(context: _Context) -> str:
    with _open(context) as clinic:
        audit = clinic.verify_audit()
    if not audit.ok:
        raise SelfTestFailed("; ".join(problem.message for problem in audit.problems))
    return f"{audit.entries_checked} entries intact"


def _open(context: _Context) -> Clinic:
    from desktop.app import open_clinic

    return open_clinic(context.home / "store", user=SELF_TEST_USER, passphrase=SELF_TEST_PASSPHRASE)
