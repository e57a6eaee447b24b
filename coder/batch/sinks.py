"""Where coded chunks go: one Parquet file (written as row groups while coding), or a directory
dataset of part files that appear atomically and let a killed run resume.

Directory layout for ``-o OUT/``::

    OUT/_coder_run.json                      settings a resumed run must share
    OUT/events/[year=2020/country=Libya/]part-CHUNK-N.parquet
    OUT/documents/part-CHUNK.parquet         written last: its presence marks the chunk done
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.errors import CoderError
from coder.output.parquet import events_table, manifest_path, manifest_table, write_atomically
from coder.pipeline import CodedBatch
from coder.schema import EVENTS_SCHEMA, MANIFEST_SCHEMA, SCHEMA_VERSION

PARTITION_COLUMNS = {"year", "country", "iso3", "language", "event_type", "source"}
RUN_FILE = "_coder_run.json"


class FileSink:
    """Events and manifest streamed into two Parquet files, renamed into place on close.

    A chunk's tables are written by a background thread while the next chunk is coded: Parquet's
    encoding and compression release the GIL, so with one worker they take no time from coding
    (1% of an Arabic run). One chunk at most waits to be written; a write error surfaces at the
    next write, at ``close`` or at ``abort``. The thread starts at the first write, after a local
    pool has forked its workers (all at its first task), so no process forks while it runs."""

    def __init__(self, path: Path, metadata: Mapping[str, str]) -> None:
        directory = path.parent
        if not directory.is_dir():
            raise CoderError(f"cannot write {path}: folder {directory} does not exist")
        self.path = path
        self.documents = manifest_path(path)
        meta = {**metadata, "schema_version": SCHEMA_VERSION}
        self._targets = []
        self._writers = []
        for target, schema in ((self.path, EVENTS_SCHEMA), (self.documents, MANIFEST_SCHEMA)):
            try:
                handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
            except OSError as exc:
                raise CoderError(f"cannot write {target}: {exc.strerror}") from None
            os.close(handle)
            self._targets.append((Path(temporary), target))
            self._writers.append(pq.ParquetWriter(temporary, schema.with_metadata(meta), compression="zstd"))
        self._writing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parquet-writer")
        self._pending: Future[None] | None = None

    def write(self, batch: CodedBatch) -> None:
        self.write_tables(
            events_table(batch.rows, {}).replace_schema_metadata(None) if batch.rows else None,
            manifest_table(batch.manifest, {}).replace_schema_metadata(None) if batch.manifest else None,
        )

    def write_tables(self, events: pa.Table | None, manifest: pa.Table | None) -> None:
        """Append a chunk's tables (as ``events_table`` / ``manifest_table`` build them, without
        metadata); None where the chunk has no rows."""
        self._wait()
        self._pending = self._writing.submit(self._append, events, manifest)

    def _append(self, events: pa.Table | None, manifest: pa.Table | None) -> None:
        events_writer, manifest_writer = self._writers
        if events is not None:
            events_writer.write_table(events.cast(events_writer.schema))
        if manifest is not None:
            manifest_writer.write_table(manifest.cast(manifest_writer.schema))

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> tuple[Path, Path]:
        try:
            self._wait()
        finally:
            self._writing.shutdown()
        for writer in self._writers:
            writer.close()
        for temporary, target in self._targets:
            os.replace(temporary, target)
        return self.path, self.documents

    def abort(self) -> None:
        try:
            self._wait()
        except Exception:  # the error that made the run abort, or one after it: the files go anyway
            pass
        finally:
            self._writing.shutdown()
        for writer in self._writers:
            try:
                writer.close()
            except Exception:  # already broken; the temporary file is removed below
                pass
        for temporary, _ in self._targets:
            temporary.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class DatasetLayout:
    directory: Path
    partition_by: tuple[str, ...] = ()

    @property
    def events(self) -> Path:
        return self.directory / "events"

    @property
    def documents(self) -> Path:
        return self.directory / "documents"

    def manifest_part(self, chunk_id: str) -> Path:
        return self.documents / f"part-{chunk_id}.parquet"

    def done_chunks(self) -> frozenset[str]:
        if not self.documents.is_dir():
            return frozenset()
        return frozenset(p.name[len("part-"):-len(".parquet")] for p in self.documents.glob("part-*.parquet"))


def prepare_directory(layout: DatasetLayout, settings: Mapping[str, object], resume: bool) -> None:
    """Create the dataset folder; a resumed run must use the settings of the first run."""
    directory = layout.directory
    run_file = directory / RUN_FILE
    if directory.exists() and not directory.is_dir():
        raise CoderError(f"cannot write {directory}: it is a file (give a new folder to -o)")
    if run_file.is_file():
        previous = json.loads(run_file.read_text(encoding="utf-8"))
        if not resume:
            raise CoderError(f"{directory} already holds a coding run; add --resume to continue it "
                             f"or give another folder")
        changed = sorted(k for k in settings if previous.get(k) != settings[k])
        if changed:
            raise CoderError(f"cannot resume {directory}: {', '.join(changed)} differ from the first run")
        remove_leftovers(directory)
        return
    if directory.is_dir() and any(directory.iterdir()):
        raise CoderError(f"cannot write {directory}: the folder is not empty and holds no coding run")
    try:
        layout.events.mkdir(parents=True, exist_ok=True)
        layout.documents.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CoderError(f"cannot write {directory}: {exc.strerror}") from None
    write_text_atomically(run_file, json.dumps(dict(settings), indent=2, sort_keys=True))


def remove_leftovers(directory: Path) -> None:
    """Files a killed run was writing aside (hidden, so readers never saw them) are dropped."""
    for stale in directory.rglob(".*.tmp"):
        stale.unlink(missing_ok=True)
    for staging in directory.glob(".stage-*"):
        shutil.rmtree(staging, ignore_errors=True)


def write_text_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)


UNKNOWN_PARTITION = "unknown"


def _with_partition_columns(table: pa.Table, partition_by: Sequence[str]) -> pa.Table:
    """Add ``year`` and give missing keys a value: pandas cannot read a hive dataset whose
    partition key is null in some folders (pyarrow: 'Cannot yet unify dictionaries with nulls')."""
    if "year" in partition_by:
        import pyarrow.compute as pc  # only partitioned runs need it: 25 ms less start-up for the others

        dates = pc.coalesce(table["event_date"], table["doc_date"])
        table = table.append_column("year", pc.year(dates).cast(pa.int32()).fill_null(0))
    for column in partition_by:
        if column != "year":
            index = table.schema.get_field_index(column)
            table = table.set_column(index, column, table[column].fill_null(UNKNOWN_PARTITION))
    return table


def write_chunk_parts(layout: DatasetLayout, chunk_id: str, batch: CodedBatch,
                      metadata: Mapping[str, str]) -> None:
    """Write one chunk's events (partitioned) and then its manifest part, each file atomically.

    Runs in any worker (local process or Dask): it depends only on its arguments.
    """
    table = events_table(batch.rows, metadata)
    if batch.rows:
        if layout.partition_by:
            _write_partitioned(layout, chunk_id, table)
        else:
            write_atomically(table, layout.events / f"part-{chunk_id}.parquet")
    write_atomically(manifest_table(batch.manifest, metadata), layout.manifest_part(chunk_id))


def _write_partitioned(layout: DatasetLayout, chunk_id: str, table: pa.Table) -> None:
    import pyarrow.dataset as ds  # only partitioned output needs it (and pandas, which it imports)

    metadata = table.schema.metadata
    table = _with_partition_columns(table, layout.partition_by)
    staging = Path(tempfile.mkdtemp(prefix=f".stage-{chunk_id}-", dir=layout.directory))
    try:
        ds.write_dataset(
            table, staging, format="parquet",
            partitioning=ds.partitioning(table.select(list(layout.partition_by)).schema, flavor="hive"),
            basename_template=f"part-{chunk_id}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            use_threads=False,  # file numbering must not depend on thread timing (resume rewrites names)
            file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
        )
        for written in sorted(staging.rglob("*.parquet")):
            relative = written.relative_to(staging)
            target = layout.events / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            # write_dataset drops schema metadata; put it back so every part file carries it
            part = pq.read_table(written).replace_schema_metadata(metadata)
            pq.write_table(part, written, compression="zstd")
            os.replace(written, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def validate_partition_by(columns: Sequence[str]) -> tuple[str, ...]:
    unknown = [c for c in columns if c not in PARTITION_COLUMNS]
    if unknown:
        raise CoderError(f"cannot partition by {', '.join(unknown)} "
                         f"(choose from {', '.join(sorted(PARTITION_COLUMNS))})")
    return tuple(columns)
