"""``painbridge models train | evaluate | verify | card``."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import UserFacingError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def add(commands: Any, common: argparse.ArgumentParser) -> None:
    models = commands.add_parser("models", parents=[common], help="train and inspect model bundles")
    sub = models.add_subparsers(title="models commands", metavar="COMMAND", required=True)

    train = sub.add_parser(
        "train",
        parents=[common],
        help="train, evaluate, export and sign a model bundle (needs the `train` extra)",
        description=(
            "Build a signed model bundle into --out. Without --cases it trains on the "
            "synthetic cohort (reproducible from --seed); with --cases it trains on a JSONL "
            "file of labelled cases (docs/models.md). Signed with the DEVELOPMENT key unless "
            "--signing-key is given."
        ),
    )
    train.add_argument("--out", type=Path, required=True, help="directory for the new bundle")
    train.add_argument("--cases", type=Path, help="training records (JSONL) instead of synthetic")
    train.add_argument("--seed", type=int, help="random seed (default: the shipped bundle's)")
    train.add_argument("--quick", action="store_true", help="small, fast model (smoke tests)")
    train.add_argument("--signing-key", type=Path, help="Ed25519 private key (PEM)")
    train.set_defaults(handler=run_train)

    for name, handler, text in (
        ("evaluate", run_evaluate, "print the bundle's evaluation metrics table"),
        ("verify", run_verify, "verify signature, hashes and schema (exit 0 only when all hold)"),
        ("card", run_card, "print the model card"),
    ):
        command = sub.add_parser(name, parents=[common], help=text)
        command.add_argument("bundle", metavar="BUNDLE", type=Path, help="bundle directory")
        command.add_argument(
            "--trusted-key",
            type=Path,
            help="Ed25519 public key (PEM) to verify with (default: the development key)",
        )
        command.set_defaults(handler=handler)


def _trusted(args: argparse.Namespace) -> Ed25519PublicKey:
    from models_onnx.signing import development_public_key, load_public_key_file

    path: Path | None = args.trusted_key
    return development_public_key() if path is None else load_public_key_file(path)


def run_train(args: argparse.Namespace) -> int:
    try:
        build = importlib.import_module("models_onnx.training.build")
    except ImportError as error:
        raise UserFacingError(
            f"training needs the `train` extra ({error.name} is missing): "
            "pip install 'painbridge[train]'"
        ) from None
    options: dict[str, Any] = {
        "cases_path": args.cases,
        "quick": args.quick,
        "signing_key_path": args.signing_key,
        "progress": print,
    }
    if args.seed is not None:
        options["seed"] = args.seed
    path = build.train(args.out, **options)
    print(f"bundle written to {path}")
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from models_onnx.card import evaluate

    print(evaluate(args.bundle, trusted_key=_trusted(args)))
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from models_onnx.inference import Predictor
    from models_onnx.signing import key_id

    key = _trusted(args)
    predictor = Predictor.open(args.bundle, key)
    predictor.warm()
    print(f"bundle verified: {predictor.name} {predictor.version}, signed by key {key_id(key)}")
    return 0


def run_card(args: argparse.Namespace) -> int:
    from models_onnx.card import render_card

    print(render_card(args.bundle, trusted_key=_trusted(args)))
    return 0
