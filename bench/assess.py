"""Assessment benchmark: how long a decision-support report takes.

Run ``python bench/assess.py`` (about a minute). Prints two tables; results and the
machine are recorded in docs/benchmarks.md ("Assessment").

1. ``painbridge assess FILE.json`` as a whole process, against two baselines run in the
   same way: a bare interpreter start and ``painbridge --version`` (imports only).
2. Per-case time over a batch of synthetic cases (default 1,000) in one process: the full
   report (scores + model + explanations + OOD + conformal + alerts + ranking + referral)
   against its parts: scores only, and the model step only.

Goals (issue 4): a report as a process well under a second; batch >= 200 cases/s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.cli.tables import format_table  # noqa: E402
from desktop.domain.case import Case  # noqa: E402
from desktop.domain.case_parsing import parse_case  # noqa: E402
from desktop.domain.derivation import derive_scores  # noqa: E402
from desktop.domain.report import compose_report  # noqa: E402
from desktop.domain.settings import ClinicalSettings  # noqa: E402
from desktop.services.models import ModelService  # noqa: E402
from models_onnx.training.cohort import generate_cohort  # noqa: E402

CASE_FILE = ROOT / "desktop" / "services" / "demo_cases" / "03-plexopathy-renal.json"
NOW = datetime(2026, 11, 21, tzinfo=UTC)


def _time_process(argv: list[str], runs: int) -> list[float]:
    """Wall times of ``runs`` runs after one warm-up run that writes the bytecode cache
    (as an installed application has it; PYTHONDONTWRITEBYTECODE is dropped for that)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(argv, check=True, capture_output=True, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def _per_case(step: Callable[[Case], object], cases: list[Case]) -> float:
    start = time.perf_counter()
    for case in cases:
        step(case)
    return (time.perf_counter() - start) / len(cases)


def _table(title: str, header: list[str], rows: list[list[str]]) -> None:
    print(f"\n{title}")
    print(format_table(header, rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5, help="process runs per command")
    args = parser.parse_args()
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{platform.processor() or platform.machine()}"
    )

    python = sys.executable
    runs = {
        "python -c pass (baseline)": _time_process([python, "-c", "pass"], args.runs),
        "painbridge --version": _time_process([python, "-m", "desktop", "--version"], args.runs),
        "painbridge assess FILE.json": _time_process(
            [python, "-m", "desktop", "assess", str(CASE_FILE)], args.runs
        ),
    }
    base = statistics.median(runs["python -c pass (baseline)"])
    _table(
        "One report as a process (median of runs; goal: well under 1 s)",
        ["command", "median s", "max s", "x baseline"],
        [
            [
                name,
                f"{statistics.median(t):.3f}",
                f"{max(t):.3f}",
                f"{statistics.median(t) / base:.1f}",
            ]
            for name, t in runs.items()
        ],
    )

    cohort = generate_cohort(args.cases, seed=7)
    cases = [parse_case(record["case"]) for record in cohort.records]
    settings = ClinicalSettings()
    models = ModelService()
    models.load()
    models.predict(cases[0])  # warm: sessions are open before timing

    scores = _per_case(lambda c: derive_scores(c, settings), cases)
    model = _per_case(models.predict, cases)
    full = _per_case(
        lambda c: compose_report(c, settings, models.predict(c), generated_at=NOW), cases
    )
    rendered = _per_case(
        lambda c: json.dumps(
            compose_report(c, settings, models.predict(c), generated_at=NOW).model_dump(mode="json")
        ),
        cases,
    )
    _table(
        f"Per case over a batch of {len(cases)} synthetic cases (goal: >= 200 cases/s)",
        ["step", "ms per case", "cases/s", "x scores only"],
        [
            [name, f"{t * 1000:.2f}", f"{1 / t:.0f}", f"{t / scores:.1f}"]
            for name, t in (
                ("scores only (derive_scores, baseline)", scores),
                ("model step only (predict + explanations + OOD + conformal)", model),
                ("full report (scores + model + alerts + ranking + referral)", full),
                ("full report serialised to JSON", rendered),
            )
        ],
    )


if __name__ == "__main__":
    main()
