"""Reading case documents from files or standard input."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.domain.errors import InvalidInput, Problem


def read_document(path: str) -> bytes:
    """The bytes of FILE.json, or of standard input when the path is ``-``."""
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem("FILE", "file not found", path)]) from None
    except IsADirectoryError:
        raise InvalidInput(
            [Problem("FILE", "is a directory, expected a JSON file", path)]
        ) from None
    except PermissionError:
        raise InvalidInput([Problem("FILE", "cannot be read (permission denied)", path)]) from None
