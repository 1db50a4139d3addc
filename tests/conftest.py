"""Test-wide settings.

Qt runs headless: without a display and without QT_QPA_PLATFORM pytest-qt aborts the
process, so default the platform to ``offscreen`` before anything imports Qt.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
