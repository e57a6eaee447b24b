"""A whole coding run: stream chunks from the inputs through an executor into a sink."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coder.batch.chunks import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, chunk_records, flag_duplicates
from coder.batch.pool import run_ordered
from coder.batch.progress import Progress, count_records
from coder.batch.sinks import DatasetLayout, FileSink, prepare_directory, validate_partition_by
from coder.batch.work import ChunkSummary, code_and_write, code_chunk_tables
from coder.collector import collector_for_run
from coder.errors import CoderError
from coder.io.readers import ReadOptions
from coder.output.parquet import file_metadata
from coder.pipeline import CodedBatch, Coder


@dataclass(frozen=True, slots=True)
class RunSettings:
    output: Path
    workers: int = 1
    chunk_size: int = DEFAULT_CHUNK_SIZE
    max_chars: int = DEFAULT_MAX_CHARS
    partition_by: tuple[str, ...] = ()
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False
    keep_batches: bool = False  # keep every coded batch in memory (for --summary on small runs)


@dataclass(frozen=True, slots=True)
class RunResult:
    events_path: Path
    documents_path: Path
    documents: int
    events: int
    rejected: int
    skipped_chunks: int
    batches: tuple[CodedBatch, ...]


def default_workers() -> int:
    return max(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 1)


def is_directory_output(settings: RunSettings) -> bool:
    return (settings.output.suffix.lower() != ".parquet" or settings.output.is_dir()
            or bool(settings.partition_by) or settings.resume or settings.engine == "dask")


def run_coding(inputs: Sequence[Path], options: ReadOptions, coder: Coder, settings: RunSettings) -> RunResult:
    """Code every input record exactly once; see sinks.py for the output layouts."""
    partition_by = validate_partition_by(settings.partition_by)
    metadata = file_metadata(coder.codebook_version, coder.parser)
    with collector_for_run(coder.preload):
        total = count_records(inputs) if not settings.quiet else None
        progress = Progress.for_terminal(total, settings.quiet)
        chunks = flag_duplicates(chunk_records(inputs, options, settings.chunk_size, settings.max_chars))
        if is_directory_output(settings):
            result = _run_dataset(chunks, coder, settings, partition_by, metadata, progress)
        else:
            if settings.engine != "local":
                raise CoderError("--engine dask writes a directory dataset: give a folder to -o")
            result = _run_file(chunks, coder, settings, metadata, progress)
        progress.finish()
    return result


def _run_file(chunks, coder: Coder, settings: RunSettings, metadata, progress: Progress) -> RunResult:
    sink = FileSink(settings.output, metadata)
    documents = events = rejected = 0
    kept: list[CodedBatch] = []
    try:
        # workers send back Arrow tables: built in parallel, and cheap to pass between processes
        task = functools.partial(code_chunk_tables, coder=coder, keep_batch=settings.keep_batches)
        for _chunk, coded in run_ordered(chunks, task, settings.workers):
            sink.write_tables(coded.events, coded.manifest)
            summary = coded.summary
            documents, events, rejected = (documents + summary.documents, events + summary.events,
                                           rejected + summary.rejected)
            progress.advance(summary.documents, summary.events)
            if coded.batch is not None:
                kept.append(coded.batch)
    except BaseException:
        sink.abort()
        raise
    events_path, documents_path = sink.close()
    return RunResult(events_path, documents_path, documents, events, rejected, 0, tuple(kept))


def _run_dataset(chunks, coder: Coder, settings: RunSettings, partition_by, metadata,
                 progress: Progress) -> RunResult:
    layout = DatasetLayout(settings.output, partition_by)
    run_settings = {"chunk_size": settings.chunk_size, "partition_by": list(partition_by),
                    "codebook_version": coder.codebook_version, "parser": coder.parser,
                    "require_dyad": coder.require_dyad, "max_chars": settings.max_chars}
    prepare_directory(layout, run_settings, settings.resume)
    done = layout.done_chunks() if settings.resume else frozenset()
    skipped = 0

    def pending():
        nonlocal skipped
        for chunk in chunks:
            if chunk.chunk_id in done:
                skipped += 1
                continue
            yield chunk

    if settings.engine == "dask":
        from coder.batch.dask import run_dask

        results = run_dask(pending(), coder, layout, metadata, settings.workers, settings.scheduler)
    else:
        task = functools.partial(code_and_write, coder=coder, layout=layout, metadata=metadata)
        results = run_ordered(pending(), task, settings.workers)
    documents = events = rejected = 0
    for _, summary in results:
        assert isinstance(summary, ChunkSummary)
        documents, events, rejected = (documents + summary.documents, events + summary.events,
                                       rejected + summary.rejected)
        progress.advance(summary.documents, summary.events)
    return RunResult(layout.events, layout.documents, documents, events, rejected, skipped, ())
