"""GUI benchmark (offscreen): start-up, GUI-thread stalls under background work, case list.

Run ``python bench/gui.py`` (about 2-3 minutes, most of it building the 100,000-case
store; ``--cases N`` to change, ``--store DIR`` to keep and reuse that store). Prints a
table; results and the machine are recorded in docs/benchmarks.md ("GUI").

Goals (issue 6): process start to interactive main window <= 1.5 s; no event-loop gap
> 100 ms while an assessment and a sync run in the background; case list open and
search with 100,000 cases <= 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QModelIndex, QTimer  # noqa: E402

from desktop.app import ClinicOpener, initialise_clinic  # noqa: E402
from desktop.gui.application import apply_style, create_application  # noqa: E402
from desktop.gui.config import GuiConfig  # noqa: E402
from desktop.gui.shell import AppShell  # noqa: E402
from desktop.services.demo import demo_case_documents, load_demo_cases  # noqa: E402
from desktop.services.jobs import CancelToken, Progress, ProgressCallback  # noqa: E402
from desktop.services.preferences import CurrentPreferences, PreferencesFile  # noqa: E402
from desktop.store import NewVersion  # noqa: E402

USER = "bench"
PASSPHRASE = "benchmark passphrase only"
FIRST_NAMES = ["Maria", "Wei", "Ana", "Li", "Fatima", "John", "Priya", "Kwame", "Olga", "Jose"]


@dataclass
class Row:
    metric: str
    value: float
    unit: str
    goal: str
    met: bool | None


def table(rows: list[Row]) -> str:
    lines = ["| measurement | result | goal | met |", "|---|---:|---|---|"]
    for row in rows:
        met = "-" if row.met is None else ("yes" if row.met else "NO")
        lines.append(f"| {row.metric} | {row.value:.0f} {row.unit} | {row.goal} | {met} |")
    return "\n".join(lines)


# --- 1. start-up ---------------------------------------------------------------------------

START_CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    import desktop.gui.shell as shell_module

    original_show = shell_module.AppShell.show

    def show(self):
        window = original_show(self)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def ready():  # first turn of the event loop after the window is shown
            print("READY", flush=True)
            QApplication.instance().quit()

        QTimer.singleShot(0, ready)
        return window

    shell_module.AppShell.show = show
    from desktop.app import run_gui
    run_gui(Path({home!r}))
    """
)


def measure_start(home: Path, runs: int) -> list[float]:
    """Wall time from launching ``python`` to the first event-loop turn with the window."""
    times = []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = START_CHILD.format(root=str(ROOT), home=str(home))
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        elapsed = time.perf_counter() - start
        child.wait()
        child.stdout.close()
        if line.strip() != "READY":
            raise RuntimeError("the application did not start")
        times.append(elapsed)
    return times


# --- helpers for the in-process measurements -------------------------------------------------


def start_shell(home: Path) -> AppShell:
    preferences = CurrentPreferences(PreferencesFile(home))
    config = GuiConfig(
        opener=ClinicOpener(home, preferences.clinical_settings),
        preferences=preferences,
        home=home,
        search_delay_ms=0,
    )
    shell = AppShell(config)
    shell.show()
    return shell


def run_until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Run a real event loop until ``condition`` holds (checked every millisecond)."""
    if condition():
        return
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(1)
    check.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    check.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    check.stop()
    deadline.stop()
    if not condition():
        raise TimeoutError("condition not reached")


def unlock(shell: AppShell) -> None:
    model = shell.clinic.cases.model
    loaded: list[bool] = []
    model.page_loaded.connect(lambda: loaded.append(True))
    shell.clinic.session.unlock(USER, PASSPHRASE)
    run_until(lambda: bool(loaded))


class GapMeter:
    """Records the time between ticks of a 2 ms timer: the event-loop gaps."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart() / 1.0)


# --- 2. GUI-thread stalls under background work --------------------------------------------


def sync_like_work(documents: list[bytes]) -> Callable[[CancelToken, ProgressCallback], int]:
    """A stand-in for a sync round: pseudonymize, serialize and hash every case (CPU-bound
    Python in a pool thread, competing with the GUI thread for the GIL)."""
    import hashlib

    def work(token: CancelToken, progress: ProgressCallback) -> int:
        done = 0
        for round_number in range(40):
            for raw in documents:
                document = json.loads(raw)
                document.get("patient", {}).pop("name", None)
                text = json.dumps(document, sort_keys=True, separators=(",", ":"))
                hashlib.sha256(text.encode()).hexdigest()
                done += 1
            progress(Progress(round_number + 1, 40, "sync"))
            token.raise_if_cancelled()
        return done

    return work


def measure_stalls(home: Path, rounds: int = 5, *, with_sync: bool = True) -> dict[str, float]:
    """Open a case (measured on its own); then, ``rounds`` times, a sync-like job and an
    assessment run together in the background while the report page is shown (the
    issue's scenario), the new report is drawn, and in the last round a PDF is exported
    too. Returns the event-loop gaps over all rounds."""
    shell = start_shell(home)
    unlock(shell)
    clinic = shell.clinic
    opening = GapMeter()
    opening.start()
    clinic.cases.open_row(0)
    run_until(lambda: shell.window.current_page() == "case")
    run_until(lambda: len(opening.gaps) > 20)  # let the page settle
    opening.stop()
    shell.window.show_page("report")
    run_until(lambda: shell.window.report.complete)
    documents = demo_case_documents() * 40
    case = clinic.editor.evaluation.case
    assert case is not None
    assessed: list[object] = []
    clinic.report.report_changed.connect(assessed.append)
    meter = GapMeter()
    meter.start()
    for round_number in range(rounds):
        sync = shell.jobs.submit("sync", sync_like_work(documents if with_sync else []))
        before = len(assessed)
        clinic.report.assess(case)
        pdf = None
        if round_number == rounds - 1:
            pdf = clinic.report.export_pdf(Path(tempfile.mkdtemp()) / "report.pdf")
        run_until(
            lambda before=before, sync=sync, pdf=pdf: len(assessed) > before  # type: ignore[misc]
            and shell.window.report.complete
            and sync.outcome is not None
            and (pdf is None or pdf.outcome is not None)
        )
    meter.stop()
    shell.shutdown()
    gaps = sorted(meter.gaps[1:])
    return {
        "max": gaps[-1],
        "p99": gaps[int(len(gaps) * 0.99)],
        "ticks": float(len(gaps)),
        "opening": max(opening.gaps[1:]),
        "rounds": float(rounds),
    }


# --- 3. case list with many cases ----------------------------------------------------------


def build_many(directory: Path, cases: int) -> Path:
    home = directory / "many"
    marker = home / "bench-cases.txt"
    if marker.exists() and marker.read_text() == str(cases):
        return home
    if home.exists():
        shutil.rmtree(home)
    template: dict[str, Any] = json.loads(demo_case_documents()[0])
    rng = random.Random(11)
    with initialise_clinic(home, user=USER, passphrase=PASSPHRASE) as clinic:
        batch: list[NewVersion] = []
        for index in range(cases):
            case_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            surname = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)).title()
            name = f"{rng.choice(FIRST_NAMES)} {surname}"
            pseudonym = f"PB-{index:08d}"
            document = json.loads(json.dumps(template))
            document["case_id"] = case_id
            document["patient"].update({"name": name, "pseudonym": pseudonym})
            batch.append(
                NewVersion(
                    case_id=case_id,
                    document=document,
                    actor=USER,
                    pseudonym=pseudonym,
                    patient_name=name,
                    assessment_date=date(2026, 11, 1),
                )
            )
            if len(batch) == 1000:
                clinic.store.add_versions(batch)
                batch = []
        if batch:
            clinic.store.add_versions(batch)
    marker.write_text(str(cases))
    return home


def measure_list(home: Path, repeats: int) -> dict[str, list[float]]:
    shell = start_shell(home)
    clinic = shell.clinic
    unlock(shell)
    model = clinic.cases.model
    table_view = shell.window.case_list.table
    results: dict[str, list[float]] = {"open": [], "maria": [], "maria k": [], "next page": []}

    def timed(action: Callable[[], None]) -> float:
        loaded: list[bool] = []

        def seen() -> None:
            loaded.append(True)

        model.page_loaded.connect(seen)
        start = time.perf_counter()
        action()
        run_until(lambda: bool(loaded))
        table_view.viewport().repaint()  # the rows are drawn, not just fetched
        elapsed = time.perf_counter() - start
        model.page_loaded.disconnect(seen)
        return elapsed

    try:
        for _ in range(repeats):
            results["open"].append(timed(lambda: clinic.cases.model.reload(None)))
            results["next page"].append(timed(lambda: model.fetchMore(QModelIndex())))
            for term in ("maria", "maria k"):
                clinic.cases.set_search_text(term)
                results[term].append(timed(clinic.cases.search_now))
            clinic.cases.set_search_text("")
            timed(clinic.cases.search_now)
    finally:
        results["total"] = [float(model.total)]
        shell.shutdown()
    return results


# --- main ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--store", type=Path, help="keep the big store here and reuse it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="painbridge-bench-gui-"))
    app = create_application()
    apply_style(app)
    try:
        demo = work / "demo"
        with initialise_clinic(demo, user=USER, passphrase=PASSPHRASE) as clinic:
            load_demo_cases(clinic.cases)
        starts = measure_start(demo, args.runs)
        stalls = measure_stalls(demo)
        alone = measure_stalls(demo, with_sync=False)
        store_dir = args.store or work
        store_dir.mkdir(parents=True, exist_ok=True)
        built = time.perf_counter()
        many = build_many(store_dir, args.cases)
        build_seconds = time.perf_counter() - built
        lists = measure_list(many, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    count = f"{args.cases:,}"
    ms = 1000.0
    rows = [
        Row("start to interactive main window (median)", statistics.median(starts) * ms, "ms",
            "<= 1500 ms", statistics.median(starts) <= 1.5),
        Row("start to interactive main window (slowest)", max(starts) * ms, "ms", "-", None),
        Row("largest event-loop gap, sync + assessment in background (5 rounds)", stalls["max"],
            "ms", "<= 100 ms", stalls["max"] <= 100),
        Row("99th percentile event-loop gap (same run)", stalls["p99"], "ms", "-", None),
        Row("largest event-loop gap, assessment alone in background (5 rounds)", alone["max"],
            "ms", "<= 100 ms", alone["max"] <= 100),
        Row("largest gap while a case opens (editor shown the first time)", stalls["opening"],
            "ms", "-", None),
        Row(f"case list open, first page shown ({count} cases)",
            statistics.median(lists["open"]) * ms, "ms", "<= 200 ms",
            statistics.median(lists["open"]) <= 0.2),
        Row(f'search "maria" (about half of {count}), first page shown',
            statistics.median(lists["maria"]) * ms, "ms", "<= 200 ms",
            statistics.median(lists["maria"]) <= 0.2),
        Row('search "maria k", first page shown', statistics.median(lists["maria k"]) * ms, "ms",
            "<= 200 ms", statistics.median(lists["maria k"]) <= 0.2),
        Row("next page (scrolling)", statistics.median(lists["next page"]) * ms, "ms", "-", None),
    ]  # fmt: skip
    print(table(rows))
    print()
    print(
        f"runs: {args.runs}; event-loop ticks measured: {stalls['ticks']:.0f}; "
        f"cases listed: {lists['total'][0]:.0f}; big store built in {build_seconds:.0f} s; "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
