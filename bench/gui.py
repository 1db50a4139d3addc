"""GUI benchmark (offscreen): start-up, GUI-thread stalls under background work, case list.

Run ``python bench/gui.py`` (about 2-3 minutes, most of it building the 100,000-case
store; ``--cases N`` to change, ``--store DIR`` to keep and reuse that store; ``--parts``
to run only some measurements; ``--profile`` to print what the GUI thread was doing
during its longest gaps). Prints a table; results and the machine are recorded in
docs/benchmarks.md ("GUI").

Goals (issue 6): process start to interactive main window <= 1.5 s; no event-loop gap
> 100 ms while an assessment and a sync run in the background; case list open and
search with 100,000 cases <= 200 ms.

The sync is the real one: the app's background sync (its own thread, store work on the
store thread) uploads queued case versions to a real hub, which runs in its own process
on 127.0.0.1 as it would on another machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import traceback
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QModelIndex, QTimer  # noqa: E402

from desktop.app import ClinicOpener, initialise_clinic, open_clinic  # noqa: E402
from desktop.domain.case_identity import make_pseudonym  # noqa: E402
from desktop.gui.application import apply_style, create_application  # noqa: E402
from desktop.gui.config import GuiConfig  # noqa: E402
from desktop.gui.shell import AppShell  # noqa: E402
from desktop.services.background_sync import RoundOutcome  # noqa: E402
from desktop.services.demo import demo_case_documents, load_demo_cases  # noqa: E402
from desktop.services.preferences import CurrentPreferences, PreferencesFile  # noqa: E402
from desktop.services.session import ClinicSession  # noqa: E402
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
    #: the same measurement of the baseline, run in the same process (see BASELINES)
    baseline: float | None = None


#: What each part is compared with, in the same run of this script.
BASELINES = (
    "start: a bare PySide6 window (QApplication, a QMainWindow with a line edit) started the "
    "same way, runs interleaved",
    "stalls: the same event-loop meter on the same screen with nothing in the background",
    "case list: the same actions on a store of 1,000 cases",
)


def table(rows: list[Row]) -> str:
    lines = [
        "| measurement | result | baseline | ratio | goal | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        met = "-" if row.met is None else ("yes" if row.met else "NO")
        if row.baseline is None:
            baseline = ratio = "-"
        else:
            baseline = f"{row.baseline:.0f} {row.unit}"
            ratio = f"{row.value / row.baseline:.2f}x" if row.baseline > 0 else "-"
        lines.append(
            f"| {row.metric} | {row.value:.0f} {row.unit} | {baseline} | {ratio} "
            f"| {row.goal} | {met} |"
        )
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


BARE_QT_CHILD = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(["baseline"])
    window = QMainWindow()
    window.setCentralWidget(QLineEdit())
    window.resize(1280, 820)
    window.show()

    def ready():
        print("READY", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    """
)


def _time_child(script: str) -> float:
    """Wall time from launching ``python -c script`` until it prints READY."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
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
        raise RuntimeError("the window did not start")
    return elapsed


def measure_start(home: Path, runs: int) -> tuple[list[float], list[float]]:
    """Wall time from launching ``python`` to the first event-loop turn with the window:
    PainBridge's, and a bare PySide6 window's (the baseline), runs interleaved."""
    app: list[float] = []
    bare: list[float] = []
    script = START_CHILD.format(root=str(ROOT), home=str(home))
    for _ in range(runs):
        app.append(_time_child(script))
        bare.append(_time_child(BARE_QT_CHILD))
    return app, bare


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


def _schedstat() -> tuple[float, float]:
    """(ms on a core, ms waiting for a core) of the calling thread (Linux; else zeros)."""
    try:
        with open("/proc/thread-self/schedstat") as stat:
            running, waiting, _ = stat.read().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(running) / 1e6, int(waiting) / 1e6


class GapMeter:
    """Records the time between ticks of a 2 ms timer: the event-loop gaps; and, for each
    gap, how long the GUI thread ran and how long it waited for a core (the rest of a
    gap it was blocked: waiting for the GIL)."""

    def __init__(self, *, split: bool = False) -> None:
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.split: list[tuple[float, float]] = []  # (ran, waited for a core) per gap
        self._split = split  # costs about 0.15 ms per tick: only with --profile
        self._sched = (0.0, 0.0)
        self.last_tick = 0.0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        """Start (or resume: the time while stopped is not a gap)."""
        self.clock.start()
        self._sched = _schedstat() if self._split else (0.0, 0.0)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart() / 1.0)
        sched = _schedstat() if self._split else (0.0, 0.0)
        self.split.append((sched[0] - self._sched[0], sched[1] - self._sched[1]))
        self._sched = sched
        self.last_tick = time.perf_counter()

    def longest(self, count: int = 8) -> str:
        """The longest gaps: ran / waited for a core / blocked (GIL) in each, ms."""
        rows = sorted(zip(self.gaps[1:], self.split[1:], strict=True), reverse=True)[:count]
        return ", ".join(
            f"{gap:.0f} ({ran:.0f}/{queued:.0f}/{max(0.0, gap - ran - queued):.0f})"
            for gap, (ran, queued) in rows
        )

    def totals(self, above_ms: float = 50.0) -> str:
        """Over all gaps longer than ``above_ms``: ran / waited for a core / blocked."""
        long = [(g, s) for g, s in zip(self.gaps[1:], self.split[1:], strict=True) if g > above_ms]
        ran = sum(s[0] for _, s in long)
        queued = sum(s[1] for _, s in long)
        total = sum(g for g, _ in long) or 1.0
        blocked = total - ran - queued
        return (
            f"{len(long)} gaps > {above_ms:.0f} ms: ran {100 * ran / total:.0f}%, waited for "
            f"a core {100 * queued / total:.0f}%, blocked {100 * blocked / total:.0f}%"
        )


# --- 2. GUI-thread stalls under background work --------------------------------------------


class HubProcess:
    """A real hub in its own process on 127.0.0.1 (the clinic's hub is another machine)."""

    def __init__(self, directory: Path, *, niceness: int = 19) -> None:
        from sync.hub.context import open_hub
        from sync.hub.enrollment import issue_code
        from sync.hub.settings import HubSettings

        hub = open_hub(HubSettings(config_dir=directory))
        try:
            self.code = issue_code(hub, "Bench clinic").code
        finally:
            hub.close()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = int(probe.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main())",
            "hub", "serve", "--hub-home", str(directory), "--port", str(self.port),
        ]  # fmt: skip
        # Niced: it stands in for another machine, so it should not take the cores the
        # clinic's GUI thread needs (on 2 cores it did: docs/benchmarks.md, "GUI").
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=(lambda: os.nice(niceness)) if hasattr(os, "nice") and niceness else None,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("the hub did not start") from None
                time.sleep(0.05)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def queued_cases(count: int) -> list[NewVersion]:
    """``count`` new consented case versions (the demo documents with new ids)."""
    templates = [json.loads(raw) for raw in demo_case_documents()]
    versions = []
    for index in range(count):
        document = json.loads(json.dumps(templates[index % len(templates)]))
        document["case_id"] = str(uuid.uuid4())
        pseudonym = make_pseudonym()
        document["patient"].update(pseudonym=pseudonym, consent_to_share=True)
        versions.append(
            NewVersion(
                case_id=document["case_id"],
                document=document,
                actor=USER,
                pseudonym=pseudonym,
                patient_name=document["patient"]["name"],
                assessment_date=date(2026, 11, 20),
            )
        )
    return versions


def queue_on_store(shell: AppShell, versions: list[NewVersion]) -> None:
    """Store new case versions (and their outbox rows) on the store thread, and wait."""
    queued: list[bool] = []

    def queue(session: ClinicSession) -> None:
        session.store.add_versions(versions)  # type: ignore[attr-defined]

    shell.store.call(queue, lambda _: queued.append(True))
    run_until(lambda: bool(queued))


class StallSampler:
    """While the GUI thread has not ticked for ``threshold`` ms, sample its Python stack
    every 2 ms (``--profile``): what it was doing, or waiting for, in its longest gaps."""

    def __init__(self, meter: GapMeter, threshold_ms: float = 40.0) -> None:
        self._meter = meter
        self._threshold = threshold_ms / 1000
        self._gui = threading.get_ident()
        self._stop = threading.Event()
        self.samples: Counter[str] = Counter()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.002):
            if time.perf_counter() - self._meter.last_tick < self._threshold:
                continue
            frame = sys._current_frames().get(self._gui)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)[-6:]
            self.samples[" <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                      for f in reversed(stack))] += 1  # fmt: skip

    def report(self, top: int = 12) -> str:
        total = sum(self.samples.values()) or 1
        lines = [f"GUI thread in gaps > {self._threshold * 1000:.0f} ms ({total} samples):"]
        for stack, count in self.samples.most_common(top):
            lines.append(f"  {100 * count / total:5.1f}%  {stack}")
        return "\n".join(lines)


def measure_stalls(
    home: Path,
    rounds: int = 5,
    *,
    hub: HubProcess | None = None,
    batch: int = 200,
    profile: bool = False,
) -> dict[str, float]:
    """Open a case (measured on its own); then, ``rounds`` times, ``batch`` new case
    versions are queued and the background sync uploads them to the hub while an
    assessment runs (the issue's scenario) and the new report is drawn; the last round
    also exports a PDF. Without ``hub``: the assessments alone. Returns the event-loop
    gaps over all rounds."""
    shell = start_shell(home)
    clinic = shell.clinic
    rounds_done: list[RoundOutcome] = []
    clinic.sync.round_finished.connect(rounds_done.append)
    unlock(shell)
    if hub is not None:  # the first round at unlock: the demo cases go to the hub
        run_until(lambda: bool(rounds_done))
    run_until(lambda: clinic.cases.model.case_id_at(0) is not None)  # reloaded after a round
    opening = GapMeter()
    opening.start()
    clinic.cases.open_row(0)
    run_until(lambda: shell.window.current_page() == "case")
    run_until(lambda: len(opening.gaps) > 20)  # let the page settle
    opening.stop()
    shell.window.show_page("report")
    run_until(lambda: shell.window.report.complete)
    case = clinic.editor.evaluation.case
    assert case is not None
    assessed: list[object] = []
    clinic.report.report_changed.connect(assessed.append)
    batches = [queued_cases(batch) for _ in range(rounds)] if hub is not None else []
    idle = GapMeter()  # the baseline: the same screen, nothing in the background
    idle.start()
    run_until(lambda: len(idle.gaps) > 1000)
    idle.stop()
    meter = GapMeter(split=profile)
    sampler = StallSampler(meter) if profile else None
    meter.start()
    if sampler is not None:
        sampler.start()
    first_round = len(rounds_done)

    def sent() -> int:
        """Case versions the rounds finished since the measurement began have sent (a
        round the assessment triggered may have run before the new batch was queued)."""
        return sum(o.report.sent for o in rounds_done[first_round:] if o.report is not None)

    for round_number in range(rounds):
        before = len(assessed)
        if hub is not None:  # new case versions arrive (not measured: not the scenario)
            meter.stop()
            queue_on_store(shell, batches[round_number])
            meter.start()
            clinic.sync.trigger()
        clinic.report.assess(case)
        pdf = None
        if round_number == rounds - 1:
            pdf = clinic.report.export_pdf(Path(tempfile.mkdtemp()) / "report.pdf")

        def finished(
            before: int = before, due: int = (round_number + 1) * batch, pdf: Any = pdf
        ) -> bool:
            return (
                len(assessed) > before
                and shell.window.report.complete
                and (hub is None or sent() >= due)
                and (pdf is None or pdf.outcome is not None)
            )

        run_until(finished)
    meter.stop()
    if sampler is not None:
        sampler.stop()
        print(sampler.report())
        print("longest gaps, ms (ran/waited for a core/blocked):", meter.longest())
        print(meter.totals())
    shell.shutdown()
    gaps = sorted(meter.gaps[1:])
    return {
        "max": gaps[-1],
        "p99": gaps[int(len(gaps) * 0.99)],
        "ticks": float(len(gaps)),
        "opening": max(opening.gaps[1:]),
        "idle": max(idle.gaps[1:]),
        "idle p99": sorted(idle.gaps[1:])[int((len(idle.gaps) - 1) * 0.99)],
        "rounds": float(rounds),
        "sent": float(sent()),
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
    parser.add_argument("--batch", type=int, default=200, help="case versions synced per round")
    parser.add_argument(
        "--parts", default="start,stalls,list", help="comma-separated: start, stalls, list"
    )
    parser.add_argument(
        "--hub-nice",
        type=int,
        default=19,
        help="niceness of the hub process (0 when other load would starve it)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="sample the GUI thread's stack in long gaps"
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    work = Path(tempfile.mkdtemp(prefix="painbridge-bench-gui-"))
    app = create_application()
    apply_style(app)
    rows: list[Row] = []
    notes: list[str] = []
    try:
        demo = work / "demo"
        with initialise_clinic(demo, user=USER, passphrase=PASSPHRASE) as clinic:
            load_demo_cases(clinic.cases)
        if "start" in parts:
            rows += start_rows(*measure_start(demo, args.runs))
        if "stalls" in parts:
            synced_home = work / "synced"
            shutil.copytree(demo, synced_home)
            hub = HubProcess(work / "hub", niceness=args.hub_nice)
            try:
                with open_clinic(synced_home, user=USER, passphrase=PASSPHRASE) as clinic:
                    clinic.sync.enroll(hub.url, hub.code, "bench computer")
                stalls = measure_stalls(
                    synced_home, hub=hub, batch=args.batch, profile=args.profile
                )
            finally:
                hub.stop()
            alone = measure_stalls(demo, profile=args.profile)
            rows += stall_rows(stalls, alone, args.batch)
            notes.append(
                f"event-loop ticks measured: {stalls['ticks']:.0f}; "
                f"case versions synced: {stalls['sent']:.0f}"
            )
        if "list" in parts:
            store_dir = args.store or work
            store_dir.mkdir(parents=True, exist_ok=True)
            built = time.perf_counter()
            many = build_many(store_dir, args.cases)
            build_seconds = time.perf_counter() - built
            lists = measure_list(many, args.runs)
            small = measure_list(build_many(work / "small", 1_000), args.runs)
            rows += list_rows(lists, small, args.cases)
            notes.append(
                f"cases listed: {lists['total'][0]:.0f}; big store built in {build_seconds:.0f} s"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    print()
    print("baselines, run in the same process: " + "; ".join(BASELINES))
    print(
        f"runs: {args.runs}; {'; '.join(notes)}; "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )


def start_rows(starts: list[float], bare: list[float]) -> list[Row]:
    ms = 1000.0
    median, bare_median = statistics.median(starts), statistics.median(bare)
    return [
        Row("start to interactive main window (median)", median * ms, "ms", "<= 1500 ms",
            median <= 1.5, bare_median * ms),
        Row("start to interactive main window (slowest)", max(starts) * ms, "ms", "-", None,
            max(bare) * ms),
    ]  # fmt: skip


def stall_rows(stalls: dict[str, float], alone: dict[str, float], batch: int) -> list[Row]:
    return [
        Row(f"largest event-loop gap, sync ({batch} case versions to the hub) + assessment "
            "in background (5 rounds)", stalls["max"], "ms", "<= 100 ms", stalls["max"] <= 100,
            stalls["idle"]),
        Row("99th percentile event-loop gap (same run)", stalls["p99"], "ms", "-", None,
            stalls["idle p99"]),
        Row("largest event-loop gap, assessment alone in background (5 rounds)", alone["max"],
            "ms", "<= 100 ms", alone["max"] <= 100, alone["idle"]),
        Row("largest gap while a case opens (editor shown the first time)", stalls["opening"],
            "ms", "-", None),
    ]  # fmt: skip


def list_rows(
    lists: dict[str, list[float]], small: dict[str, list[float]], cases: int
) -> list[Row]:
    count = f"{cases:,}"
    ms = 1000.0

    def median(results: dict[str, list[float]], key: str) -> float:
        return statistics.median(results[key]) * ms

    return [
        Row(f"case list open, first page shown ({count} cases)", median(lists, "open"), "ms",
            "<= 200 ms", median(lists, "open") <= 200, median(small, "open")),
        Row(f'search "maria" (about half of {count}), first page shown', median(lists, "maria"),
            "ms", "<= 200 ms", median(lists, "maria") <= 200, median(small, "maria")),
        Row('search "maria k", first page shown', median(lists, "maria k"), "ms", "<= 200 ms",
            median(lists, "maria k") <= 200, median(small, "maria k")),
        Row("next page (scrolling)", median(lists, "next page"), "ms", "-", None,
            median(small, "next page")),
    ]  # fmt: skip


if __name__ == "__main__":
    main()
