"""A progress line on stderr for long runs: documents, events, documents per second, ETA."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO


@dataclass(slots=True)
class Progress:
    total: int | None = None
    enabled: bool = True
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    documents: int = 0
    events: int = 0
    started: float = field(default_factory=time.monotonic)
    last_draw: float = 0.0

    @classmethod
    def for_terminal(cls, total: int | None, quiet: bool) -> Progress:
        return cls(total=total, enabled=not quiet and sys.stderr.isatty())

    def advance(self, documents: int, events: int) -> None:
        self.documents += documents
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self.last_draw >= 0.2:
            self.last_draw = now
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.documents / elapsed
        text = f"{self.documents:,} documents, {self.events:,} events, {rate:,.0f} docs/s"
        if self.total:
            remaining = max(self.total - self.documents, 0)
            eta = remaining / rate if rate > 0 else 0
            text += f", {100 * self.documents / self.total:.0f}%, ETA {int(eta // 60)}m{int(eta % 60):02d}s"
        return text

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line(time.monotonic()) + "\n")
            self.stream.flush()


def count_records(paths) -> int | None:
    """Total records for the ETA, counted cheaply for line-based files; None when unknown."""
    total = 0
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson", ".json"):
            with path.open("rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif suffix == ".txt":
            total += 1
        else:
            return None
    return total
