"""The on-disk cache of what every process would otherwise build again from the same files: the
compiled codebook and the gazetteer tables.

A cache file is a pickle named by a key that covers the content it was built from and the code
that built it (``source_stamp``), so a changed file or compiler never reads a stale one. Files
appear whole (written aside, then renamed); an unreadable or unwritable cache is passed over and
the object is built as if there were none. Writing one removes the older files of its kind beyond
the newest few.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from coder.collector import paused_collector

logger = logging.getLogger(__name__)

T = TypeVar("T")

KEPT_PER_KIND = 8  # the newest files of one kind ("codebook", "gazetteer") that a new one leaves
ABANDONED_AFTER_S = 3600  # a file being written aside is renamed within seconds
CACHE_ENV = "EVENT_CODER_CACHE"  # a directory for the cache, or "off"
_CACHE_OFF = frozenset({"", "0", "off", "no", "none", "false"})
_PACKAGE = Path(__file__).resolve().parent


def cache_directory(explicit: Path | None = None) -> Path | None:
    """Where the cache lives: ``explicit``, else ``$EVENT_CODER_CACHE`` ("off" turns the cache
    off), else ``$XDG_CACHE_HOME/event-coder``, else ``~/.cache/event-coder``."""
    if explicit is not None:
        return Path(explicit)
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in _CACHE_OFF else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "event-coder"


def source_stamp(sources: Iterable[str]) -> str:
    """Size and modification time of every source file of the package under ``sources`` (files or
    folders, relative to ``coder/``), and the Python version: what a cached object depends on."""
    parts = [sys.version.split()[0]]
    for name in sources:
        target = _PACKAGE / name
        for path in sorted(target.rglob("*.py")) if target.is_dir() else [target]:
            try:
                stat = path.stat()
            except OSError:
                continue
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def cache_key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def load_or_build(cache: Path | None, name: str, build: Callable[[], T],
                  accept: Callable[[object], bool]) -> T:
    """The object cached as ``name`` when ``accept`` takes it, else ``build()``, written to the
    cache for the next process. Both run with the collector paused: a tree of records without cycles."""
    if cache is None:
        with paused_collector():
            return build()
    path = cache / name
    try:
        with path.open("rb") as handle, paused_collector():
            found = pickle.load(handle)
        if accept(found):
            return found  # type: ignore[return-value]
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: build again and replace it
        logger.debug("cache file %s unreadable (%s); building it again", path, exc)
    with paused_collector():
        result = build()
    temporary: str | None = None
    try:
        cache.mkdir(parents=True, exist_ok=True)
        aside = tempfile.NamedTemporaryFile(dir=cache, prefix=f".{path.stem}-", suffix=".tmp", delete=False)
        with aside as out:
            temporary = out.name
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # readers see the whole file or none
        _prune(cache, path)
    except OSError as exc:
        logger.debug("cache %s not written (%s)", cache, exc)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return result


def _prune(cache: Path, written: Path) -> None:
    """Remove all but the newest ``KEPT_PER_KIND`` files of the kind just written: every change to
    the code or the data makes a new one (the gazetteer's is 15 MB), and the old ones are never read
    again unless that code comes back. A few are kept, for checkouts of other versions in use.
    Files left aside by a process killed while writing go too, once old enough that no process
    can still be writing them."""
    kind = written.name.split("-", 1)[0]
    found = []
    for path in cache.glob(f"{kind}-*.pickle"):
        with contextlib.suppress(OSError):
            found.append((path.stat().st_mtime_ns, path.name, path))
    stale = [path for _, _, path in sorted(found, reverse=True)[KEPT_PER_KIND:] if path != written]
    now = time.time()
    for path in cache.glob(f".{kind}-*.tmp"):
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > ABANDONED_AFTER_S:
                stale.append(path)
    for path in stale:
        with contextlib.suppress(OSError):
            path.unlink()
