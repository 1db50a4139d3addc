"""Reading and writing case documents: untrusted JSON in, one Problem per invalid value out.

``parse_case`` accepts a dict (already decoded JSON) or JSON text (str or UTF-8 bytes) and
either returns a valid :class:`Case` or raises :class:`InvalidInput` listing every problem
with its dotted JSON path, e.g. ``medications[1].daily_dose_mg: must be a number above 0
and at most 100000 (mg per day), got -5``. ``dump_case`` is its inverse.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from desktop.domain.case import DEFER_CASE_RULES, Case
from desktop.domain.case_rules import find_case_problems
from desktop.domain.errors import InvalidInput, Problem
from desktop.domain.fields import RULE_ERROR_TYPE
from desktop.domain.vocabulary import CASE_SCHEMA_ID

UNKNOWN_FIELD_RULE = f"unknown field (not part of {CASE_SCHEMA_ID})"
REQUIRED_RULE = "is required"
OBJECT_RULE = "must be an object"
LIST_RULE = "must be a list"
DUPLICATE_RULE = "is given more than once (duplicate field)"
DOCUMENT_RULE = f"must be a JSON object ({CASE_SCHEMA_ID})"

_RULES_BY_ERROR_TYPE = {
    "extra_forbidden": UNKNOWN_FIELD_RULE,
    "missing": REQUIRED_RULE,
    "model_type": OBJECT_RULE,
    "model_attributes_type": OBJECT_RULE,
    "dict_type": OBJECT_RULE,
    "list_type": LIST_RULE,
    "tuple_type": LIST_RULE,
}


def parse_case(data: dict[str, Any] | str | bytes) -> Case:
    """Validate a case document; raise :class:`InvalidInput` with one Problem per bad value.

    Field rules are checked first; the cross-field rules (dates in order, least <= worst,
    units matching routes, ...) are checked once every field is valid.
    """
    if isinstance(data, str | bytes):
        data = _decode_json(data)
    if not isinstance(data, dict):
        raise InvalidInput([Problem("", DOCUMENT_RULE, data)])
    duplicates = list(_duplicate_problems(data, ""))
    plain = _plain(data)
    try:
        case = Case.model_validate(plain, context={DEFER_CASE_RULES: True})
    except ValidationError as error:
        raise InvalidInput([*duplicates, *problems_from_validation(error)]) from None
    problems = [*duplicates, *find_case_problems(case)]
    if problems:
        raise InvalidInput(problems)
    return case


def dump_case(case: Case) -> dict[str, Any]:
    """The case as a JSON-ready dict: documented field names, absent values left out.

    ``parse_case(dump_case(case)) == case`` for every valid case.
    """
    return case.model_dump(mode="json", by_alias=True, exclude_none=True)


def problems_from_validation(error: ValidationError) -> list[Problem]:
    """One :class:`Problem` per pydantic error, in document order, with our rule texts."""
    return [_problem(detail) for detail in error.errors(include_url=False)]


def format_path(location: Sequence[int | str]) -> str:
    """Dotted JSON path with list indices: ``("medications", 1, "route")`` ->
    ``medications[1].route``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _problem(detail: ErrorDetails) -> Problem:
    error_type = detail["type"]
    path = format_path(detail["loc"])
    if error_type == RULE_ERROR_TYPE:
        return Problem(path, detail["msg"], detail["input"])
    if error_type == "missing":
        return Problem(path, REQUIRED_RULE, None)
    rule = _RULES_BY_ERROR_TYPE.get(error_type)
    if rule is None:  # not expected: every field carries a Rule; keep pydantic's text
        rule = detail["msg"][:1].lower() + detail["msg"][1:]
    return Problem(path, rule, detail["input"])


class _JsonObject(dict[str, Any]):
    """A decoded JSON object that remembers keys given more than once."""

    duplicates: list[tuple[str, Any]]


def _object_pairs(pairs: list[tuple[str, Any]]) -> _JsonObject:
    result = _JsonObject()
    result.duplicates = []
    for key, value in pairs:
        if key in result:
            result.duplicates.append((key, value))
        result[key] = value
    return result


def _decode_json(text: str | bytes) -> Any:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            rule = "must be UTF-8 encoded JSON"
            raise InvalidInput([Problem("", rule, f"invalid byte at {error.start}")]) from None
    try:
        return json.loads(text, object_pairs_hook=_object_pairs)
    except json.JSONDecodeError as error:
        lines = error.doc.splitlines() or [""]
        excerpt = lines[min(error.lineno, len(lines)) - 1].strip()
        rule = f"is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise InvalidInput([Problem("", rule, excerpt)]) from None
    except RecursionError:
        raise InvalidInput([Problem("", "is nested too deeply", None)]) from None


def _duplicate_problems(value: Any, path: str) -> Iterator[Problem]:
    if isinstance(value, _JsonObject):
        for key, duplicate in value.duplicates:
            yield Problem(f"{path}.{key}" if path else key, DUPLICATE_RULE, duplicate)
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _duplicate_problems(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _duplicate_problems(child, f"{path}[{index}]")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_plain(child) for child in value]
    return value
