"""Plain-text model card and metrics table of a bundle (``painbridge models card|evaluate``).

Both read the manifest. Given a trusted key they verify the whole bundle first; without
one they say plainly that the signature was not checked.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from models_onnx.bundle import load_bundle, read_manifest_unverified
from models_onnx.manifest import Manifest, Metrics

NOT_FOR_CLINICAL_USE = (
    "NOT FOR CLINICAL USE: trained on a synthetic cohort generated from published clinical "
    "knowledge; not clinically validated."
)


def _manifest(bundle_dir: Path | str, trusted_key: Ed25519PublicKey | None) -> tuple[Manifest, str]:
    if trusted_key is None:
        return read_manifest_unverified(bundle_dir), (
            "Signature: NOT CHECKED (run `painbridge models verify` before trusting this)")
    bundle = load_bundle(bundle_dir, trusted_key)
    return bundle.manifest, f"Signature: verified with trusted key {bundle.signer}"


def _number(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(r) for r in [header, ["-" * w for w in widths], *rows]]


def metrics_table(metrics: Metrics) -> str:
    """The metrics of a bundle as aligned text tables."""
    out = [f"Evaluated on {metrics.evaluated_on}.", "", "Goals"]
    out += _table(["goal", "target", "measured", "met", "note"], [
        [g.name, g.goal, _number(g.value), {True: "yes", False: "NO", None: "-"}[g.met], g.note]
        for g in metrics.goals])
    out += ["", "Subtype (per mechanism)"]
    out += _table(["mechanism", "AUROC", "calib. error", "Brier", "prevalence", "n"], [
        [m.mechanism, _number(m.auroc), _number(m.calibration_error), _number(m.brier),
         _number(m.prevalence, 2), str(m.n)] for m in metrics.subtype])
    out += ["", "Neuropathic baselines (AUROC): " + ", ".join(
        f"{k} {_number(v)}" for k, v in metrics.neuropathic_baselines.items())]
    out += ["", "Conformal answer sets"]
    out += _table(["mechanism", "nominal", "coverage", "vs truth", "one answer", "both",
                   "none"], [
        [c.mechanism, _number(c.nominal, 2), _number(c.coverage), _number(c.coverage_true_labels),
         _number(c.singleton_share, 2), _number(c.both_share, 2), _number(c.empty_share, 2)]
        for c in metrics.conformal])
    out += ["", "Response (per option)"]
    out += _table(["option", "AUROC potential outcomes", "noise ceiling", "AUROC observed",
                   "n observed"], [
        [r.option, _number(r.auroc_potential_outcomes), _number(r.auroc_oracle),
         _number(r.auroc_observed), str(r.n_observed)] for r in metrics.response])
    if metrics.policy is not None:
        p = metrics.policy
        out += ["", f"Policy value (response rate, {p.n} cases): model top allowed option "
                    f"{p.model:.3f}; WHO ladder {p.who_ladder:.3f}; clinicians' choices "
                    f"{p.clinicians:.3f}; oracle {p.oracle:.3f}"]
    out += ["", "Fairness (AUROC by group)"]
    out += _table(["model", "grouping", "groups (n)", "gap"], [
        [f.model, f.grouping, ", ".join(f"{g} {_number(a)} ({f.counts[g]})"
                                        for g, a in f.aurocs.items()), _number(f.gap)]
        for f in metrics.fairness])
    if metrics.shift is not None:
        s = metrics.shift
        out += ["", f"Shift: {s.shifted_flag_rate:.1%} of shifted-site cases flagged OOD at an "
                    f"in-distribution false-alarm rate of {s.false_alarm_rate:.1%}; batches of "
                    f"{s.batch_size} cases: {s.shifted_batch_flag_rate:.1%} flagged at a batch "
                    f"false-alarm rate of {s.batch_false_alarm_rate:.1%}; subtype "
                    "AUROC at the shifted site: " + ", ".join(
                        f"{k} {_number(v)}" for k, v in s.shifted_subtype_auroc.items())]
    return "\n".join(out) + "\n"


def evaluate(bundle_dir: Path | str, *, trusted_key: Ed25519PublicKey | None = None) -> str:
    """The metrics table stored (and signed) in the bundle's manifest."""
    manifest, signature = _manifest(bundle_dir, trusted_key)
    head = f"{manifest.name} {manifest.version} - metrics\n{NOT_FOR_CLINICAL_USE}\n{signature}\n\n"
    return head + metrics_table(manifest.metrics)


def render_card(bundle_dir: Path | str, *, trusted_key: Ed25519PublicKey | None = None) -> str:
    """The model card: identity, intended use, limitations, data, models, confidence, metrics."""
    m, signature = _manifest(bundle_dir, trusted_key)
    data = m.training_data
    lines = [
        f"MODEL CARD - {m.name} {m.version}",
        NOT_FOR_CLINICAL_USE,
        signature,
        f"Created: {m.created}    Format: {m.format}    Features: {m.feature_schema_version} "
        f"({len(m.feature_schema)})",
        "",
        m.description,
        "",
        "Intended use",
        m.intended_use,
        "",
        "Limitations",
        *(f"- {text}" for text in m.limitations),
        "",
        "Training data",
        f"{data.description}",
        f"Source: {data.source}; seed {data.seed}; {data.n_train} training, "
        f"{data.n_calibration} calibration, {data.n_test} test cases"
        + (f"; {data.n_shifted_site} shifted-site cases" if data.n_shifted_site else "") + ".",
        "",
        "Models",
        *(f"- {e.file} ({e.role}): " + ", ".join(
            f"{h.name} [{sum(len(t.columns) == 1 for t in h.terms)} main effects, "
            f"{sum(len(t.columns) == 2 for t in h.terms)} pairs]" for h in e.heads)
          for e in m.models),
        "",
        "Confidence",
        f"Conformal: {m.conformal.method}; coverage {m.conformal.coverage:.0%}, "
        f"{m.conformal.n_calibration} calibration cases; thresholds "
        + ", ".join(f"{k} {v:.3f}" for k, v in m.conformal.thresholds.items()) + ".",
        f"Out of distribution: Mahalanobis distance above {m.ood.threshold:.2f} "
        f"({m.ood.percentile:g}th percentile of in-distribution calibration cases); clinic "
        f"alarm when the mean of the last {m.ood.batch_size} cases exceeds "
        f"{m.ood.batch_threshold:.2f}.",
        "",
        "Metrics",
        metrics_table(m.metrics),
    ]
    return "\n".join(lines)
