"""The single-file sink: chunks written by a background thread, in order, renamed into place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.batch.sinks import FileSink
from coder.model import Document
from coder.output.parquet import events_table, manifest_table
from coder.pipeline import Coder, code_documents

TEXTS = [
    "Police arrested five protesters in Baghdad on Monday.",
    "The Libyan National Army clashed with GNA forces near Tripoli.",
    "اشتبكت قوات الجيش الليبي أمس مع قوات حكومة الوفاق جنوب طرابلس.",
]
METADATA = {"coder_version": "t", "codebook_version": "t", "parser": "lite"}


def test_file_sink_writes_every_chunk_in_order(tmp_path: Path) -> None:
    coder = Coder()
    chunks = [code_documents([Document(id=f"d{c}-{i}", text=TEXTS[(c + i) % 3], date=dt.date(2020, 5, 1))
                              for i in range(4)], coder) for c in range(5)]
    sink = FileSink(tmp_path / "out.parquet", METADATA)
    for batch in chunks:
        sink.write(batch)
    events_path, documents_path = sink.close()
    events = pq.read_table(events_path)
    documents = pq.read_table(documents_path)
    assert events.column("doc_id").to_pylist() == [row.doc_id for b in chunks for row in b.rows]
    assert documents.column("doc_id").to_pylist() == [row.doc_id for b in chunks for row in b.manifest]
    assert events.num_rows > 5
    assert events.schema.metadata[b"parser"] == b"lite"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.documents.parquet", "out.parquet"]


def test_file_sink_error_in_the_writer_surfaces_and_abort_leaves_nothing(tmp_path: Path) -> None:
    sink = FileSink(tmp_path / "out.parquet", METADATA)
    wrong = pa.table({"not_a_column": [1, 2]})  # no cast to the events schema exists
    sink.write_tables(wrong, None)
    with pytest.raises((pa.ArrowInvalid, ValueError, KeyError)):
        sink.write_tables(None, None)  # the next write waits for the one before, and re-raises its error
    sink.abort()
    assert list(tmp_path.iterdir()) == []


def test_file_sink_error_at_close_is_raised(tmp_path: Path) -> None:
    sink = FileSink(tmp_path / "out.parquet", METADATA)
    batch = code_documents([Document(id="d", text=TEXTS[0], date=dt.date(2020, 5, 1))], Coder())
    sink.write_tables(events_table(batch.rows, {}), manifest_table(batch.manifest, {}).select([0]))
    with pytest.raises((pa.ArrowInvalid, ValueError, KeyError)):
        sink.close()
    sink.abort()
    assert list(tmp_path.iterdir()) == []
