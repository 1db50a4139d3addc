"""Everything a hub request needs, built once at start-up (``open_hub``) and injected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sync.hub.database import HubDatabase, open_database
from sync.hub.keys import HubKeys, load_hub_keys
from sync.hub.settings import HubSettings
from sync.hub.tuf_repository import ModelRepository


@dataclass
class Hub:
    settings: HubSettings
    database: HubDatabase
    keys: HubKeys
    models: ModelRepository

    def now(self) -> datetime:
        return self.settings.now()

    def close(self) -> None:
        self.database.dispose()


def open_hub(settings: HubSettings) -> Hub:
    """Open (creating on first use) the hub's database, keys and model repository."""
    settings.config_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    database = open_database(settings.url)
    keys = load_hub_keys(settings.keys_dir)
    models = ModelRepository(settings.tuf_dir, settings)
    return Hub(settings, database, keys, models)
