"""ModelOutput: the model-agnostic description of a prediction (frozen, validated, JSON)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from desktop.domain.model_output import Driver, ModelOutput
from tests.unit.report_helpers import example_model_output, ood_result


def test_json_round_trip_and_lookups() -> None:
    output = example_model_output().model_copy(update={"ood": ood_result()})
    assert ModelOutput.model_validate_json(output.model_dump_json()) == output
    assert output.identity == "painbridge-synthetic 1.0.0 (bundle sha256:5e1c0d9a7b3f)"
    assert output.mechanism("neuropathic") is not None and output.mechanism("visceral") is None
    assert output.option("nsaid") is not None and output.option("acupuncture") is None
    assert [o.option for o in output.ranked_options()][:2] == ["strong_opioid", "gabapentinoid"]
    with pytest.raises(ValidationError):
        output.model_version = "2.0.0"


def _dump() -> dict[str, Any]:
    return example_model_output().model_dump(mode="json")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["mechanisms"][0].update(probability=1.2), "less than or equal to 1"),
        (lambda d: d["mechanisms"][0].update(mechanism="visceral"), "nociceptive"),
        (lambda d: d["mechanisms"][0].update(prediction_set=["present", "present"]), "repeat"),
        (lambda d: d["mechanisms"][0].update(coverage=1.0), "less than 1"),
        (lambda d: d["mechanisms"].append(d["mechanisms"][0]), "repeat a mechanism"),
        (lambda d: d["options"].append(d["options"][0]), "repeat an option"),
        (lambda d: d.update(model_version=""), "at least 1 character"),
        (lambda d: d.update(unexpected=True), "Extra inputs"),
    ],
)
def test_invalid_outputs_are_refused(change: Any, message: str) -> None:
    document = _dump()
    change(document)
    with pytest.raises(ValidationError, match=message):
        ModelOutput.model_validate(document)


def test_driver_direction_matches_the_sign() -> None:
    with pytest.raises(ValidationError, match="direction"):
        Driver(feature="x", label="X", value=1.0, contribution=0.5, direction="lowers")
    assert Driver(feature="x", label="X", value=None, contribution=0.0, direction="lowers")
