"""The only module that imports httpx: timeouts, TLS trust, request signing, failures.

Failures come in two families (style.md habit 11), both :class:`UserFacingError`:

- :class:`HubUnreachable` - the hub could not be reached or did not really answer:
  no route, refused or reset connection, timeout, a truncated answer, or something that
  is not the hub speaking (a captive portal's HTML page with status 200). Offline is a
  normal state: the caller retries later with backoff.
- :class:`HubRefused` - the hub answered with an error body (:class:`ErrorBody`): the
  request was understood and refused. ``permanent`` says whether sending the same thing
  again can ever succeed; :class:`PayloadTooLarge` (413) asks for a smaller batch.

:class:`HubUntrusted` (TLS certificate not trusted) is neither: retrying does not help
until IT fixes the trust settings.

The HTTP transport is injectable (``transport=``): unit tests pass ``httpx.MockTransport``
or an ASGI transport; integration tests talk to a real hub on 127.0.0.1.
"""

from __future__ import annotations

import functools
import secrets
import ssl
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from desktop.domain.errors import UserFacingError
from sync.protocol import (
    DEVICE_HEADER,
    DIGEST_HEADER,
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    ErrorBody,
    b64encode,
    sha256_hex,
    signing_string,
)

if TYPE_CHECKING:
    # httpx (~65 ms) is imported when the first transport is made, not at every start of
    # the application; python-tuf (~110 ms) only when a model update is checked.
    import httpx
    from tuf.ngclient.fetcher import FetcherInterface

Model = TypeVar("Model", bound=BaseModel)
#: What may decide TLS trust: True (system CAs), a CA bundle path, or an SSLContext.
Trust = bool | str | ssl.SSLContext


class RequestSigner(Protocol):
    """The device identity: its id and an Ed25519 signature over the signing string."""

    @property
    def device_id(self) -> str: ...

    def sign(self, message: bytes) -> bytes: ...


@dataclass(frozen=True)
class Timeouts:
    """Seconds. ``read`` is per chunk, not for the whole answer."""

    connect: float = 5.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 5.0

    def to_httpx(self) -> httpx.Timeout:
        import httpx

        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


class TransportError(UserFacingError):
    """Base of every failure to talk to the hub."""


class HubUnreachable(TransportError):
    """The hub could not be reached, or what answered was not the hub (retry later)."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(
            f"The hub at {url} cannot be reached ({reason}). Cases wait in the outbox and "
            "are sent automatically when the connection is back."
        )


class UnexpectedResponse(HubUnreachable):
    """Something answered that does not speak the hub protocol (e.g. a captive portal)."""


class HubUntrusted(TransportError):
    """The hub's TLS certificate is not trusted by this computer's settings."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        super().__init__(
            f"The connection to the hub at {url} is not trusted ({reason}). Nothing was "
            "sent. Ask IT to check the hub address and its certificate."
        )


class HubRefused(TransportError):
    """The hub answered with an error body."""

    def __init__(self, status: int, body: ErrorBody) -> None:
        self.status = status
        self.body = body
        super().__init__(f"The hub refused the request: {body.message} ({body.code})")

    @property
    def code(self) -> str:
        return self.body.code

    @property
    def permanent(self) -> bool:
        return self.body.permanent and self.status < 500


class PayloadTooLarge(HubRefused):
    """413: the request was too big for the hub; send fewer items at once."""


def describe_http_error(error: httpx.HTTPError) -> str:
    """A short phrase for a failed exchange ("no answer in time", ...)."""
    import httpx

    if isinstance(error, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(error, httpx.ConnectError):
        return "connection failed"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection was cut or the answer was incomplete"
    if isinstance(error, httpx.ReadError | httpx.WriteError):
        return "the connection was interrupted"
    return type(error).__name__


def _tls_failure(error: BaseException) -> str | None:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or "certificate not trusted"
        seen = seen.__cause__ or seen.__context__
    return None


class HubTransport:
    """Talks JSON to one hub; signs requests when it has a signer."""

    def __init__(
        self,
        base_url: str,
        *,
        signer: RequestSigner | None = None,
        timeouts: Timeouts | None = None,
        trust: Trust = True,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._signer = signer
        self._clock = clock
        #: seconds to add to our clock to match the hub's (learned from its answers)
        self.clock_offset = 0.0
        import httpx

        self._client = httpx.Client(
            base_url=self.base_url,
            timeout=(timeouts or Timeouts()).to_httpx(),
            verify=ssl.create_default_context(cafile=trust) if isinstance(trust, str) else trust,
            transport=transport,
            follow_redirects=False,
            headers={"User-Agent": "PainBridge-clinic"},
        )
        self.bytes_sent = 0
        self.bytes_received = 0

    def with_signer(self, signer: RequestSigner) -> None:
        self._signer = signer

    def with_session(self, token: str | None) -> None:
        """Send ``Authorization: Bearer <token>`` (expert/admin session) from now on."""
        if token is None:
            self._client.headers.pop("Authorization", None)
        else:
            self._client.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HubTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- requests -----------------------------------------------------------------------

    def get(
        self,
        path: str,
        model: type[Model],
        *,
        params: Mapping[str, str | int] | None = None,
        signed: bool = True,
    ) -> Model:
        if params:
            import httpx

            path = f"{path}?{httpx.QueryParams(dict(params))}"
        return self._call("GET", path, b"", model, signed=signed)

    def post(self, path: str, body: BaseModel, model: type[Model], *, signed: bool = True) -> Model:
        content = body.model_dump_json(by_alias=True).encode("utf-8")
        return self._call("POST", path, content, model, signed=signed)

    def post_empty(self, path: str, model: type[Model], *, signed: bool = True) -> Model:
        """POST without a body (e.g. claiming a case)."""
        return self._call("POST", path, b"", model, signed=signed)

    def delete(self, path: str, *, signed: bool = False) -> None:
        """DELETE expecting ``204 No Content`` (e.g. signing out)."""
        import httpx

        url = self.base_url + path
        headers = self._signature_headers("DELETE", path, b"") if signed else {}
        try:
            response = self._client.request("DELETE", path, headers=headers)
            payload = response.read()
        except httpx.HTTPError as error:
            raise HubUnreachable(url, describe_http_error(error)) from error
        if response.status_code != 204:
            self._parse(url, response, payload, ErrorBody)
            raise UnexpectedResponse(url, f"HTTP {response.status_code} instead of 204")

    def _call(
        self, method: str, path: str, content: bytes, model: type[Model], *, signed: bool
    ) -> Model:
        try:
            return self._once(method, path, content, model, signed=signed)
        except HubRefused as refused:
            hub_time = refused.body.hub_time
            if refused.code != "stale_request" or hub_time is None or not signed:
                raise
            # Our clock is off: adopt the hub's and try once more with a fresh nonce.
            self.clock_offset = hub_time.timestamp() - self._clock()
            return self._once(method, path, content, model, signed=signed)

    def _once(
        self, method: str, path: str, content: bytes, model: type[Model], *, signed: bool
    ) -> Model:
        import httpx

        headers = {"Content-Type": "application/json"} if content else {}
        if signed:
            headers.update(self._signature_headers(method, path, content))
        url = self.base_url + path
        try:
            response = self._client.request(method, path, content=content, headers=headers)
            payload = response.read()
        except httpx.HTTPError as error:
            tls = _tls_failure(error)
            if tls is not None:
                raise HubUntrusted(url, tls) from error
            raise HubUnreachable(url, describe_http_error(error)) from error
        self.bytes_sent += len(content) + sum(len(k) + len(v) for k, v in headers.items())
        self.bytes_received += len(payload)
        return self._parse(url, response, payload, model)

    def _signature_headers(self, method: str, path: str, content: bytes) -> dict[str, str]:
        if self._signer is None:
            raise RuntimeError("this request must be signed but the transport has no signer")
        timestamp = int(self._clock() + self.clock_offset)
        nonce = secrets.token_urlsafe(18)
        digest = sha256_hex(content)
        signature = self._signer.sign(signing_string(method, path, timestamp, nonce, digest))
        return {
            DEVICE_HEADER: self._signer.device_id,
            TIMESTAMP_HEADER: str(timestamp),
            NONCE_HEADER: nonce,
            DIGEST_HEADER: digest,
            SIGNATURE_HEADER: b64encode(signature),
        }

    def _parse(
        self, url: str, response: httpx.Response, payload: bytes, model: type[Model]
    ) -> Model:
        content_type = response.headers.get("content-type", "")
        if not content_type.startswith("application/json"):
            raise UnexpectedResponse(
                url,
                f"HTTP {response.status_code} with {content_type or 'no content type'}, "
                "not the hub's JSON (a captive portal or proxy may be in the way)",
            )
        if response.status_code >= 400:
            try:
                body = ErrorBody.model_validate_json(payload)
            except ValidationError:
                raise UnexpectedResponse(
                    url, f"HTTP {response.status_code} without the hub's error body"
                ) from None
            error_type = PayloadTooLarge if response.status_code == 413 else HubRefused
            raise error_type(response.status_code, body)
        try:
            return model.model_validate_json(payload)
        except ValidationError:
            raise UnexpectedResponse(
                url, "the answer is not what the hub protocol says (truncated or altered)"
            ) from None

    # --- model repository ---------------------------------------------------------------

    def fetcher(self, *, max_resumes: int = 5) -> TufFetcher:
        """A TUF fetcher over this transport's connection settings."""
        return tuf_fetcher_class()(self._client, max_resumes=max_resumes)


class ResumingDownload:
    """Downloads over httpx that resume an interrupted transfer with Range requests (the
    body of python-tuf's fetcher: :func:`tuf_fetcher_class`).

    TUF itself checks every length and hash, so a resumed download that went wrong is
    refused there, never installed.
    """

    def __init__(self, client: httpx.Client, *, max_resumes: int = 5) -> None:
        self._client = client
        self._max_resumes = max_resumes
        self.resumed = 0

    def _fetch(self, url: str) -> Iterator[bytes]:
        return self._chunks(url)

    def _chunks(self, url: str) -> Iterator[bytes]:
        import httpx
        from tuf.api.exceptions import DownloadError, DownloadHTTPError

        received = 0
        failures = 0
        while True:
            headers = {"Range": f"bytes={received}-"} if received else {}
            try:
                with self._client.stream("GET", url, headers=headers) as response:
                    if response.status_code >= 400:
                        raise DownloadHTTPError(
                            f"{url}: HTTP {response.status_code}", response.status_code
                        )
                    skip = received if response.status_code != 206 else 0
                    for chunk in response.iter_bytes():
                        if skip:
                            dropped = min(skip, len(chunk))
                            chunk, skip = chunk[dropped:], skip - dropped
                        if chunk:
                            received += len(chunk)
                            yield chunk
                    return
            except httpx.HTTPError as error:
                failures += 1
                if failures > self._max_resumes:
                    raise DownloadError(f"{url}: {describe_http_error(error)}") from error
                self.resumed += 1


if TYPE_CHECKING:

    class TufFetcher(ResumingDownload, FetcherInterface):
        """What :meth:`HubTransport.fetcher` returns."""


@functools.cache
def tuf_fetcher_class() -> type[TufFetcher]:
    """python-tuf's fetcher interface over :class:`ResumingDownload`, defined at the first
    model update: importing python-tuf takes ~110 ms, which start-up should not pay."""
    from tuf.ngclient.fetcher import FetcherInterface

    # The same class as the one declared for type checking above, made at run time.
    return type("TufFetcher", (ResumingDownload, FetcherInterface), {"__module__": __name__})
