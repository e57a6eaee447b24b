"""The unit of work every executor runs: code one chunk, optionally write its parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coder.batch.chunks import Chunk
from coder.batch.sinks import DatasetLayout, write_chunk_parts
from coder.pipeline import CodedBatch, Coder, code_documents


@dataclass(frozen=True, slots=True)
class ChunkSummary:
    chunk_id: str
    documents: int
    events: int
    rejected: int


def code_chunk(chunk: Chunk, coder: Coder) -> CodedBatch:
    """Code a chunk; records whose id appeared earlier in the run are coded and flagged."""
    batch = code_documents(chunk.records, coder)
    if not chunk.duplicates:
        return batch
    manifest = list(batch.manifest)
    for index, earlier in chunk.duplicates:
        row = manifest[index]
        note = f"duplicate id (first seen at {earlier})"
        manifest[index] = row._replace(reason=f"{row.reason}; {note}" if row.reason else note)
    return CodedBatch(batch.rows, tuple(manifest))


def summarise(chunk_id: str, batch: CodedBatch) -> ChunkSummary:
    return ChunkSummary(chunk_id, len(batch.manifest), len(batch.rows),
                        sum(1 for m in batch.manifest if m.status == "rejected"))


def code_and_write(chunk: Chunk, coder: Coder, layout: DatasetLayout, metadata: Mapping[str, str],
                   ) -> ChunkSummary:
    """Code a chunk and write its part files where it runs (no rows travel back)."""
    batch = code_chunk(chunk, coder)
    write_chunk_parts(layout, chunk.chunk_id, batch, metadata)
    return summarise(chunk.chunk_id, batch)
