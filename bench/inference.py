"""Benchmark: the full model step versus interpret's own predict and shap's KernelExplainer.

    python bench/inference.py            # about 3 minutes on 2 cores
    python bench/inference.py --full     # the shipped configuration for the comparison
                                         # model too (adds about 3 minutes of training)

What is timed (single case, one thread, sessions already open):
- "PainBridge step": ``Predictor.predict(case)`` - feature extraction, 3 mechanism heads,
  15 options in one batched call, exact contributions for all 18 outputs, conformal sets
  and the OOD score - on the committed default bundle and on a bundle trained here.
- "interpret predict": the same case through interpret's EBMs (``predict_proba`` of the 3
  mechanism EBMs and of the response EBM on 15 rows), and with ``eval_terms`` added for
  the contributions.
- "ebm2onnx graphs": the same EBMs converted with ebm2onnx (one graph per EBM), to show
  why bundles use the compact compiled graph.
- "KernelExplainer": shap's model-agnostic explanation of ONE output (neuropathic logit)
  of the same model, evaluated through onnxruntime, background of 100 training cases.

Fidelity is measured against exact interventional Shapley values for the same background,
computed from the model's own term scores (EBMs are additive in main effects and pairs,
so they are exact). Results go to docs/benchmarks.md ("Models / inference").
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from models_onnx.bundle import DEFAULT_BUNDLE_DIR
from models_onnx.features import FEATURE_NAMES, MECHANISMS, extract_features
from models_onnx.inference import Predictor
from models_onnx.signing import development_public_key
from models_onnx.training.build import FULL, BuildConfig, build_bundle
from models_onnx.training.cohort import generate_cohort
from models_onnx.training.train_response import all_options_design
from models_onnx.training.train_subtype import EbmSettings

BENCH = BuildConfig(
    n_reference=8_000, n_shifted=500,
    subtype=EbmSettings(outer_bags=2, interactions=6, n_jobs=2),
    response=EbmSettings(outer_bags=2, interactions=0, n_jobs=2, min_pair_importance=0.01),
    response_pairs=None, label="bench",
)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1e3, p99 * 1e3


def timed(step: Callable[[int], object], repeats: int, warmup: int = 20) -> tuple[float, float]:
    for i in range(warmup):
        step(i)
    samples = []
    for i in range(repeats):
        start = time.perf_counter()
        step(i)
        samples.append(time.perf_counter() - start)
    return percentiles(samples)


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import onnxruntime

    return (f"{os.cpu_count()} cores, {memory:.0f} GiB, {platform.platform()}, Python "
            f"{platform.python_version()}, onnxruntime {onnxruntime.__version__}")


def exact_shapley(session_run: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]],
                  terms: list[tuple[int, ...]], x: np.ndarray,
                  background: np.ndarray) -> np.ndarray:
    """Interventional Shapley values of an additive main+pair model for one case and a
    background, from the model's term scores on hybrid rows (exact for such models)."""
    n_features = len(x)
    phi = np.zeros(n_features)
    _, scores_x = session_run(x[None])
    _, scores_b = session_run(background)
    hybrid: dict[int, np.ndarray] = {}
    for columns in terms:
        if len(columns) == 2:
            for c in columns:
                if c not in hybrid:
                    rows = background.copy()
                    rows[:, c] = x[c]
                    hybrid[c] = session_run(rows)[1]
    for t, columns in enumerate(terms):
        if len(columns) == 1:
            phi[columns[0]] += scores_x[0, t] - scores_b[:, t].mean()
        else:
            i, j = columns
            s_x, s_b = scores_x[0, t], scores_b[:, t]
            s_xi_bj, s_bi_xj = hybrid[i][:, t], hybrid[j][:, t]
            phi[i] += 0.5 * ((s_x - s_bi_xj) + (s_xi_bj - s_b)).mean()
            phi[j] += 0.5 * ((s_x - s_xi_bj) + (s_bi_xj - s_b)).mean()
    return phi


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="train the comparison model "
                        "with the shipped configuration")
    parser.add_argument("--repeats", type=int, default=2000)
    parser.add_argument("--kernel-cases", type=int, default=8)
    args = parser.parse_args()
    print(f"Machine: {machine()}")
    cases = [r["case"] for r in generate_cohort(300, seed=424242).records]
    vectors = [extract_features(c) for c in cases]

    # 1. The committed default bundle.
    start = time.perf_counter()
    shipped = Predictor.open(DEFAULT_BUNDLE_DIR, development_public_key())
    shipped.warm()
    open_ms = (time.perf_counter() - start) * 1e3
    shipped_step = timed(lambda i: shipped.predict(cases[i % len(cases)]), args.repeats)

    # 2. A bundle trained here, with its interpret models, for like-for-like comparisons.
    config = FULL if args.full else BENCH
    with tempfile.TemporaryDirectory() as tmp:
        built = build_bundle(Path(tmp) / "bench", config, cases_path=None, seed=7,
                             signing_key_path=None, version="0.0.0-bench", created=None,
                             progress=None)
        ours = Predictor.open(built.path, development_public_key())
        ours.warm()
    ours_step = timed(lambda i: ours.predict(cases[i % len(cases)]), args.repeats)
    subtype = built.subtype_models
    response = built.response_model

    def interpret_predict(i: int, explain: bool) -> None:
        x = extract_features(cases[i % len(cases)]).astype(np.float64)[None]
        rows = all_options_design(x)
        for model in subtype.values():
            model.predict_proba(x)
            if explain:
                model.eval_terms(x)
        response.predict_proba(rows)
        if explain:
            response.eval_terms(rows)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        interpret_only = timed(lambda i: interpret_predict(i, False), 200, warmup=5)
        interpret_explain = timed(lambda i: interpret_predict(i, True), 200, warmup=5)
    ebm2onnx_open, ebm2onnx_step = ebm2onnx_timings(subtype, response, vectors)

    # 3. KernelExplainer on one output (neuropathic logit) of the same model.
    kernel = kernel_comparison(ours, built.train.features, vectors, args.kernel_cases)

    rows = [
        ("PainBridge step, default bundle", f"{shipped_step[0]:.2f}", f"{shipped_step[1]:.2f}",
         "18 outputs + exact contributions + OOD + conformal"),
        ("PainBridge step, bench bundle", f"{ours_step[0]:.2f}", f"{ours_step[1]:.2f}",
         "same, on the model below"),
        ("interpret predict_proba", f"{interpret_only[0]:.2f}", f"{interpret_only[1]:.2f}",
         "probabilities only"),
        ("interpret predict_proba + eval_terms", f"{interpret_explain[0]:.2f}",
         f"{interpret_explain[1]:.2f}", "probabilities + term scores"),
        ("ebm2onnx graphs (4 sessions)", f"{ebm2onnx_step[0]:.2f}", f"{ebm2onnx_step[1]:.2f}",
         "probabilities + scores, no OOD/conformal"),
        ("shap KernelExplainer nsamples=500", f"{kernel['KernelExplainer 500'][0]:.0f}",
         f"{kernel['KernelExplainer 500'][1]:.0f}", "ONE output only"),
        ("shap KernelExplainer nsamples=auto", f"{kernel['KernelExplainer auto'][0]:.0f}",
         f"{kernel['KernelExplainer auto'][1]:.0f}", "ONE output only"),
    ]
    print()
    print(f"Session opening: default bundle {open_ms:.0f} ms (verify + 2 sessions + probe); "
          f"ebm2onnx graphs {ebm2onnx_open:.0f} ms")
    print(f"Comparison model: {config.label} configuration, "
          f"{sum(len(m.term_names_) for m in subtype.values())} subtype terms, "
          f"{len(response.term_names_)} response terms")
    print()
    print(f"{'single case':40} {'p50 ms':>9} {'p99 ms':>9}  note")
    for name, p50, p99, note in rows:
        print(f"{name:40} {p50:>9} {p99:>9}  {note}")
    print()
    speedup = kernel["KernelExplainer 500"][0] / ours_step[0]
    auto = kernel["KernelExplainer auto"][0] / ours_step[0]
    print(f"Speed-up of the whole step (18 outputs) over ONE KernelExplainer output, p50: "
          f"{speedup:,.0f}x (nsamples=500), {auto:,.0f}x (auto)")
    print()
    print("Fidelity on the neuropathic output against exact interventional Shapley values")
    print(f"{'method | reference distribution':60} {'corr':>7} {'max |err|':>10} "
          f"{'additivity err':>15}")
    for name, value in kernel.items():
        if " | " in name:
            corr, err, additivity = value
            print(f"{name:60} {corr:>7.4f} {err:>10.4f} {additivity:>15.2e}")
    return 0


def ebm2onnx_timings(subtype: dict[str, Any], response: Any,
                     vectors: list[np.ndarray]) -> tuple[float, tuple[float, float]]:
    ebm2onnx = importlib.import_module("ebm2onnx")
    import onnxruntime as ort

    from models_onnx.sessions import session_options

    start = time.perf_counter()
    sessions = []
    for model in [*subtype.values(), response]:
        graph = ebm2onnx.to_onnx(model, ("features", "float"), predict_proba=True, explain=True)
        sessions.append(ort.InferenceSession(graph.SerializeToString(), session_options(),
                                             providers=["CPUExecutionProvider"]))
    opened = (time.perf_counter() - start) * 1e3

    def step(i: int) -> None:
        x = vectors[i % len(vectors)][None]
        for session in sessions[:-1]:
            session.run(None, {"features": x})
        sessions[-1].run(None, {"features": all_options_design(x).astype(np.float32)})

    return opened, timed(step, 500)


def kernel_comparison(predictor: Predictor, train: np.ndarray, vectors: list[np.ndarray],
                      n_cases: int) -> dict[str, tuple[float, ...]]:
    shap = importlib.import_module("shap")  # untyped; training-only dependency
    entry = predictor.subtype
    head = entry.heads[MECHANISMS.index("neuropathic")]
    session = predictor._session(entry)  # the bench measures the very same session
    terms = [t.columns for t in head.terms]

    def run(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Logits and term scores, in chunks (KernelExplainer sends ~200 000 rows)."""
        logits, scores = [], []
        rows = np.asarray(x, dtype=np.float32)
        for start in range(0, len(rows), 4096):
            logit, score = session.run([head.logit_output, head.scores_output],
                                       {entry.input_name: rows[start:start + 4096]})
            logits.append(logit)
            scores.append(score)
        return (np.concatenate(logits).astype(np.float64),
                np.concatenate(scores).astype(np.float64))

    background = train[np.random.default_rng(0).choice(len(train), 100, replace=False)]
    cases = [vectors[i].astype(np.float64) for i in range(n_cases)]
    exact = {
        "100-case background": [exact_shapley(run, terms, x, background) for x in cases],
        "training data": [exact_shapley(run, terms, x, train) for x in cases],
    }
    values: dict[str, list[np.ndarray]] = {"PainBridge contributions": []}
    additivity: dict[str, list[float]] = {"PainBridge contributions": []}
    for x in cases:
        neuropathic = predictor.predict_features(x.astype(np.float32), top=len(FEATURE_NAMES))
        explanation = neuropathic.mechanism("neuropathic").explanation
        contributions = np.zeros(len(FEATURE_NAMES))
        for c in explanation.contributions:
            contributions[FEATURE_NAMES.index(c.feature)] = c.contribution
        values["PainBridge contributions"].append(contributions)
        additivity["PainBridge contributions"].append(
            abs(explanation.base_value + contributions.sum() - explanation.logit))
    # l1_reg=False: the default feature selection zeroes most of 81 features, which would
    # make KernelExplainer look worse than it can be.
    explainer = shap.KernelExplainer(lambda x: run(x)[0], background)
    base = run(background)[0].mean()
    timings: dict[str, tuple[float, ...]] = {}
    for label, nsamples in (("KernelExplainer 500", 500), ("KernelExplainer auto", "auto")):
        values[label], additivity[label], samples = [], [], []
        for x in cases:
            start = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                phi = explainer.shap_values(x[None], nsamples=nsamples, l1_reg=False,
                                            silent=True)
            samples.append(time.perf_counter() - start)
            values[label].append(np.asarray(phi).ravel())
            additivity[label].append(abs(base + values[label][-1].sum() - run(x[None])[0][0]))
        timings[label] = percentiles(samples)
    results: dict[str, tuple[float, ...]] = dict(timings)
    for method, found in values.items():
        for reference, truth in exact.items():
            results[f"{method} | {reference}"] = _fidelity(found, truth, additivity[method])
    return results


def _fidelity(values: list[np.ndarray], exact: list[np.ndarray],
              additivity: list[float]) -> tuple[float, float, float]:
    v, e = np.concatenate(values), np.concatenate(exact)
    return float(np.corrcoef(v, e)[0, 1]), float(np.abs(v - e).max()), float(max(additivity))


if __name__ == "__main__":
    raise SystemExit(main())
