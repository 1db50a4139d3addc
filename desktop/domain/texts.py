"""Clinical sentences as templates: English for the core, (template, arguments) for the GUI.

The core writes every sentence a clinician reads (alert messages and rules, referral
reasons, sync steps) in English, and also keeps *how* it was made: a registered template
with named placeholders (Python format syntax, ``"{drugs} with eGFR {egfr:g}"``) and its
arguments. The GUI translates the template (Qt context ``ClinicalText``) and fills in the
same arguments, so a sentence reads in the user's language with the case's numbers in it.

Arguments are numbers (formatted by the placeholder's spec), words as written (a drug name
from the case), :class:`Term` (a vocabulary code the GUI shows translated: an option, a
mechanism, a phenotype), :class:`Phrase` (a fixed phrase from a table, itself catalogued),
:class:`Listed` (several arguments joined), a nested :class:`Text` or :class:`Worded` (a
sentence stored in English with its template, such as an alert message quoted in another line).

Every template and phrase is registered when its module is imported (module-level
constants), so the full catalogue can be listed without running a rule:
``scripts/update-clinical-texts.py`` writes it for Qt's lupdate.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Union

from pydantic import Field

from desktop.domain.results import ResultModel

_REGISTRY: dict[str, None] = {}  # every template and phrase, in registration order
_FORMATTER = string.Formatter()


class Term(ResultModel):
    """A vocabulary code (``strong_opioid``, ``neuropathic``, ``poor``): the GUI shows its
    label; ``english`` is how the English sentence writes it (default: ``_`` as spaces)."""

    term: str
    english: str | None = None


class Phrase(ResultModel):
    """A fixed phrase from a table (a CPIC recommendation, a dose regimen): catalogued."""

    phrase: str


class Listed(ResultModel):
    """Several arguments shown one after another, joined by ``separator``."""

    items: tuple[TextArg, ...]
    separator: str = ", "


class Worded(ResultModel):
    """A sentence kept as stored (``english``) with how it was made (``template``/``args``,
    None for an old report): English writes it as stored; the GUI shows it translated.
    ``sentence`` capitalizes a leading drug name, as the core does for alert messages."""

    english: str
    template: str | None = None
    args: dict[str, TextArg] = Field(default_factory=dict)
    sentence: bool = False


class Text(ResultModel):
    """One sentence: its registered template and the arguments of its placeholders."""

    template: str
    args: dict[str, TextArg] = Field(default_factory=dict)

    @property
    def english(self) -> str:
        return render_text(self, ENGLISH)


TextArg = Union[int, float, str, Term, Phrase, Listed, Text, Worded]  # noqa: UP007 (recursive)
Listed.model_rebuild()
Worded.model_rebuild()
Text.model_rebuild()


@dataclass(frozen=True)
class Wording:
    """How a renderer words the parts: the template, a term, a phrase, a separator, a
    stored sentence (by default as stored)."""

    template: Callable[[str], str]
    term: Callable[[Term], str]
    phrase: Callable[[str], str]
    separator: Callable[[str], str]
    worded: Callable[[Worded], str] = lambda worded: worded.english


def _english_term(term: Term) -> str:
    return term.english if term.english is not None else term.term.replace("_", " ")


def _same(text: str) -> str:
    return text


ENGLISH = Wording(template=_same, term=_english_term, phrase=_same, separator=_same)


def render_text(text: Text, wording: Wording) -> str:
    """The sentence in ``wording``'s language (``ENGLISH``: exactly what the core stores)."""
    return render_template(wording.template(text.template), text.args, wording)


def render_template(template: str, args: dict[str, TextArg], wording: Wording) -> str:
    """Fill ``template``'s placeholders with ``args`` (each worded by ``wording``)."""
    parts = []
    for literal, name, spec, _conversion in _FORMATTER.parse(template):
        parts.append(literal)
        if name is not None:
            parts.append(render_arg(args[name], spec or "", wording))
    return "".join(parts)


def render_arg(value: TextArg, spec: str, wording: Wording) -> str:
    """One argument: a number with its format spec, or the worded term/phrase/text."""
    if isinstance(value, Term):
        return wording.term(value)
    if isinstance(value, Phrase):
        return wording.phrase(value.phrase)
    if isinstance(value, Listed):
        separator = wording.separator(value.separator)
        return separator.join(render_arg(item, "", wording) for item in value.items)
    if isinstance(value, Text):
        return render_text(value, wording)
    if isinstance(value, Worded):
        return wording.worded(value)
    return format(value, spec)


def placeholders(template: str) -> tuple[tuple[str, str], ...]:
    """(name, format spec) of each placeholder, sorted: a translation must keep them all."""
    found = {
        (name, spec or "") for _, name, spec, _ in _FORMATTER.parse(template) if name is not None
    }
    return tuple(sorted(found))


@dataclass(frozen=True)
class Template:
    """A registered sentence with placeholders; :meth:`fill` makes a :class:`Text`."""

    text: str

    def fill(self, **args: TextArg) -> Text:
        expected = {name for name, _ in placeholders(self.text)}
        if set(args) != expected:
            raise ValueError(f"template {self.text!r} takes {sorted(expected)}, got {sorted(args)}")
        return Text(template=self.text, args=args)

    @property
    def english(self) -> str:
        """The sentence of a template without placeholders."""
        return self.fill().english


def template(text: str) -> Template:
    """Register ``text`` (placeholders in Python format syntax) and return it."""
    placeholders(text)  # raises ValueError on a malformed template
    _REGISTRY.setdefault(text, None)
    return Template(text)


def phrase(text: str) -> Phrase:
    """Register a fixed phrase (no placeholders) and return it as an argument."""
    if placeholders(text):
        raise ValueError(f"a phrase has no placeholders: {text!r}")
    _REGISTRY.setdefault(text, None)
    return Phrase(phrase=text)


def register_phrases(texts: Iterable[str | None]) -> None:
    """Register every phrase of a table (None entries skipped)."""
    for text in texts:
        if text:
            phrase(text)


def registered_texts() -> tuple[str, ...]:
    """Every template and phrase registered by the modules imported so far."""
    return tuple(_REGISTRY)


def is_registered(text: str) -> bool:
    return text in _REGISTRY


def as_phrase(text: str) -> TextArg:
    """A phrase when ``text`` is catalogued, else the words as they are."""
    return Phrase(phrase=text) if text in _REGISTRY else text


def match_text(english: str, templates: Iterable[Template]) -> Text | None:
    """The :class:`Text` of an English sentence made from one of ``templates`` (None when
    none matches); for texts that travel as plain strings (progress messages). A ``{n:d}``
    placeholder matches digits only and comes back as an int; any other, as the words."""
    for candidate in templates:
        parsed = list(_FORMATTER.parse(candidate.text))
        pattern = "".join(
            re.escape(literal)
            + ("" if name is None else f"(?P<{name}>\\d+)" if spec == "d" else f"(?P<{name}>.+?)")
            for literal, name, spec, _ in parsed
        )
        found = re.fullmatch(pattern, english)
        if found is not None:
            integers = {name for _, name, spec, _ in parsed if spec == "d"}
            args: dict[str, TextArg] = {
                name: int(value) if name in integers else value
                for name, value in found.groupdict().items()
            }
            return Text(template=candidate.text, args=args)
    return None
