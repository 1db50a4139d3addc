"""The trusted model-signing key of the machine configuration (``model_trusted_key``): a
bundle signed with a production key is refused by a clinic that trusts only the
development key, and accepted once the machine configuration names the public key; then
development-signed downloads are refused while the shipped default bundle stays in use
(docs/models.md, "Signing keys"; D14). Real bundles, a real hub, real stores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.app import initialise_clinic, machine_model_trust
from desktop.services.machine_config import load_machine_config
from desktop.services.model_trust import DEFAULT_BUNDLE, ModelTrust
from desktop.services.model_updates import ModelUpdateService
from desktop.services.models import ModelService
from models_onnx.bundle import DEFAULT_BUNDLE_DIR
from models_onnx.errors import BundleError
from models_onnx.signing import development_public_key, key_id, sign_manifest
from sync.hub.publishing import publish_model
from sync.hub.server import EmbeddedHub
from tests.sync.bundles import bundle_version
from tests.sync.support import enroll, open_clinic
from tests.unit.test_store_support import Template


class ProductionKey:
    """A hub's own signing key pair (freshly generated) and its public PEM file."""

    def __init__(self, directory: Path) -> None:
        self.private = Ed25519PrivateKey.generate()
        self.public: Ed25519PublicKey = self.private.public_key()
        self.pem = directory / "model-signing-public.pem"
        self.pem.write_bytes(
            self.public.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        )

    def sign_bundle(self, directory: Path, version: str) -> Path:
        """A copy of the shipped bundle, as ``version``, signed with this key."""
        target = directory / f"production-{version}"
        shutil.copytree(DEFAULT_BUNDLE_DIR, target)
        manifest = json.loads((target / "manifest.json").read_bytes())
        manifest["version"] = version
        data = (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
        (target / "manifest.json").write_bytes(data)
        (target / "manifest.sig").write_bytes(sign_manifest(data, self.private))
        return target


@pytest.fixture
def production(tmp_path: Path) -> ProductionKey:
    return ProductionKey(tmp_path)


@pytest.fixture
def configured(
    tmp_path: Path, production: ProductionKey, monkeypatch: pytest.MonkeyPatch
) -> ModelTrust:
    """The trust of a computer whose machine configuration names the production key."""
    config = tmp_path / "painbridge.conf"
    config.write_text(f"[keys]\nmodel_trusted_key = {production.pem}\n", encoding="utf-8")
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(config))
    return ModelTrust.configured(load_machine_config().model_trusted_key)


def test_a_production_signed_bundle_is_refused_by_default_and_trusted_when_configured(
    tmp_path: Path, production: ProductionKey, configured: ModelTrust
) -> None:
    bundle = production.sign_bundle(tmp_path, "0.5.0")
    default = ModelService(default_bundle=None, trust=ModelTrust.configured())
    with pytest.raises(BundleError, match="its signature does not verify with the trusted key"):
        default.load(bundle)
    assert not default.loaded

    models = ModelService(default_bundle=None, trust=configured)
    models.load(bundle)
    assert models.status().active_version.endswith("0.5.0")  # type: ignore[union-attr]

    development_signed = bundle_version(tmp_path, "0.6.0")  # its private key is public
    with pytest.raises(BundleError, match=key_id(production.public)):
        models.load(development_signed)
    assert models.status().active_version.endswith("0.5.0")  # type: ignore[union-attr]

    models.load(DEFAULT_BUNDLE)  # what ships stays accepted, under the development key
    assert models.bundle_id() is not None
    assert configured.key_for(DEFAULT_BUNDLE) == development_public_key()
    assert configured.key_for(tmp_path / "models" / "bundles" / "0.5.0") == production.public


def test_a_clinic_installs_production_releases_only_with_the_configured_key(
    clinic_template: Template,
    live_hub: EmbeddedHub,
    tmp_path: Path,
    production: ProductionKey,
    configured: ModelTrust,
) -> None:
    bundle = production.sign_bundle(tmp_path, "1.0.0")
    publish_model(live_hub.hub, bundle, "stable", production.public)
    directory = tmp_path / "clinic-models"

    default_models = ModelService(default_bundle=None)
    untrusting = ModelUpdateService(directory, default_models)
    clinic = open_clinic(clinic_template, tmp_path / "clinic", models=untrusting)
    try:
        enroll(clinic, live_hub.hub, live_hub.url)
        report = clinic.sync.sync_now().models
        assert report is not None and report.outcome == "refused"
        assert f"does not verify with the trusted key {key_id(development_public_key())}" in (
            report.detail
        )
        assert untrusting.status().active is None and not default_models.loaded
    finally:
        clinic.close()

    models = ModelService(default_bundle=None, trust=configured)
    trusting = ModelUpdateService(directory, models, trusted_key=configured.downloaded)
    clinic = open_clinic(clinic_template, tmp_path / "clinic", models=trusting)
    try:
        report = clinic.sync.sync_now().models
        assert report is not None and report.outcome == "installed"
        assert trusting.status().active == "1.0.0"
        assert models.status().active_version.endswith("1.0.0")  # type: ignore[union-attr]
    finally:
        clinic.close()


def test_the_composition_root_takes_the_key_from_the_machine_configuration(
    tmp_path: Path,
    production: ProductionKey,
    configured: ModelTrust,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert machine_model_trust() == configured
    with initialise_clinic(
        tmp_path / "home", user="clinician", passphrase="correct horse battery staple"
    ) as clinic:
        assert clinic.models.trust == configured
        assert clinic.model_updates.trusted_key == production.public
        services = clinic.hub_services(lambda work: work())
        assert services.releases._updates.trusted_key == production.public

    broken = tmp_path / "broken.conf"
    broken.write_text("[keys]\nmodel_trusted_key = relative.pem\n", encoding="utf-8")
    monkeypatch.setenv("PAINBRIDGE_CONFIG", str(broken))
    assert machine_model_trust() == ModelTrust.configured()  # unusable: presets nothing
