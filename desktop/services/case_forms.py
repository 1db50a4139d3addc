"""The case form's document: edited field by field, scored live, saved as a case.

A form holds a JSON-like ``dict`` shaped like ``painbridge.case/1`` but possibly
incomplete or invalid (it is what the clinician is typing). Fields are addressed by the
same dotted paths the validation problems use (``medications[1].daily_dose_mg``), so a
problem can be shown at its field. :func:`evaluate_document` validates the document and
computes the derived scores even while some fields are invalid: it leaves the invalid
values out and says so.
"""

from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.case import Case
from desktop.domain.case_identity import complete_identity
from desktop.domain.case_parsing import parse_case
from desktop.domain.derivation import derive_scores
from desktop.domain.derived import DerivedScores
from desktop.domain.errors import InvalidInput, Problem
from desktop.domain.settings import ClinicalSettings
from desktop.domain.vocabulary import CASE_SCHEMA_ID
from desktop.services.cases import CaseService, SavedCase

PathPart = str | int
_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
#: Paths that cannot be left out to compute the rest (the case needs them).
_REQUIRED_PATHS = frozenset({"", "schema", "assessment", "assessment.date"})
_MAXIMUM_REPAIRS = 8


def split_path(path: str) -> list[PathPart]:
    """``"medications[1].drug"`` -> ``["medications", 1, "drug"]``."""
    return [name if name else int(index) for name, index in _PART.findall(path)]


def get_value(document: dict[str, Any], path: str) -> Any:
    """The value at ``path``, or None when any part of it is absent."""
    node: Any = document
    for part in split_path(path):
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return None
            node = node[part]
        else:
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
    return node


def set_value(document: dict[str, Any], path: str, value: Any) -> None:
    """Set ``path`` (creating objects on the way); None or "" removes the field and
    then any object left empty by it (lists are kept: an empty list is an answer)."""
    parts = split_path(path)
    if value is None or value == "":
        remove_path(document, path)
        return
    node: Any = document
    for part, following in itertools.pairwise(parts):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(part, int):
            while len(node) <= part:
                node.append({})
            node = node[part]
        else:
            if not isinstance(node.get(part), dict | list):
                node[part] = empty
            node = node[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def remove_path(document: dict[str, Any], path: str) -> bool:
    """Remove the value at ``path`` and the objects it leaves empty; False if absent."""
    parts = split_path(path)
    if not parts:
        return False
    trail: list[tuple[Any, PathPart]] = []
    node: Any = document
    for part in parts[:-1]:
        trail.append((node, part))
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return False
    last = parts[-1]
    try:
        del node[last]
    except (KeyError, IndexError, TypeError):
        return False
    for parent, part in reversed(trail):
        child = parent[part]
        if isinstance(child, dict) and not child and isinstance(part, str):
            del parent[part]
        else:
            break
    return True


def new_case_document(today: date) -> dict[str, Any]:
    """An empty form for a new case assessed today."""
    return {"schema": CASE_SCHEMA_ID, "assessment": {"date": today.isoformat()}}


@dataclass(frozen=True)
class FormEvaluation:
    """The form checked and scored.

    ``case`` is set only when the whole document is valid (it can be saved).
    ``derived`` is computed even with invalid fields, leaving those out
    (``partial`` True); None when even that is impossible (e.g. no assessment date).
    """

    case: Case | None
    derived: DerivedScores | None
    problems: tuple[Problem, ...]
    partial: bool

    @property
    def valid(self) -> bool:
        return self.case is not None

    def problems_at(self, path: str) -> list[Problem]:
        """Problems of the field at ``path`` or inside it."""
        return [
            p
            for p in self.problems
            if p.path == path or p.path.startswith((path + ".", path + "["))
        ]


def evaluate_document(document: dict[str, Any], settings: ClinicalSettings) -> FormEvaluation:
    """Validate ``document`` and derive its scores (see :class:`FormEvaluation`)."""
    try:
        case = parse_case(copy.deepcopy(document))
    except InvalidInput as invalid:
        problems = invalid.problems
    else:
        return FormEvaluation(case, derive_scores(case, settings), (), partial=False)
    working = copy.deepcopy(document)
    found = list(problems)
    current = problems
    for _ in range(_MAXIMUM_REPAIRS):
        paths = [p.path for p in current]
        if any(path in _REQUIRED_PATHS for path in paths):
            break
        if not all(remove_path(working, path) for path in sorted(set(paths), reverse=True)):
            break
        try:
            repaired = parse_case(copy.deepcopy(working))
        except InvalidInput as invalid:
            # Rules that could only be checked once the bad fields were left out (e.g.
            # least <= worst) are problems of the form too.
            current = invalid.problems
            found += [p for p in current if p not in found]
            continue
        derived = derive_scores(repaired, settings)
        return FormEvaluation(None, derived, tuple(found), partial=True)
    return FormEvaluation(None, None, tuple(found), partial=True)


def save_document(cases: CaseService, document: dict[str, Any]) -> tuple[SavedCase, Case]:
    """Validate, give the case its id and pseudonym when new, and store the next version.

    Returns what was stored and the case as stored (with its identity).
    Raises InvalidInput (nothing stored) when a field breaks its rule.
    """
    case = complete_identity(parse_case(copy.deepcopy(document)))
    return cases.save(case), case
