"""Batch coding: process pool, directory datasets, partitions, resume after SIGKILL, Dask."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from coder.cli.main import main

SENTENCES_EN = [
    "Syrian government forces shelled villages in southern Idlib yesterday, killing three civilians.",
    "Protesters rallied in Beirut on Monday against rising prices.",
    "Police arrested five protesters in Baghdad.",
    "The Libyan National Army clashed with GNA forces near Tripoli.",
]
SENTENCES_AR = [
    "اشتبكت قوات الجيش الليبي أمس مع قوات حكومة الوفاق جنوب طرابلس.",
    "تظاهر مئات المحتجين في بيروت احتجاجا على ارتفاع الأسعار.",
]


def make_archive(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            if i % 97 == 13:
                handle.write("{broken json\n")
                continue
            arabic = i % 3 == 0
            pool = SENTENCES_AR if arabic else SENTENCES_EN
            record = {"id": f"d{i % 150}", "date": f"20{19 + i % 2}-05-0{1 + i % 9}",
                      "text": pool[i % len(pool)] + " " + pool[(i + 1) % len(pool)]}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def read_dataset(directory: Path):
    events = ds.dataset(directory / "events", format="parquet", partitioning="hive").to_table()
    documents = ds.dataset(directory / "documents", format="parquet").to_table()
    return events, documents


def canonical(table, drop=()):
    rows = table.drop_columns([c for c in drop if c in table.column_names]).to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_batch_workers_give_the_same_file_as_one_worker(tmp_path):
    archive = make_archive(tmp_path / "a.jsonl", 300)
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    assert main(["code", str(archive), "-o", str(one), "--workers", "1", "--chunk-size", "40", "-q"]) == 0
    assert main(["code", str(archive), "-o", str(two), "--workers", "2", "--chunk-size", "40", "-q"]) == 0
    assert pq.read_table(one).equals(pq.read_table(two))
    manifest = pq.read_table(tmp_path / "one.documents.parquet").to_pylist()
    assert [m["position"] for m in manifest] == list(range(1, 301))


def test_batch_duplicate_ids_are_coded_and_flagged(tmp_path):
    archive = make_archive(tmp_path / "a.jsonl", 200)
    out = tmp_path / "o.parquet"
    assert main(["code", str(archive), "-o", str(out), "--workers", "1", "-q"]) == 0
    manifest = pq.read_table(tmp_path / "o.documents.parquet").to_pylist()
    second = next(m for m in manifest if m["position"] == 151)
    assert second["doc_id"] == "d0" and second["status"] != "rejected"
    assert second["reason"] == "duplicate id (first seen at a.jsonl:1)"


def test_batch_size_limit_rejects_with_reason(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps({"id": "big", "date": "2020-05-01", "text": "Troops shelled Idlib. " * 100}) + "\n",
                       encoding="utf-8")
    out = tmp_path / "o.parquet"
    assert main(["code", str(archive), "-o", str(out), "--max-chars", "500", "-q"]) == 0
    (row,) = pq.read_table(tmp_path / "o.documents.parquet").to_pylist()
    assert row["status"] == "rejected" and row["reason"].startswith("document too large (2,200 characters")


def test_batch_partitioned_dataset_reads_as_one_table(tmp_path):
    archive = make_archive(tmp_path / "a.jsonl", 200)
    out = tmp_path / "ds"
    assert main(["code", str(archive), "-o", str(out), "--partition-by", "year,country", "--chunk-size", "50",
                 "--workers", "2", "-q"]) == 0
    events, documents = read_dataset(out)
    assert documents.num_rows == 200
    assert {"year", "country"} <= set(events.column_names)
    part = next((out / "events").rglob("*.parquet"))
    inside = pq.read_table(part)
    assert "year" not in inside.column_names and "country" not in inside.column_names
    assert b"codebook_version" in inside.schema.metadata
    flat = tmp_path / "flat.parquet"
    assert main(["code", str(archive), "-o", str(flat), "-q", "--workers", "1"]) == 0
    assert events.num_rows == pq.read_table(flat).num_rows


def test_batch_existing_run_needs_resume(tmp_path, capsys):
    archive = make_archive(tmp_path / "a.jsonl", 20)
    out = tmp_path / "ds"
    assert main(["code", str(archive), "-o", str(out), "-q"]) == 0
    assert main(["code", str(archive), "-o", str(out), "-q"]) == 1
    assert "add --resume to continue it" in capsys.readouterr().err
    assert main(["code", str(archive), "-o", str(out), "-q", "--resume"]) == 0
    assert "1 chunks already done" in capsys.readouterr().out


def test_batch_resume_after_sigkill_codes_every_document_once(tmp_path):
    archive = make_archive(tmp_path / "a.jsonl", 3000)
    reference = tmp_path / "reference"
    assert main(["code", str(archive), "-o", str(reference), "--chunk-size", "25", "--workers", "1", "-q"]) == 0
    killed = tmp_path / "killed"
    command = [sys.executable, "-m", "coder.cli.main", "code", str(archive), "-o", str(killed),
               "--chunk-size", "25", "--workers", "1", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list((killed / "documents").glob("part-*.parquet"))) < 10:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = {p.name: p.stat().st_mtime_ns for p in (killed / "documents").glob("part-*.parquet")}
    assert 0 < len(finished_before) < 120, "the run should be killed mid-way"
    assert main(["code", str(archive), "-o", str(killed), "--chunk-size", "25", "--workers", "2", "-q",
                 "--resume"]) == 0
    for name, mtime in finished_before.items():
        assert (killed / "documents" / name).stat().st_mtime_ns == mtime, "a finished chunk was rewritten"
    events, documents = read_dataset(killed)
    ref_events, ref_documents = read_dataset(reference)
    assert documents.num_rows == 3000
    assert sorted(documents.column("position").to_pylist()) == list(range(1, 3001))
    assert canonical(documents) == canonical(ref_documents)
    assert canonical(events) == canonical(ref_events)
    assert not list(killed.rglob("*.tmp")), "no half-written file may remain visible"


def test_batch_dask_engine_gives_the_same_rows(tmp_path):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    archive = make_archive(tmp_path / "a.jsonl", 120)
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["code", str(archive), "-o", str(local), "--chunk-size", "30", "--workers", "1", "-q"]) == 0
    assert main(["code", str(archive), "-o", str(dask), "--chunk-size", "30", "--workers", "2", "-q",
                 "--engine", "dask"]) == 0
    local_events, local_documents = read_dataset(local)
    dask_events, dask_documents = read_dataset(dask)
    assert canonical(dask_events) == canonical(local_events)
    assert canonical(dask_documents) == canonical(local_documents)


def test_batch_run_returns_what_it_froze_to_the_collector(tmp_path):
    """A run keeps its codebook out of the cyclic collector while it runs, and gives it back."""
    import gc

    archive = make_archive(tmp_path / "a.jsonl", 5)
    before = gc.get_freeze_count()
    assert main(["code", str(archive), "-o", str(tmp_path / "one.parquet"), "--workers", "1", "-q"]) == 0
    assert gc.get_freeze_count() == before == 0
