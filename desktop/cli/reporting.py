"""Crash reports for bugs (never for user-facing errors)."""

from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path


def report_bug(error: BaseException) -> Path:
    """Write the traceback to a crash report file and tell the user where it is.

    The report holds the traceback only: no case data is formatted into it by us,
    though an exception message could quote a value, so it stays on this machine.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = Path(tempfile.gettempdir()) / f"painbridge-crash-{stamp}.txt"
    text = "".join(traceback.format_exception(error))
    report.write_text(text, encoding="utf-8")
    print(
        f"painbridge: internal error ({type(error).__name__}); this is a bug in PainBridge, "
        f"not something you did. A crash report was written to {report}",
        file=sys.stderr,
    )
    return report
