"""Synchronisation between clinic and hub: wire protocol, transport, client, hub service."""
