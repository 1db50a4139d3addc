"""Running the hub: ``painbridge hub serve`` (foreground) and an embedded hub in a thread.

uvicorn serves the FastAPI app on the given address; with ``tls_cert``/``tls_key`` it
speaks HTTPS. Device identity comes from signed requests, not TLS client certificates
(uvicorn does not pass those to the application).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import uvicorn

from sync.hub.api.app import create_app
from sync.hub.context import Hub, open_hub
from sync.hub.errors import HubSetupError
from sync.hub.settings import HubSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TlsFiles:
    certificate: Path
    key: Path


def _config(hub: Hub, host: str, port: int, tls: TlsFiles | None, log_level: str) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(hub),
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,
        lifespan="on",
        ssl_certfile=str(tls.certificate) if tls else None,
        ssl_keyfile=str(tls.key) if tls else None,
        timeout_keep_alive=30,
    )


def serve(
    settings: HubSettings,
    *,
    host: str = "127.0.0.1",
    port: int = 8443,
    tls: TlsFiles | None = None,
    log_level: str = "info",
) -> None:
    """Serve until interrupted (Ctrl-C / SIGTERM)."""
    hub = open_hub(settings)
    try:
        uvicorn.Server(_config(hub, host, port, tls, log_level)).run()
    finally:
        hub.close()


class EmbeddedHub:
    """A hub on 127.0.0.1 in a background thread (``make run``, tests, benchmarks).

    Use as a context manager, or call :meth:`stop`. ``url`` is ready when the
    constructor returns.
    """

    def __init__(
        self,
        settings: HubSettings,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: TlsFiles | None = None,
        log_level: str = "warning",
        startup_timeout: float = 20.0,
    ) -> None:
        self.hub = open_hub(settings)
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        self.port = int(listener.getsockname()[1])
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://{host}:{self.port}"
        self._listener = listener
        self._server = uvicorn.Server(_config(self.hub, host, self.port, tls, log_level))
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [listener]},
            name="embedded-hub",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + startup_timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise HubSetupError(f"the embedded hub did not start on {self.url}")
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._listener.close()
        self.hub.close()

    def __enter__(self) -> EmbeddedHub:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def start_embedded_hub(config_dir: Path, *, database_url: str | None = None) -> EmbeddedHub:
    """The hub of ``make run``: data and keys in ``config_dir``, a free port on 127.0.0.1."""
    return EmbeddedHub(HubSettings(config_dir=config_dir, database_url=database_url))
