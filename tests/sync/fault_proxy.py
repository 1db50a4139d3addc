"""A fault-injecting HTTP proxy (asyncio, in a thread) between the clinic and the hub.

Toxiproxy is not available here (field-notes.md), so this small proxy does the same job
at the level of HTTP/1.1 requests (Content-Length bodies, keep-alive). For every request
a fault is drawn from ``weights`` with a seeded random generator:

- ``pass``: forward the request, return the answer;
- ``reset_before``: reset the connection before the hub sees the request;
- ``reset_after``: forward, let the hub process it, then reset instead of answering;
- ``delay``: wait ``delay_seconds`` before forwarding (longer than the client's read
  timeout when ``delay_seconds`` says so: the hub may still process it);
- ``truncate``: forward, then send only half of the answer and close;
- ``portal``: answer ``200 OK`` with an HTML page, as a captive portal does.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import struct
import threading
from collections import Counter
from collections.abc import Mapping
from types import TracebackType

FAULTS = ("pass", "reset_before", "reset_after", "delay", "truncate", "portal")
PORTAL_PAGE = (
    b"<html><head><title>Welcome to Clinic WiFi</title></head>"
    b"<body>Please accept the terms to continue.</body></html>"
)


async def _read_message(reader: asyncio.StreamReader) -> bytes | None:
    """One HTTP/1.1 message (head + Content-Length body); None at end of stream."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    body = await reader.readexactly(length) if length else b""
    return head + body


def _reset(writer: asyncio.StreamWriter) -> None:
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        weights: Mapping[str, float],
        seed: int = 1,
        delay_seconds: float = 0.2,
    ) -> None:
        unknown = set(weights) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown faults {unknown}")
        self._upstream_port = upstream_port
        self._faults = list(weights)
        self._weights = [weights[name] for name in self._faults]
        self._random = random.Random(seed)
        self.delay_seconds = delay_seconds
        self.counts: Counter[str] = Counter()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        assert self._server is not None
        self.port = int(self._server.sockets[0].getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"

    def set_weights(self, weights: Mapping[str, float]) -> None:
        self._faults = list(weights)
        self._weights = [weights[name] for name in self._faults]

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0)
        )
        self._ready.set()
        self._loop.run_forever()
        self._loop.run_until_complete(self._loop.shutdown_asyncgens())
        self._loop.close()

    async def _shutdown(self) -> None:
        assert self._server is not None
        self._server.close()
        current = asyncio.current_task()
        pending = [task for task in asyncio.all_tasks() if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await self._server.wait_closed()
        await asyncio.sleep(0.01)  # let the transports finish closing

    def _draw(self) -> str:
        fault = self._random.choices(self._faults, self._weights)[0]
        self.counts[fault] += 1
        return fault

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # asyncio keeps only weak references to tasks: hold this one until it ends, or a
        # connection the client dropped can be collected while it still waits.
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        upstream: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        try:
            while True:
                request = await _read_message(reader)
                if request is None:
                    break
                fault = self._draw()
                if fault == "reset_before":
                    _reset(writer)
                    return
                if fault == "portal":
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                        + f"Content-Length: {len(PORTAL_PAGE)}\r\n\r\n".encode()
                        + PORTAL_PAGE
                    )
                    await writer.drain()
                    continue
                if fault == "delay":
                    await asyncio.sleep(self.delay_seconds)
                if upstream is None:
                    upstream = await asyncio.open_connection("127.0.0.1", self._upstream_port)
                upstream[1].write(request)
                await upstream[1].drain()
                response = await _read_message(upstream[0])
                if response is None:
                    _reset(writer)
                    return
                if fault == "reset_after":
                    _reset(writer)
                    return
                if fault == "truncate":
                    writer.write(response[: max(1, len(response) // 2)])
                    await writer.drain()
                    writer.close()
                    return
                writer.write(response)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            for stream in ([upstream[1]] if upstream is not None else []) + [writer]:
                stream.close()
                with contextlib.suppress(Exception, asyncio.CancelledError):
                    await stream.wait_closed()
            self._tasks.discard(task)

    def close(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
