"""An alert: one guideline rule (or model check) that fired for this case, and why.

Severity, from least to most serious:

* ``info`` - worth knowing (a dose band, a missing value that would sharpen the answer);
* ``caution`` - act with care (monitor, adjust the dose, give a co-medication);
* ``warning`` - usually avoid or review now; a guideline conflict;
* ``contraindication`` - the guideline says do not use.

Every alert names the treatment options it affects and what the ranking does with them:
``exclude`` (only for contraindications: listed under "not recommended", with the reason),
``demote`` (moved below the options without such alerts, with the reason) or ``annotate``
(stays in place; the caution is shown on it). Nothing is ever dropped silently.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from pydantic import Field, field_validator, model_validator

from desktop.domain.results import ResultModel
from desktop.domain.texts import Text, TextArg

Severity = Literal["info", "caution", "warning", "contraindication"]
SEVERITIES: tuple[Severity, ...] = ("info", "caution", "warning", "contraindication")
AlertKind = Literal["guideline", "undertreatment", "model", "missing_data"]
OptionAction = Literal["exclude", "demote", "annotate"]
InputValue = str | int | float | bool | None


def severity_rank(severity: Severity) -> int:
    """0 for info .. 3 for contraindication."""
    return SEVERITIES.index(severity)


class AlertInput(ResultModel):
    """One value that made the rule fire: where it is in the case (or model) and what it was."""

    path: str
    value: InputValue


class Alert(ResultModel):
    """One rule that fired, with its message for a clinician, rule text and source.

    ``message`` and ``rule`` are the English sentences; ``message_template``/``message_args``
    and ``rule_template``/``rule_args`` say how they were made (desktop/domain/texts.py), so
    the GUI can show them translated. Reports stored before templates existed have none.
    """

    code: str
    severity: Severity
    kind: AlertKind
    message: str
    rule: str
    source: str
    inputs: tuple[AlertInput, ...] = ()
    affects: tuple[str, ...] = ()
    action: OptionAction = "annotate"
    message_template: str | None = None
    message_args: dict[str, TextArg] = Field(default_factory=dict)
    rule_template: str | None = None
    rule_args: dict[str, TextArg] = Field(default_factory=dict)

    @field_validator("message")
    @classmethod
    def _sentence_case(cls, message: str) -> str:
        """Messages often start with a drug name as written: show them as sentences."""
        return message[:1].upper() + message[1:]

    @model_validator(mode="after")
    def _exclude_only_when_contraindicated(self) -> Alert:
        if self.action == "exclude" and self.severity != "contraindication":
            raise ValueError("only a contraindication may exclude an option")
        return self

    @property
    def rank(self) -> int:
        """Severity rank, 0 (info) .. 3 (contraindication)."""
        return severity_rank(self.severity)


class AlertWords(TypedDict):
    """An alert's English message and rule with their templates (``Alert(**worded(...))``)."""

    message: str
    message_template: str
    message_args: dict[str, TextArg]
    rule: str
    rule_template: str
    rule_args: dict[str, TextArg]


def worded(message: Text, rule: Text) -> AlertWords:
    """The message and rule fields of an alert from their texts."""
    return AlertWords(
        message=message.english,
        message_template=message.template,
        message_args=message.args,
        rule=rule.english,
        rule_template=rule.template,
        rule_args=rule.args,
    )


def make_inputs(*pairs: tuple[str, InputValue]) -> tuple[AlertInput, ...]:
    """``make_inputs(("comorbidities.egfr", 25))`` -> the alert's ``inputs``."""
    return tuple(AlertInput(path=path, value=value) for path, value in pairs)


def sort_alerts(alerts: list[Alert]) -> tuple[Alert, ...]:
    """Most serious first; then by code and message, so the order is always the same."""
    return tuple(sorted(alerts, key=lambda a: (-a.rank, a.code, a.message)))
