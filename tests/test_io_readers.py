"""Input readers: every format of SPEC, and every unreadable record accounted for."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.errors import InputError
from coder.io.readers import ReadOptions, Rejected, expand_inputs, parse_date, read_documents
from coder.model import Document

OPTIONS = ReadOptions()


@pytest.mark.parametrize("value, expected", [
    ("2020-05-09", dt.date(2020, 5, 9)), ("20200509", dt.date(2020, 5, 9)), ("", None), (None, None),
    ("2020-05-09T10:00:00Z", dt.date(2020, 5, 9)),
])
def test_readers_parse_date_accepts_spec_forms(value, expected):
    assert parse_date(value) == expected


def test_readers_parse_date_rejects_other_forms():
    with pytest.raises(ValueError, match="is not YYYY-MM-DD or YYYYMMDD"):
        parse_date("9-May-20")


def test_readers_csv_and_parquet_take_the_same_columns(tmp_path):
    rows = [{"id": "a", "text": "Troops shelled Idlib.", "date": "2020-05-01", "lang": "en", "source": "W"},
            {"id": "", "text": "no id", "date": "2020-05-01", "lang": "en", "source": ""}]
    with (tmp_path / "in.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "in.parquet")
    for name, first_position in (("in.csv", 2), ("in.parquet", 1)):
        records = list(read_documents(tmp_path / name, OPTIONS))
        assert isinstance(records[0], Document) and records[0].id == "a" and records[0].source == "W"
        assert records[0].position == first_position
        assert isinstance(records[1], Rejected) and records[1].reason == "record has no id"


def test_readers_jsonl_invalid_utf8_and_non_objects_are_rejected(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "x y z", "date": "2020-05-01"}\n\xff\xfe garbage\n[1, 2]\n\n')
    records = list(read_documents(path, OPTIONS))
    assert [type(r).__name__ for r in records] == ["Document", "Rejected", "Rejected"]
    assert records[1].reason.startswith("invalid UTF-8") and records[1].doc_id == "in.jsonl:2"
    assert records[2].reason == "JSON line is not an object"


def test_readers_conllu_file_is_one_document_per_newdoc(tmp_path):
    path = tmp_path / "parsed.conllu"
    path.write_text("# newdoc id = first\n# text = Arnor attacked Gondor.\n"
                    "1\tArnor\tArnor\tPROPN\t_\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\t_\t_\t0\troot\t_\t_\n"
                    "3\tGondor\tGondor\tPROPN\t_\t_\t2\tobj\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
                    "# newdoc id = second\n1\tHello\thello\tINTJ\t_\t_\t0\troot\t_\t_\n\n", encoding="utf-8")
    first, second = read_documents(path, ReadOptions(language="en"))
    assert (first.id, first.text, first.position) == ("first", "Arnor attacked Gondor.", 1)
    assert "attacked" in first.conllu
    assert (second.id, second.text) == ("second", "Hello")


def test_readers_folder_expands_to_known_files_and_missing_path_fails(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": "t"}) + "\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert expand_inputs([tmp_path]) == [tmp_path / "a.jsonl"]
    with pytest.raises(InputError, match="does not exist"):
        expand_inputs([tmp_path / "missing.jsonl"])
