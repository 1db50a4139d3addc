"""The hub's tables (SQLAlchemy Core), the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSION = 1


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, on every backend."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("hub time stamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if not isinstance(moment, datetime):
            raise TypeError(f"expected a datetime from the database, got {type(value)}")
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# BigInteger autoincrement ids are plain INTEGER on SQLite (so they are rowid aliases).
Id = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData()

hub_meta = Table(
    "hub_meta",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

clinics = Table(
    "clinics",
    metadata,
    Column("clinic_id", String(32), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)

enrollment_codes = Table(
    "enrollment_codes",
    metadata,
    Column("code_id", String(16), primary_key=True),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("secret_sha256", String(64), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("used_at", UtcDateTime),
    Column("device_id", String(32)),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(32), primary_key=True),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("name", String(64), nullable=False),
    Column("public_key", LargeBinary(32), nullable=False, unique=True),
    Column("enrolled_at", UtcDateTime, nullable=False),
    Column("revoked_at", UtcDateTime),
    Column("last_seen_at", UtcDateTime),
    Column("model_version", String(200)),
)

nonces = Table(
    "nonces",
    metadata,
    Column("device_id", String(32), primary_key=True),
    Column("nonce", String(64), primary_key=True),
    Column("seen_at", UtcDateTime, nullable=False),
    Index("nonces_by_time", "seen_at"),
)

users = Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(256), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("disabled_at", UtcDateTime),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("username", String(64), ForeignKey("users.username"), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("expires_at", UtcDateTime, nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index("login_failures_by_user", "username", "at"),
)

# One row per case version received: stored exactly once (per device key and per
# clinic, case and version). The document is AES-GCM ciphertext (keys.py).
case_versions = Table(
    "case_versions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("device_id", String(32), ForeignKey("devices.device_id"), nullable=False),
    Column("idempotency_key", String(64), nullable=False),
    Column("case_id", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("document_sha256", String(64), nullable=False),
    Column("key_id", String(16), nullable=False),
    Column("nonce", LargeBinary(12), nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("pseudonym", String(128), nullable=False),
    Column("urgency", String(16), nullable=False),
    Column("indicators", Text, nullable=False),
    Column("model", Text),
    Column("saved_at", UtcDateTime, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    UniqueConstraint("device_id", "idempotency_key", name="case_versions_key"),
    UniqueConstraint("clinic_id", "case_id", "version", name="case_versions_version"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("clinic_id", String(32), nullable=False),
    Column("device_id", String(32), nullable=False),
    Column("idempotency_key", String(64), nullable=False),
    Column("code", String(32), nullable=False),
    Column("at", UtcDateTime, nullable=False),
    Index("rejections_by_clinic", "clinic_id"),
)

# The review state of each case (its newest received version is what experts see).
reviews = Table(
    "reviews",
    metadata,
    Column("case_ref", String(32), primary_key=True),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("case_id", String(128), nullable=False),
    Column("latest_version", Integer, nullable=False),
    Column("state", String(16), nullable=False),
    Column("urgency", String(16), nullable=False),
    Column("urgency_reasons", Text, nullable=False),
    Column("waiting_since", UtcDateTime, nullable=False),
    Column("claimed_by", String(64)),
    Column("claimed_at", UtcDateTime),
    Column("answered_at", UtcDateTime),
    Column("delivered_at", UtcDateTime),
    Column("read_at", UtcDateTime),
    Column("awaiting_information", Boolean, nullable=False, default=False),
    UniqueConstraint("clinic_id", "case_id", name="reviews_case"),
    Index("reviews_by_state", "state", "urgency", "waiting_since"),
)

# The changes feed: the signed payload exactly as signed, per clinic (NULL: every clinic).
changes = Table(
    "changes",
    metadata,
    Column("seq", Id, primary_key=True, autoincrement=True),
    Column("clinic_id", String(32)),
    Column("kind", String(32), nullable=False),
    Column("case_id", String(128)),
    Column("payload", Text, nullable=False),
    Column("signature", String(128), nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("changes_by_clinic", "clinic_id", "seq"),
)

model_releases = Table(
    "model_releases",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("channel", String(16), nullable=False),
    Column("name", String(200), nullable=False),
    Column("version", String(64), nullable=False),
    Column("published_at", UtcDateTime, nullable=False),
    UniqueConstraint("channel", "version", name="model_releases_version"),
)

# The head of each device's audit chain, as sent on every sync (audit_anchors.py):
# append-only, one row per newly anchored head; ``seq`` only grows per device.
audit_anchors = Table(
    "audit_anchors",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("device_id", String(32), ForeignKey("devices.device_id"), nullable=False),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("mac", String(64), nullable=False),
    Column("clinic_at", UtcDateTime, nullable=False),
    Column("anchored_at", UtcDateTime, nullable=False),
    UniqueConstraint("device_id", "seq", name="audit_anchors_seq"),
)

# Refused anchors (a chain that went backwards): one row per device, code and anchored
# entry; a repeat of the same refusal updates ``last_at``, ``claimed_*`` and ``repeats``.
audit_alarms = Table(
    "audit_alarms",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("device_id", String(32), ForeignKey("devices.device_id"), nullable=False),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("code", String(32), nullable=False),
    Column("message", Text, nullable=False),
    Column("anchored_seq", BigInteger, nullable=False),
    Column("claimed_seq", BigInteger, nullable=False),
    Column("claimed_mac", String(64), nullable=False),
    Column("first_at", UtcDateTime, nullable=False),
    Column("last_at", UtcDateTime, nullable=False),
    Column("repeats", Integer, nullable=False, default=1),
    UniqueConstraint("device_id", "code", "anchored_seq", name="audit_alarms_incident"),
    Index("audit_alarms_by_clinic", "clinic_id"),
)

# The referral each upload item carried (sync/hub/referrals.py): appended, never updated;
# stored once per device, Idempotency-Key and referral digest. The newest row of a case
# version is what experts see. In a table of its own so that an existing hub database
# gets it from ``create_all`` (which adds tables, never columns).
case_referrals = Table(
    "case_referrals",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("clinic_id", String(32), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("device_id", String(32), ForeignKey("devices.device_id"), nullable=False),
    Column("idempotency_key", String(64), nullable=False),
    Column("referral_sha256", String(64), nullable=False),
    Column("case_id", String(128), nullable=False),
    Column("version", Integer, nullable=False),
    Column("clinician_requested", Boolean, nullable=False),
    Column("recommended", Boolean, nullable=False),
    Column("reasons", Text, nullable=False),
    Column("received_at", UtcDateTime, nullable=False),
    UniqueConstraint("device_id", "idempotency_key", "referral_sha256", name="case_referrals_key"),
    Index("case_referrals_by_version", "clinic_id", "case_id", "version", "id"),
)
