"""Synthetic demo cases for `make run` and first-time users (never real patients)."""

from __future__ import annotations

from importlib import resources

from desktop.services.cases import CaseService, SavedCase

DEMO_PASSPHRASE = "demo-only passphrase (synthetic data)"
"""The passphrase of a demo home. It protects nothing real: demo homes hold only the
synthetic cases shipped in desktop/services/demo_cases."""


def demo_case_documents() -> list[bytes]:
    """The shipped demo case documents, in file-name order."""
    folder = resources.files("desktop.services") / "demo_cases"
    entries = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )
    return [entry.read_bytes() for entry in entries]


def load_demo_cases(cases: CaseService) -> list[SavedCase]:
    """Store every demo case as a new case; returns what was saved."""
    return [cases.add_case(document) for document in demo_case_documents()]
