"""Input records grouped into deterministic chunks, the unit of parallel work and of resuming.

A chunk is identified by its input file and its number within that file, so the same inputs with
the same chunk size always give the same chunks: a resumed run skips exactly the finished ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from coder.io.readers import ReadOptions, Rejected, read_documents
from coder.model import Document

DEFAULT_CHUNK_SIZE = 1000
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class Chunk:
    chunk_id: str
    records: tuple[Document | Rejected, ...]
    # (index in records, where the id was first seen): duplicates are coded, and flagged
    duplicates: tuple[tuple[int, str], ...] = ()


def file_tag(path: Path) -> str:
    """A short stable name for an input file: its stem and a hash of its full path."""
    digest = hashlib.blake2b(str(path.resolve()).encode(), digest_size=4).hexdigest()
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in path.stem)[:40]
    return f"{stem}-{digest}"


def checked(record: Document | Rejected, max_chars: int) -> Document | Rejected:
    """Records too large to code are rejected with a reason instead of stalling a worker."""
    if isinstance(record, Document) and len(record.text) > max_chars:
        return Rejected(record.input, record.position, record.id,
                        f"document too large ({len(record.text):,} characters; limit {max_chars:,})",
                        record.language)
    return record


def chunk_records(paths: Iterable[Path], options: ReadOptions, size: int = DEFAULT_CHUNK_SIZE,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Chunk]:
    """Stream chunks of at most ``size`` records, never holding more than one chunk per file."""
    for path in paths:
        tag = file_tag(path)
        number = 0
        pending: list[Document | Rejected] = []
        for record in read_documents(path, options):
            pending.append(checked(record, max_chars))
            if len(pending) == size:
                yield Chunk(f"{tag}-{number:06d}", tuple(pending))
                number += 1
                pending = []
        if pending:
            yield Chunk(f"{tag}-{number:06d}", tuple(pending))


_POSITION_BITS = 40  # positions (lines, rows) below a trillion


def flag_duplicates(chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    """Mark records whose id was already seen earlier in the run (in input order).

    The only state of a run that grows with the archive: one entry per distinct id, its first
    place packed into one int (input number, position): ~125 bytes an id, ~120 MB a million.
    """
    first_seen: dict[str, int] = {}
    inputs: dict[str, int] = {}
    names: list[str] = []
    for chunk in chunks:
        duplicates = []
        for i, record in enumerate(chunk.records):
            if isinstance(record, Document):
                number = inputs.get(record.input)
                if number is None:
                    number = inputs[record.input] = len(names)
                    names.append(record.input)
                where = number << _POSITION_BITS | record.position
                earlier = first_seen.setdefault(record.id, where)
                if earlier != where:
                    position = earlier & ((1 << _POSITION_BITS) - 1)
                    duplicates.append((i, f"{names[earlier >> _POSITION_BITS]}:{position}"))
        yield replace(chunk, duplicates=tuple(duplicates)) if duplicates else chunk
