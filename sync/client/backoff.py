"""Retry timing and batch sizing for unreliable links.

:class:`Backoff`: exponential with full jitter (a random delay between 0 and
``base * 2**failures``, capped), so many clinics coming back online do not retry in step.
:class:`AdaptiveBatch`: halves the batch on 413 or a slow round trip, doubles it again
after fast ones (never back up to a size the hub refused), between 1 and the
protocol's maximum.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from sync.protocol import MAX_BATCH_ITEMS


@dataclass
class Backoff:
    base_seconds: float = 2.0
    cap_seconds: float = 900.0
    random: Callable[[], float] = field(default=random.random)

    def delay(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures (>= 1)."""
        ceiling = min(self.cap_seconds, self.base_seconds * 2 ** max(0, failures - 1))
        return float(ceiling * self.random())


@dataclass
class AdaptiveBatch:
    size: int = 50
    minimum: int = 1
    maximum: int = MAX_BATCH_ITEMS
    slow_seconds: float = 10.0
    fast_seconds: float = 2.0
    #: the smallest size the hub refused with 413 (never grow back to it)
    ceiling: int | None = None

    def too_large(self) -> None:
        self.ceiling = self.size if self.ceiling is None else min(self.ceiling, self.size)
        self.size = max(self.minimum, self.size // 2)

    def finished(self, seconds: float, items: int) -> None:
        """Adapt after a successful round trip of ``items`` items that took ``seconds``."""
        if seconds > self.slow_seconds:
            self.size = max(self.minimum, self.size // 2)
        elif seconds < self.fast_seconds and items >= self.size:
            limit = self.maximum if self.ceiling is None else self.ceiling - 1
            self.size = max(self.size, min(limit, self.size * 2))
