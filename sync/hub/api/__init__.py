"""The hub's HTTP edge: thin FastAPI routes over the hub's services (docs/protocol.md)."""
