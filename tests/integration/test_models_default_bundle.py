"""The committed default bundle: it verifies with the development key, predicts on the
example case, says honestly what it is, and the shipped runtime needs no training stack."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models_onnx.bundle import DEFAULT_BUNDLE_DIR, load_bundle
from models_onnx.card import evaluate, render_card
from models_onnx.features import FEATURE_NAMES, MECHANISMS, TREATMENT_OPTIONS
from models_onnx.inference import Predictor, verify
from models_onnx.signing import development_public_key
from tests.unit.test_models_features import example

DEV_KEY = development_public_key()


@pytest.fixture(scope="module")
def predictor():
    opened = Predictor.open(DEFAULT_BUNDLE_DIR, DEV_KEY)
    opened.warm()
    return opened


def test_default_bundle_verifies():
    verify(DEFAULT_BUNDLE_DIR, DEV_KEY)
    assert sorted(p.name for p in DEFAULT_BUNDLE_DIR.iterdir()) == [
        "manifest.json", "manifest.sig", "response.onnx", "subtype.onnx"]


def test_default_bundle_predicts_the_example_case(predictor):
    prediction = predictor.predict(example())
    assert [m.mechanism for m in prediction.mechanisms] == list(MECHANISMS)
    assert [o.option for o in prediction.options] == list(TREATMENT_OPTIONS)
    neuropathic = prediction.mechanism("neuropathic")
    assert neuropathic.probability > 0.5  # burning, shocks, DN4 5/10, LANSS 13, PNI, chemo
    assert neuropathic.explanation.additivity_error < 1e-5
    assert prediction.model_version == predictor.version


def test_manifest_is_honest_about_what_the_bundle_is():
    manifest = load_bundle(DEFAULT_BUNDLE_DIR, DEV_KEY).manifest
    assert manifest.training_data.source == "synthetic"
    assert "SYNTHETIC" in manifest.training_data.description
    assert "not clinically validated" in manifest.intended_use
    assert "not clinically validated" in manifest.limitations[0]
    assert [s.name for s in manifest.feature_schema] == list(FEATURE_NAMES)
    assert manifest.conformal.coverage == 0.9
    met = {g.name: g.met for g in manifest.metrics.goals}
    assert met["neuropathic AUROC gain over DN4 >= 4"] is True


def test_card_and_metrics_render():
    card = render_card(DEFAULT_BUNDLE_DIR, trusted_key=DEV_KEY)
    assert "NOT FOR CLINICAL USE" in card and "not clinically validated" in card
    assert "Signature: verified" in card
    assert "Policy value" in evaluate(DEFAULT_BUNDLE_DIR, trusted_key=DEV_KEY)


def test_shipped_runtime_imports_no_training_library():
    script = (
        "import json, sys\n"
        "from models_onnx.bundle import DEFAULT_BUNDLE_DIR\n"
        "from models_onnx.inference import Predictor\n"
        "from models_onnx.card import render_card\n"
        "from models_onnx.signing import development_public_key\n"
        "p = Predictor.open(DEFAULT_BUNDLE_DIR, development_public_key())\n"
        f"p.predict(json.loads({json.dumps(json.dumps(example()))}))\n"
        "render_card(DEFAULT_BUNDLE_DIR)\n"
        "banned = {'sklearn', 'interpret', 'ebm2onnx', 'skl2onnx', 'shap', 'onnx', 'PySide6',\n"
        "          'sqlite3', 'httpx', 'models_onnx.training'}\n"
        "print(sorted(banned & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, timeout=120)
    assert result.stdout.strip() == "[]"
