"""A build without the hub (the clinic application's frozen bundle leaves out ``sync.hub``
and the server libraries; so does ``pip install painbridge`` without the extra): every
``painbridge hub ...`` command and the demo's embedded hub say so with exit code 3, and
``painbridge demo --no-hub`` still works. Run in a subprocess whose imports of the hub
and its libraries are blocked by a meta-path finder."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from desktop.cli.parser import build_parser

ROOT = Path(__file__).resolve().parents[2]
MESSAGE = (
    "the hub is not installed in this build; install the hub package "
    "(pip install 'painbridge[hub]') or use the hub server"
)

# Runs each command line given as JSON in argv[1] with main() and prints, as JSON, each
# exit code, what it wrote to stderr and whether a hub module got imported after all.
RUNNER = """
import contextlib, importlib.abc, io, json, sys

BLOCKED = ("sync.hub", "fastapi", "uvicorn", "sqlalchemy", "starlette", "psycopg")


class HubBlocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, HubBlocker())
from desktop.cli import main

results = []
for argv in json.loads(sys.argv[1]):
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    results.append({"argv": argv, "code": code, "stderr": errors.getvalue()})
loaded = sorted(m for m in sys.modules if any(m == b or m.startswith(b + ".") for b in BLOCKED))
print(json.dumps({"results": results, "loaded": loaded}))
"""


def _run_without_hub(command_lines: list[list[str]], tmp_path: Path) -> dict[str, object]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PAINBRIDGE_")  # nothing from the developer's environment
    }
    environment |= {
        "PAINBRIDGE_HUB_PASSWORD": "a long hub password",
        "PAINBRIDGE_CONFIG": str(tmp_path / "no-machine-config.conf"),
        "TMPDIR": str(tmp_path),  # where a crash report would go
        "QT_QPA_PLATFORM": "offscreen",
    }
    completed = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(command_lines)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, object] = json.loads(completed.stdout.splitlines()[-1])
    return result


def _hub_commands() -> set[str]:
    parser = build_parser()
    commands = next(
        a for a in parser._actions if isinstance(a, argparse._SubParsersAction)
    ).choices["hub"]
    sub = next(a for a in commands._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_hub_command_and_the_demo_hub_say_the_hub_is_not_installed(
    tmp_path: Path,
) -> None:
    hub_home = ["--hub-home", str(tmp_path / "hub")]
    command_lines = {
        "serve": ["hub", "serve", *hub_home],
        "enroll-code": ["hub", "enroll-code", "--clinic", "Lakeside", *hub_home],
        "revoke": ["hub", "revoke", "3f9c2a", *hub_home],
        "devices": ["hub", "devices", *hub_home],
        "add-user": ["hub", "add-user", "dr.lee", "--role", "expert", *hub_home],
        "publish-model": ["hub", "publish-model", str(tmp_path), "--channel", "pilot"],
        "export-training-set": ["hub", "export-training-set", "--out", str(tmp_path / "t.jsonl")],
        "status": ["hub", "status", "--json", *hub_home],
        "rotate-data-key": ["hub", "rotate-data-key", "--status", *hub_home],
        "openapi": ["hub", "openapi", *hub_home],
    }
    assert set(command_lines) == _hub_commands()  # a new hub command is tested here too
    demo = ["demo", "--no-gui", "--home", str(tmp_path / "demo")]
    no_hub_demo = ["demo", "--no-gui", "--no-hub", "--home", str(tmp_path / "demo")]

    outcome = _run_without_hub([*command_lines.values(), demo, no_hub_demo], tmp_path)

    results = outcome["results"]
    assert isinstance(results, list)
    *hub_results, demo_result, no_hub_result = results
    for result in hub_results:
        assert result["code"] == 3, result
        assert result["stderr"].startswith(f"painbridge: {MESSAGE} ("), result
        assert "crash report" not in result["stderr"], result
    assert demo_result["code"] == 3, demo_result
    assert MESSAGE in demo_result["stderr"]
    assert "`painbridge demo --no-hub` runs the demo without it" in demo_result["stderr"]
    assert no_hub_result == {"argv": no_hub_demo, "code": 0, "stderr": ""}
    assert outcome["loaded"] == []  # nothing of the hub was imported
    assert not list(tmp_path.glob("painbridge-crash-*"))
    assert not (tmp_path / "hub").exists()  # nothing was created for a hub
