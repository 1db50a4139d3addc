"""The synthetic cohort generator (models_onnx/training/cohort.py) and training records."""

from __future__ import annotations

import json

import numpy as np
import pytest

from desktop.domain.errors import InvalidInput
from models_onnx.features import (
    FEATURE_INDEX,
    FEATURE_SCHEMA,
    MECHANISMS,
    TREATMENT_OPTIONS,
    extract_feature_matrix,
)
from models_onnx.training.cohort import generate_cohort, write_records
from models_onnx.training.records import read_records, to_training_data

N = 1500


@pytest.fixture(scope="module")
def cohort():
    return generate_cohort(N, seed=11)


@pytest.fixture(scope="module")
def features(cohort):
    return extract_feature_matrix([r["case"] for r in cohort.records])


def test_same_seed_same_cohort_other_seed_other_cohort():
    first, again = generate_cohort(200, seed=3), generate_cohort(200, seed=3)
    assert json.dumps(first.records) == json.dumps(again.records)
    assert np.array_equal(first.potential_outcomes, again.potential_outcomes)
    assert json.dumps(generate_cohort(200, seed=4).records) != json.dumps(first.records)


def test_records_have_the_training_record_shape(cohort):
    for record in cohort.records[:200]:
        assert set(record) == {"case", "labels", "treatment", "responded"}
        assert record["case"]["schema"] == "painbridge.case/1"
        assert set(record["labels"]) == set(MECHANISMS)
        assert record["treatment"] in TREATMENT_OPTIONS
        assert record["responded"] in (0, 1)


def test_every_value_is_inside_the_feature_schema(features):
    for column, spec in enumerate(FEATURE_SCHEMA):
        values = features[:, column]
        values = values[~np.isnan(values)]
        assert ((values >= spec.minimum) & (values <= spec.maximum)).all(), spec.name


def test_everyone_has_a_mechanism_and_mixed_pain_occurs(cohort):
    assert (cohort.mechanisms.sum(axis=1) >= 1).all()
    assert 0.1 < (cohort.mechanisms.sum(axis=1) > 1).mean() < 0.4
    prevalence = cohort.mechanisms.mean(axis=0)
    assert 0.55 < prevalence[0] < 0.8  # nociceptive
    assert 0.25 < prevalence[1] < 0.5  # neuropathic (about 40 % in cancer pain, section 8)
    assert 0.05 < prevalence[2] < 0.25  # nociplastic


def test_observed_outcome_is_the_potential_outcome_of_the_treatment(cohort):
    observed = np.array([r["responded"] for r in cohort.records])
    rows = np.arange(N)
    assert np.array_equal(observed, cohort.potential_outcomes[rows, cohort.treatment])
    assert cohort.potential_outcomes.shape == (N, len(TREATMENT_OPTIONS))
    assert set(np.unique(cohort.treatment)) == set(range(len(TREATMENT_OPTIONS)))


def test_follow_up_agrees_with_the_responder_label(cohort):
    for record in cohort.records[:300]:
        baseline = record["case"]["assessment"]["nrs"].get("average")
        follow_up = record["case"]["follow_ups"][0]
        assert follow_up["treatment_started"] == record["treatment"]
        if baseline is None:
            continue
        reduction = (baseline - follow_up["nrs"]["average"]) / baseline
        assert (reduction >= 0.3) == bool(record["responded"])


def test_missingness_rates_look_like_a_clinic(features):
    def missing(name):
        return float(np.isnan(features[:, FEATURE_INDEX[name]]).mean())

    assert 0.8 < missing("cyp2d6_phenotype") < 0.95  # genotype mostly absent
    assert 0.2 < missing("dn4_brushing") < 0.35  # bedside exam often not recorded
    assert 0.25 < missing("note_burning") < 0.4
    assert missing("nrs_worst") < 0.05


def test_mechanisms_drive_the_screening_items(cohort, features):
    neuropathic = cohort.mechanisms[:, 1] == 1
    dn4 = features[:, FEATURE_INDEX["dn4_total"]]
    complete = ~np.isnan(dn4)
    sensitivity = (dn4[complete & neuropathic] >= 4).mean()
    specificity = (dn4[complete & ~neuropathic] < 4).mean()
    assert 0.7 < sensitivity < 0.95 and 0.75 < specificity < 0.95  # about DN4's published


def test_genotype_changes_weak_opioid_response():
    big = generate_cohort(4000, seed=5)
    weak = big.response_probability[:, TREATMENT_OPTIONS.index("weak_opioid")]
    poor = big.latent["cyp2d6_true"] == 0
    normal = big.latent["cyp2d6_true"] == 2
    assert weak[poor].mean() < weak[normal].mean() - 0.1


def test_shifted_site_differs():
    reference = generate_cohort(800, seed=1)
    shifted = generate_cohort(800, seed=1, site="shifted")
    assert shifted.latent["age"].mean() < reference.latent["age"].mean() - 6
    pgx = [sum("pharmacogenomics" in r["case"] for r in c.records) for c in (reference, shifted)]
    assert pgx[1] > 2 * pgx[0]


def test_records_round_trip_through_jsonl(tmp_path, cohort):
    path = tmp_path / "records.jsonl"
    write_records(cohort.records[:50], path)
    data = read_records(path)
    assert len(data) == 50
    assert data.labels.shape == (50, 3)
    assert list(data.treatment) == [
        TREATMENT_OPTIONS.index(r["treatment"]) for r in cohort.records[:50]
    ]


def test_unknown_labels_and_outcomes_are_allowed():
    data = to_training_data(
        [
            {
                "case": {"assessment": {"date": "2026-01-01"}},
                "labels": {"neuropathic": 1},
                "treatment": None,
            }
        ]
    )
    assert np.isnan(data.labels[0, 0]) and data.labels[0, 1] == 1
    assert data.treatment[0] == -1 and np.isnan(data.responded[0])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            '{"case": {}, "labels": {"neuropathic": 2}}',
            "records.jsonl:2.labels.neuropathic: must be 0, 1 or null",
        ),
        ('{"case": {}, "treatment": "surgery"}', "records.jsonl:2.treatment: must be an option"),
        (
            '{"case": {"assessment": {"nrs": {"worst": 12}}}}',
            "records.jsonl:2.case.assessment.nrs.worst: must be an integer 0-10",
        ),
        ('{"case": {}, "extra": 1}', "records.jsonl:2.extra: is not a field"),
        ("{not json", "records.jsonl:2: must be valid JSON"),
    ],
)
def test_bad_records_name_the_line_and_field(tmp_path, line, message):
    path = tmp_path / "records.jsonl"
    path.write_text('{"case": {}}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as raised:
        read_records(path)
    assert message in str(raised.value)
