"""The command line contract: outputs, manifest, metadata, and every error message with its exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from coder.cli.main import main
from tests.conftest import REPO

SEEDS = REPO / "seeds" / "news_sample.jsonl"


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_code_seeds_writes_events_and_manifest(tmp_path, capsys):
    out = tmp_path / "events.parquet"
    assert main(["code", str(SEEDS), "-o", str(out)]) == 0
    events = pq.read_table(out)
    meta = {k.decode(): v.decode() for k, v in events.schema.metadata.items()}
    assert set(meta) >= {"coder_version", "codebook_version", "parser", "schema_version"}
    assert meta["parser"] == "lite"
    manifest = pq.read_table(tmp_path / "events.documents.parquet").to_pylist()
    assert [m["doc_id"] for m in manifest] == [json.loads(line)["id"] for line in SEEDS.read_text().splitlines()]
    assert all(m["status"] == "coded" for m in manifest)
    assert events.num_rows == sum(m["n_events"] for m in manifest)
    assert "events from 4 documents (0 rejected)" in capsys.readouterr().out


def test_cli_code_is_deterministic(tmp_path):
    first, second = tmp_path / "a.parquet", tmp_path / "b.parquet"
    assert main(["code", str(SEEDS), "-o", str(first)]) == 0
    assert main(["code", str(SEEDS), "-o", str(second)]) == 0
    assert pq.read_table(first).equals(pq.read_table(second))


def test_cli_code_bad_records_are_rejected_and_the_rest_coded(tmp_path):
    good = json.dumps({"id": "ok", "text": "Syrian troops shelled Idlib.", "date": "2020-05-01"})
    inputs = write_jsonl(tmp_path / "in.jsonl", [
        good,
        "{not json",
        json.dumps({"text": "no id here", "date": "2020-05-01"}),
        json.dumps({"id": "empty", "text": "   ", "date": "2020-05-01"}),
        json.dumps({"id": "fr", "text": "Les manifestants ont défilé dans les rues de la capitale.", "date": "2020-05-01"}),
        json.dumps({"id": "baddate", "text": "Troops shelled Idlib.", "date": "May fifth"}),
    ])
    out = tmp_path / "o.parquet"
    assert main(["code", str(inputs), "-o", str(out)]) == 0
    manifest = pq.read_table(tmp_path / "o.documents.parquet").to_pylist()
    by_position = {m["position"]: (m["doc_id"], m["status"], m["reason"]) for m in manifest}
    assert by_position[1][1] == "coded"
    assert by_position[2] == ("in.jsonl:2", "rejected", by_position[2][2])
    assert by_position[2][2].startswith("malformed JSON")
    assert by_position[3] == ("in.jsonl:3", "rejected", "record has no id")
    assert by_position[4] == ("empty", "rejected", "empty text")
    assert by_position[5][1] == "rejected" and "language" in by_position[5][2]
    assert by_position[6] == ("baddate", "rejected", "date 'May fifth' is not YYYY-MM-DD or YYYYMMDD")


def test_cli_code_text_file_with_lang_and_date(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("اشتبكت قوات الجيش الليبي أمس مع قوات حكومة الوفاق جنوب طرابلس.", encoding="utf-8")
    out = tmp_path / "o.parquet"
    assert main(["code", str(article), "--lang", "ar", "--date", "2020-04-22", "-o", str(out)]) == 0
    rows = pq.read_table(out).to_pylist()
    assert rows and rows[0]["doc_id"] == "article"
    assert str(rows[0]["event_date"]) == "2020-04-21"


def test_cli_code_missing_input_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["code", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.parquet")]) == 1
    err = capsys.readouterr().err
    assert err == f"coder: input {tmp_path / 'nope.jsonl'} does not exist\n"


def test_cli_code_unwritable_output_is_one_line_and_exit_1(tmp_path, capsys):
    out = tmp_path / "missing" / "o.parquet"
    assert main(["code", str(SEEDS), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"coder: cannot write {out}: folder {out.parent} does not exist\n"


def test_cli_code_bad_date_argument_exits_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["code", str(SEEDS), "-o", str(tmp_path / "o.parquet"), "--date", "tomorrow"])
    assert info.value.code == 2
    assert "date 'tomorrow' is not YYYY-MM-DD or YYYYMMDD" in capsys.readouterr().err


def test_cli_codebook_check_invalid_lists_problems(tmp_path, capsys):
    (tmp_path / "codebook.toml").write_text('name = "x"\n', encoding="utf-8")
    (tmp_path / "verbs.txt").write_text("verb A 999\n  en a\n", encoding="utf-8")
    assert main(["codebook", "check", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "verbs.txt:1: unknown CAMEO event code '999'" in err


def test_cli_codebook_check_default_prints_statistics(capsys):
    assert main(["codebook", "check", str(REPO / "codebooks" / "default")]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "ar:" in out and "en:" in out


def test_cli_codebook_check_a_folder_of_codebooks_checks_each(capsys):
    # `coder codebook check codebooks/`: the folder of our codebooks, as the README says
    assert main(["codebook", "check", str(REPO / "codebooks")]) == 0
    out = capsys.readouterr().out
    assert "codebook default" in out and "valid" in out and "20/20" in out


def test_cli_codebook_check_an_empty_folder_says_what_is_missing(tmp_path, capsys):
    assert main(["codebook", "check", str(tmp_path)]) == 1
    assert "codebook.toml is missing" in capsys.readouterr().err


def test_cli_runs_as_a_program_without_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "coder.cli.main", "code", str(tmp_path / "x.jsonl"),
                             "-o", str(tmp_path / "o.parquet")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
