"""The unit of work every executor runs: code one chunk, optionally write its parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa

from coder.batch.chunks import Chunk
from coder.batch.sinks import DatasetLayout, write_chunk_parts
from coder.output.parquet import events_table, manifest_table
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


@dataclass(frozen=True, slots=True)
class TabledChunk:
    """A coded chunk as the worker that coded it hands it back: its rows as Arrow tables (built in
    the worker, in parallel with the others, and far cheaper to send between processes than the
    rows), its summary, and the rows themselves only when the run keeps them."""

    summary: ChunkSummary
    events: pa.Table | None  # None: no event rows
    manifest: pa.Table | None
    batch: CodedBatch | None


def code_chunk_tables(chunk: Chunk, coder: Coder, keep_batch: bool = False) -> TabledChunk:
    """Code a chunk (``code_chunk``) and turn its rows into the tables one Parquet file receives."""
    batch = code_chunk(chunk, coder)
    events = events_table(batch.rows, {}).replace_schema_metadata(None) if batch.rows else None
    manifest = manifest_table(batch.manifest, {}).replace_schema_metadata(None) if batch.manifest else None
    return TabledChunk(summarise(chunk.chunk_id, batch), events, manifest, batch if keep_batch else None)


def summarise(chunk_id: str, batch: CodedBatch) -> ChunkSummary:
    return ChunkSummary(chunk_id, len(batch.manifest), len(batch.rows),
                        sum(1 for m in batch.manifest if m.status == "rejected"))


def code_and_write(chunk: Chunk, coder: Coder, layout: DatasetLayout, metadata: Mapping[str, str],
                   ) -> ChunkSummary:
    """Code a chunk and write its part files where it runs (no rows travel back)."""
    batch = code_chunk(chunk, coder)
    write_chunk_parts(layout, chunk.chunk_id, batch, metadata)
    return summarise(chunk.chunk_id, batch)
