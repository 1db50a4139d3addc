"""python-tuf's downloads over the hub transport's httpx client (model updates).

Imported only when a model update is checked: python-tuf brings urllib3 and
securesystemslib (~110 ms), which the application's start should not wait for.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
from tuf.api.exceptions import DownloadError, DownloadHTTPError
from tuf.ngclient.fetcher import FetcherInterface

from sync.transport import describe_http_error


class TufFetcher(FetcherInterface):
    """python-tuf's downloads over httpx, resuming an interrupted download with Range.

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
