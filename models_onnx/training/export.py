"""EBMs as compact ONNX graphs with exact per-term scores, and bundles written and signed.

Why not ebm2onnx: it emits about eight nodes per term, so a model with 80 features costs
about 0.9 ms per row and 0.3 s to open, three mechanism heads three times that. Every
term of an EBM on continuous features is a lookup "bin of x -> score", so all main effects
of a head become one vectorized lookup and all pairs another (about 75 nodes per head
whatever the number of terms; columns are binned in groups of similar cut counts so the
padding stays small, and each column used by pairs is binned once):

    bin(x)   = 0 if x is NaN else 1 + #(cuts <= x)         (interpret's binning; cuts padded
                                                            with +inf to a common width)
    main     = table[offset[term] + bin(x[feature])]
    pair     = table[offset[term] + bin_a * width_b + bin_b]  (pair-level cuts)
    scores   = concat(main, pair)             -> output "<head>_scores"      (n, terms)
    logit    = intercept + sum(scores)        -> output "<head>_logit"       (n,)
    p        = sigmoid(logit)                 -> output "<head>_probability" (n,)

The graph is checked against interpret's own ``predict_proba`` and ``eval_terms`` on real
rows before a bundle is written (:func:`check_against_ebm`, tolerance 1e-5).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import onnxruntime as ort
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from interpret.glassbox import ExplainableBoostingClassifier
from onnx import TensorProto, helper, numpy_helper

from models_onnx.bundle import MANIFEST, SIGNATURE, manifest_json
from models_onnx.manifest import Head, Manifest, Term
from models_onnx.signing import sign_manifest

OPSET = 17
IR_VERSION = 8  # readable by onnxruntime >= 1.14
INPUT_NAME = "features"


class ExportMismatch(AssertionError):
    """The ONNX graph disagrees with the EBM it was compiled from."""


@dataclass
class _Graph:
    nodes: list[onnx.NodeProto]
    initializers: list[onnx.TensorProto]

    def constant(self, name: str, array: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def node(self, op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attributes))
        return output


def _cuts(model: ExplainableBoostingClassifier, feature: int, level: int) -> np.ndarray:
    levels = model.bins_[feature]
    cuts = levels[level - 1] if level <= len(levels) else levels[-1]
    if not isinstance(cuts, np.ndarray):
        raise ValueError(f"feature {feature} is not continuous; only continuous is compiled")
    return np.asarray(cuts, dtype=np.float64)


#: Columns are binned in groups of similar cut counts, so padding stays small (binary
#: features are not compared against 63 padded cuts of a continuous one).
WIDTH_GROUPS = (1, 3, 15, 63)


def _padded(rows: list[np.ndarray]) -> np.ndarray:
    width = max(1, *(len(r) for r in rows))
    out = np.full((len(rows), width), np.inf, dtype=np.float64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return out


def _int32(values: object) -> np.ndarray:
    return np.asarray(values, dtype=np.int32)


def _bins_of_group(g: _Graph, prefix: str, columns: list[int], cuts: list[np.ndarray]) -> str:
    """interpret's bin index of each listed column, (n, len(columns)), int32."""
    index = g.constant(f"{prefix}_columns", np.array(columns, dtype=np.int64))
    x = g.node("Gather", ["x_double", index], f"{prefix}_x", axis=1)
    axis2 = g.constant(f"{prefix}_axis2", np.array([2], np.int64))
    x3 = g.node("Unsqueeze", [x, axis2], f"{prefix}_x3")
    below = g.node("LessOrEqual", [g.constant(f"{prefix}_cuts", _padded(cuts)), x3],
                   f"{prefix}_le")
    count = g.node("Cast", [below], f"{prefix}_le_int", to=TensorProto.INT32)
    total = g.node("ReduceSum", [count, axis2], f"{prefix}_count", keepdims=0)
    shifted = g.node("Add", [total, g.constant(f"{prefix}_one", _int32(1))], f"{prefix}_bin1")
    missing = g.node("Gather", ["x_nan", index], f"{prefix}_nan", axis=1)
    return g.node("Where", [missing, g.constant(f"{prefix}_zero", _int32(0)), shifted],
                  f"{prefix}_bin")


def _bins(g: _Graph, prefix: str, columns: list[int], cuts: list[np.ndarray]) -> str:
    """Bin indices of the listed columns in the listed order, (n, len(columns)), int32:
    0 when missing, else 1 + the number of cuts <= x."""
    groups: dict[int, list[int]] = {}
    for position, c in enumerate(cuts):
        width = next((w for w in WIDTH_GROUPS if len(c) <= w), len(c))
        groups.setdefault(width, []).append(position)
    parts, order = [], []
    for k, width in enumerate(sorted(groups)):
        members = groups[width]
        parts.append(_bins_of_group(g, f"{prefix}_w{k}", [columns[i] for i in members],
                                    [cuts[i] for i in members]))
        order += members
    if len(parts) == 1:
        return parts[0]
    joined = g.node("Concat", parts, f"{prefix}_grouped", axis=1)
    restore = np.argsort(np.array(order)).astype(np.int64)
    return g.node("Gather", [joined, g.constant(f"{prefix}_restore", restore)], f"{prefix}_bins",
                  axis=1)


def _head_nodes(g: _Graph, h: int, name: str, model: ExplainableBoostingClassifier,
                reference: np.ndarray) -> tuple[list[Term], float]:
    mains = [(t, f[0]) for t, f in enumerate(model.term_features_) if len(f) == 1]
    pairs = [(t, f) for t, f in enumerate(model.term_features_) if len(f) == 2]
    if any(len(f) > 2 for f in model.term_features_):
        raise ValueError("only main effects and pairs are compiled")
    parts: list[str] = []
    terms: list[Term] = []
    if mains:
        cuts = [_cuts(model, f, 1) for _, f in mains]
        tables = [np.asarray(model.term_scores_[t], dtype=np.float64).ravel() for t, _ in mains]
        offsets = _int32(np.cumsum([0] + [len(s) for s in tables[:-1]]))
        bins = _bins(g, f"h{h}_main", [f for _, f in mains], cuts)
        flat = g.node("Add", [bins, g.constant(f"h{h}_main_offsets", offsets)], f"h{h}_main_flat")
        table = g.constant(f"h{h}_main_table", np.concatenate(tables).astype(np.float32))
        parts.append(g.node("Gather", [table, flat], f"h{h}_main_scores", axis=0))
        expected = [float(np.bincount(_bin_numbers(reference[:, f], c), minlength=len(s)) @ s)
                    / len(reference) for (_, f), c, s in zip(mains, cuts, tables, strict=True)]
        terms += [Term(name=model.term_names_[t], columns=(f,), expected=e)
                  for (t, f), e in zip(mains, expected, strict=True)]
    if pairs:
        pair_scores, expected = _pair_scores(g, h, name, model, pairs, reference)
        parts.append(pair_scores)
        terms += [Term(name=model.term_names_[t], columns=tuple(f), expected=e)
                  for (t, f), e in zip(pairs, expected, strict=True)]
    scores = g.node("Concat", parts, f"{name}_scores", axis=1)
    axis1 = g.constant(f"h{h}_axis1", np.array([1], dtype=np.int64))
    summed = g.node("ReduceSum", [scores, axis1], f"h{h}_sum", keepdims=0)
    intercept = float(np.asarray(model.intercept_).ravel()[0])
    bias = g.constant(f"h{h}_intercept", np.array(intercept, dtype=np.float32))
    logit = g.node("Add", [summed, bias], f"{name}_logit")
    g.node("Sigmoid", [logit], f"{name}_probability")
    return terms, intercept


def _bin_numbers(x: np.ndarray, cuts: np.ndarray) -> np.ndarray:
    """interpret's binning in numpy: 0 for NaN, else 1 + the number of cuts <= x."""
    return np.where(np.isnan(x), 0, 1 + np.searchsorted(cuts, x, side="right"))


def _margins(table: np.ndarray, reference: np.ndarray, columns: tuple[int, ...],
             cuts: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, float]:
    """For a pair table f[a, b] and the training rows: E_b f(a, b) per bin of a (b from its
    training marginal), E_a f(a, b) per bin of b, and the mean of f over the training rows
    (the interventional Shapley expectations)."""
    bins_a = _bin_numbers(reference[:, columns[0]], cuts[0])
    bins_b = _bin_numbers(reference[:, columns[1]], cuts[1])
    p_a = np.bincount(bins_a, minlength=table.shape[0]) / len(reference)
    p_b = np.bincount(bins_b, minlength=table.shape[1]) / len(reference)
    return table @ p_b, p_a @ table, float(table[bins_a, bins_b].mean())


def _pair_scores(g: _Graph, h: int, name: str, model: ExplainableBoostingClassifier,
                 pairs: list[tuple[int, tuple[int, ...]]],
                 reference: np.ndarray) -> tuple[str, list[float]]:
    """Scores of all pair terms (n, pairs), each column binned once at pair level, and the
    output ``<name>_pair_margins`` (n, pairs, 2): E over the other feature of the pair's
    score with this case's bin (first for the pair's second feature, then the first);
    returns the scores node and each pair's overall expectation."""
    columns = sorted({c for _, f in pairs for c in f})
    position = {c: i for i, c in enumerate(columns)}
    tables = [np.asarray(model.term_scores_[t], dtype=np.float64) for t, _ in pairs]
    for (_, f), grid in zip(pairs, tables, strict=True):
        expected = (len(_cuts(model, f[0], 2)) + 3, len(_cuts(model, f[1], 2)) + 3)
        if grid.shape != expected:
            raise ValueError(f"unexpected pair table shape for features {f}")
    bins = _bins(g, f"h{h}_pair", columns, [_cuts(model, c, 2) for c in columns])
    side_a = np.array([position[f[0]] for _, f in pairs], dtype=np.int64)
    side_b = np.array([position[f[1]] for _, f in pairs], dtype=np.int64)
    bins_a = g.node("Gather", [bins, g.constant(f"h{h}_pair_a", side_a)], f"h{h}_pair_bins_a",
                    axis=1)
    bins_b = g.node("Gather", [bins, g.constant(f"h{h}_pair_b", side_b)], f"h{h}_pair_bins_b",
                    axis=1)
    widths = _int32([t.shape[1] for t in tables])
    row = g.node("Mul", [bins_a, g.constant(f"h{h}_pair_widths", widths)], f"h{h}_pair_row")
    cell = g.node("Add", [row, bins_b], f"h{h}_pair_cell")
    offsets = _int32(np.cumsum([0] + [t.size for t in tables[:-1]]))
    flat = g.node("Add", [cell, g.constant(f"h{h}_pair_offsets", offsets)], f"h{h}_pair_flat")
    pair_table = g.constant(f"h{h}_pair_table",
                            np.concatenate([t.ravel() for t in tables]).astype(np.float32))
    scores = g.node("Gather", [pair_table, flat], f"h{h}_pair_scores", axis=0)
    margins = [_margins(t, reference, f, (_cuts(model, f[0], 2), _cuts(model, f[1], 2)))
               for (_, f), t in zip(pairs, tables, strict=True)]
    sides = []
    for side, bins_side in ((0, bins_a), (1, bins_b)):
        vectors = [m[0] if side == 0 else m[1] for m in margins]
        offsets = _int32(np.cumsum([0, *(len(v) for v in vectors[:-1])]))
        index = g.node("Add", [bins_side, g.constant(f"h{h}_margin{side}_offsets", offsets)],
                       f"h{h}_margin{side}_flat")
        values = g.constant(f"h{h}_margin{side}_table",
                            np.concatenate(vectors).astype(np.float32))
        looked_up = g.node("Gather", [values, index], f"h{h}_margin{side}", axis=0)
        sides.append(g.node("Unsqueeze", [looked_up, g.constant(
            f"h{h}_margin{side}_axis", np.array([2], np.int64))], f"h{h}_margin{side}_3d"))
    g.node("Concat", sides, f"{name}_pair_margins", axis=2)
    return scores, [m[2] for m in margins]


def compile_heads(heads: Sequence[tuple[str, ExplainableBoostingClassifier]],
                  n_columns: int, graph_name: str,
                  reference: np.ndarray) -> tuple[bytes, list[Head]]:
    """One ONNX model answering each (name, binary EBM) head from one float32 input.

    ``reference`` (the training rows) gives the feature distributions behind the pair
    margins that make the explanations exact interventional Shapley values.
    """
    reference = np.asarray(reference, dtype=np.float64)
    g = _Graph(nodes=[], initializers=[])
    g.node("Cast", [INPUT_NAME], "x_double", to=TensorProto.DOUBLE)
    g.node("IsNaN", ["x_double"], "x_nan")
    described: list[Head] = []
    outputs = []
    for h, (name, model) in enumerate(heads):
        if len(model.classes_) != 2:
            raise ValueError(f"head {name} is not a binary classifier")
        terms, intercept = _head_nodes(g, h, name, model, reference)
        n_pairs = sum(len(t.columns) == 2 for t in terms)
        described.append(Head(
            name=name, intercept=intercept, terms=tuple(terms),
            probability_output=f"{name}_probability", logit_output=f"{name}_logit",
            scores_output=f"{name}_scores",
            pair_margins_output=f"{name}_pair_margins" if n_pairs else None,
        ))
        outputs += [
            helper.make_tensor_value_info(f"{name}_probability", TensorProto.FLOAT, ["n"]),
            helper.make_tensor_value_info(f"{name}_logit", TensorProto.FLOAT, ["n"]),
            helper.make_tensor_value_info(f"{name}_scores", TensorProto.FLOAT,
                                          ["n", len(terms)]),
        ]
        if n_pairs:
            outputs.append(helper.make_tensor_value_info(
                f"{name}_pair_margins", TensorProto.FLOAT, ["n", n_pairs, 2]))
    graph = helper.make_graph(
        g.nodes, graph_name,
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["n", n_columns])],
        outputs, initializer=g.initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="painbridge", producer_version="1")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model.SerializeToString(deterministic=True), described


def run_heads(model_bytes: bytes, x: np.ndarray) -> dict[str, np.ndarray]:
    """All outputs of a compiled model on rows ``x`` (float32)."""
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    names = [o.name for o in session.get_outputs()]
    values = session.run(names, {INPUT_NAME: np.ascontiguousarray(x, dtype=np.float32)})
    return dict(zip(names, values, strict=True))


def check_against_ebm(model_bytes: bytes,
                      heads: Sequence[tuple[str, ExplainableBoostingClassifier]],
                      described: Sequence[Head], x: np.ndarray,
                      tolerance: float = 1e-5) -> float:
    """Largest difference between the graph and interpret on rows ``x``; raises above
    ``tolerance`` for probabilities, term scores, or scores not summing to the logit."""
    out = run_heads(model_bytes, x)
    x64 = x.astype(np.float64)
    worst = 0.0
    for (name, model), head in zip(heads, described, strict=True):
        order = [list(model.term_names_).index(t.name) for t in head.terms]
        expected_terms = model.eval_terms(x64)[:, order]
        checks = {
            "probability": np.abs(out[head.probability_output] - model.predict_proba(x64)[:, 1]),
            "term scores": np.abs(out[head.scores_output] - expected_terms),
            "additivity": np.abs(out[head.scores_output].astype(np.float64).sum(axis=1)
                                 + head.intercept - out[head.logit_output]),
        }
        for what, error in checks.items():
            largest = float(error.max()) if error.size else 0.0
            worst = max(worst, largest)
            if largest > tolerance:
                raise ExportMismatch(f"{name}: {what} differ by {largest:.2e} > {tolerance:g}")
    return worst


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_bundle(out_dir: Path, manifest: Manifest, files: dict[str, bytes],
                 key: Ed25519PrivateKey) -> Path:
    """Write the files, the canonical manifest and its signature into ``out_dir``.

    The bundle is assembled in a sibling temporary directory and moved into place, so a
    failure never leaves a half-written bundle where a loader might find it.
    """
    if set(files) != set(manifest.files):
        raise ValueError("manifest.files must list exactly the files written")
    for name, data in files.items():
        if sha256(data) != manifest.files[name]:
            raise ValueError(f"sha256 of {name} differs from the manifest")
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.with_name(f".{out_dir.name}.staging")
    previous = out_dir.with_name(f".{out_dir.name}.previous")
    for leftover in (staging, previous):
        _remove_tree(leftover)
    staging.mkdir()
    manifest_bytes = manifest_json(manifest)
    for name, data in {**files, MANIFEST: manifest_bytes,
                       SIGNATURE: sign_manifest(manifest_bytes, key)}.items():
        (staging / name).write_bytes(data)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    _remove_tree(previous)
    return out_dir


def _remove_tree(path: Path) -> None:
    if not path.exists():
        return
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            _remove_tree(child)
        else:
            child.unlink()
    path.rmdir()
