"""Publishing a model bundle to a channel (``painbridge hub publish-model``).

The bundle is verified exactly as a clinic will verify it (models_onnx.load_bundle with
the trusted model-signing key) before it is published, so the hub never announces a
release clinics would refuse. Publishing adds the files to the channel's TUF repository
and a ``model_release`` change to every clinic's feed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import insert, select

from models_onnx.bundle import MANIFEST, SIGNATURE, load_bundle
from sync.hub.context import Hub
from sync.hub.errors import Conflict
from sync.hub.feed import append_change, new_change_id
from sync.hub.schema import model_releases
from sync.protocol import Channel, ModelReleasePayload


@dataclass(frozen=True)
class Published:
    channel: Channel
    name: str
    version: str
    files: int


def publish_model(
    hub: Hub, bundle_dir: Path, channel: Channel, trusted_key: Ed25519PublicKey
) -> Published:
    """Verify and publish; raises BundleError (not verifiable) or Conflict (version exists)."""
    bundle = load_bundle(bundle_dir, trusted_key)
    manifest = bundle.manifest
    with hub.database.reading() as connection:
        exists = connection.execute(
            select(model_releases.c.id).where(
                model_releases.c.channel == channel, model_releases.c.version == manifest.version
            )
        ).first()
    if exists is not None:
        raise Conflict(f"version {manifest.version} is already published on {channel}")
    files = dict(bundle.files)
    files[MANIFEST] = (Path(bundle_dir) / MANIFEST).read_bytes()
    files[SIGNATURE] = (Path(bundle_dir) / SIGNATURE).read_bytes()
    hub.models.publish(channel, manifest.name, manifest.version, files)
    now = hub.now()
    with hub.database.transaction() as connection:
        connection.execute(
            insert(model_releases).values(
                channel=channel, name=manifest.name, version=manifest.version, published_at=now
            )
        )
        payload = ModelReleasePayload(
            change_id=new_change_id(),
            channel=channel,
            name=manifest.name[:200],
            version=manifest.version[:200],
            issued_at=now,
        )
        append_change(hub, connection, payload, clinic_id=None, case_id=None, now=now)
    return Published(channel, manifest.name, manifest.version, len(files))
