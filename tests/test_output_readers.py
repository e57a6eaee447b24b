"""What users load: the events file and datasets through pandas, polars and DuckDB, metadata included."""

from __future__ import annotations

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq

from coder.cli.main import main
from tests.conftest import REPO

SEEDS = REPO / "seeds" / "news_sample.jsonl"


def test_output_file_metadata_and_types_seen_by_every_reader(tmp_path):
    out = tmp_path / "events.parquet"
    assert main(["code", str(SEEDS), "-o", str(out), "-q"]) == 0
    schema = pq.read_schema(out)
    assert schema.metadata[b"parser"] == b"lite"
    assert len(schema.metadata[b"codebook_version"]) == 16
    frame = pd.read_parquet(out)
    assert frame.attrs == {} or isinstance(frame.attrs, dict)
    assert str(frame["event_date"].dtype).startswith(("object", "date"))
    assert frame["cameo_code"].map(lambda c: c.isdigit() and len(c) >= 3).all()
    polars_frame = pl.read_parquet(out)
    assert polars_frame.schema["event_date"] == pl.Date
    assert polars_frame.schema["quad_class"] == pl.Int8
    assert polars_frame.height == len(frame)
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchall()[0][0]
    assert count == len(frame)


def test_output_partitioned_dataset_reads_as_one_table_everywhere(tmp_path):
    archive = tmp_path / "a.jsonl"
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    archive.write_text("\n".join(lines * 5) + "\n", encoding="utf-8")
    out = tmp_path / "ds"
    assert main(["code", str(archive), "-o", str(out), "--partition-by", "year,country", "-q",
                 "--chunk-size", "3"]) == 0
    total = pq.read_table(out / "events").num_rows
    manifest = pq.read_table(out / "documents").to_pylist()
    assert total == sum(m["n_events"] for m in manifest) > 0
    assert len(pd.read_parquet(out / "events")) == total
    frame = pl.read_parquet(str(out / "events" / "**" / "*.parquet"), hive_partitioning=True)
    assert frame.height == total and "country" in frame.columns
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/events/**/*.parquet', "
                       "hive_partitioning = true)").fetchall()[0][0]
    assert count == total
