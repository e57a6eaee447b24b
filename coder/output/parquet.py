"""Rows -> Arrow tables -> Parquet, with the schema metadata pandas, R and polars all see."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from operator import attrgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder import __version__
from coder.errors import CoderError
from coder.schema import EVENTS_SCHEMA, MANIFEST_SCHEMA, SCHEMA_VERSION, EventRow, ManifestRow


def rows_to_table(rows: Sequence[object], schema: pa.Schema) -> pa.Table:
    if rows and getattr(rows[0], "_fields", None) == tuple(schema.names):
        # named tuples in the schema's order (EventRow, ManifestRow): transposed in one C call
        columns: list = list(zip(*rows, strict=True))
    else:
        # each column read by its schema name (the rows' fields are all scalars):
        # dataclasses.astuple deep-copies every value and cost a third of a whole run
        columns = [list(map(attrgetter(f.name), rows)) for f in schema]
    arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def events_table(rows: Sequence[EventRow], metadata: Mapping[str, str]) -> pa.Table:
    table = rows_to_table(rows, EVENTS_SCHEMA)
    return table.replace_schema_metadata({**metadata, "schema_version": SCHEMA_VERSION})


def manifest_table(rows: Sequence[ManifestRow], metadata: Mapping[str, str]) -> pa.Table:
    table = rows_to_table(rows, MANIFEST_SCHEMA)
    return table.replace_schema_metadata({**metadata, "schema_version": SCHEMA_VERSION})


def file_metadata(codebook_version: str, parser: str) -> dict[str, str]:
    return {"coder_version": __version__, "codebook_version": codebook_version, "parser": parser}


def manifest_path(events_path: Path) -> Path:
    """``out.parquet`` -> ``out.documents.parquet`` (SPEC)."""
    name = events_path.name
    stem = name[: -len(".parquet")] if name.endswith(".parquet") else name
    return events_path.with_name(stem + ".documents.parquet")


def write_atomically(table: pa.Table, path: Path) -> None:
    """Write beside the target, then rename: a reader never sees half a file."""
    directory = path.parent
    if not directory.is_dir():
        raise CoderError(f"cannot write {path}: folder {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise CoderError(f"cannot write {path}: {exc.strerror}") from None
    os.close(handle)
    try:
        pq.write_table(table, temporary, compression="zstd")
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise CoderError(f"cannot write {path}: {exc.strerror}") from None


def write_outputs(events: Sequence[EventRow], manifest: Sequence[ManifestRow], path: Path,
                  metadata: Mapping[str, str]) -> tuple[Path, Path]:
    write_atomically(events_table(events, metadata), path)
    documents = manifest_path(path)
    write_atomically(manifest_table(manifest, metadata), documents)
    return path, documents
