"""`coder eval`: arguments, printed figures, report files, and every error message with its exit code."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from coder.cli.eval_cmd import add_eval_command, run_eval
from coder.errors import CoderError

HEADER = {"format": "coder-gold/1", "suite": "cli", "language": "en", "date": "2020-05-01"}
CASES = [
    {"id": "right", "category": "svo", "text": "Turkish troops attacked Hezbollah.",
     "events": [{"source": "TURMIL", "target": "LBNREB", "code": "190"}]},
    {"id": "wrong", "category": "svo", "text": "Turkish troops attacked Hezbollah.",
     "events": [{"source": "TURMIL", "target": "LBNREB", "code": "195"}]},
]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="coder")
    add_eval_command(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "cli.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [HEADER, *CASES]), encoding="utf-8")
    return path


def test_eval_cli_prints_figures_and_writes_a_report(gold, tmp_path, capsys):
    report = tmp_path / "report"
    assert run_eval(parse_args(["eval", str(gold), "--report", str(report)])) == 0
    out = capsys.readouterr().out
    assert out.startswith("cli: 2 cases (coder format, parser lite), 1 wrong\n")
    assert "exact-set rate (full code)" in out and "1/2" in out and "coding speed" in out
    assert sorted(p.name for p in report.iterdir()) == ["report.html", "report.md", "results.json"]
    assert "wrong" in (report / "report.md").read_text(encoding="utf-8")


def test_eval_cli_baseline_counts_changes(gold, tmp_path, capsys):
    run_eval(parse_args(["eval", str(gold), "--report", str(tmp_path / "old")]))
    cases = [CASES[0], {**CASES[1], "events": [{"source": "TURMIL", "target": "LBNREB", "code": "190"}]}]
    gold.write_text("".join(json.dumps(r) + "\n" for r in [HEADER, *cases]), encoding="utf-8")
    capsys.readouterr()
    run_eval(parse_args(["eval", str(gold), "--baseline", str(tmp_path / "old" / "results.json")]))
    assert "since the baseline: 1 fixed, 0 broken, 0 different" in capsys.readouterr().out


@pytest.mark.parametrize(("extra", "message"), [
    (["--baseline", "{tmp}/nothing.json"], "baseline {tmp}/nothing.json does not exist "
                                           "(give the results.json of an earlier run)"),
    (["--parser", "conllu"], "--parser conllu needs a parse in every gold case; 2 case(s) of cli.jsonl have "
                             "none (first: right); use --parser lite"),
    (["--report", "{gold}"], "--report {gold} is a file; give a folder"),
])
def test_eval_cli_errors(gold, tmp_path, extra, message):
    argv = ["eval", str(gold), *(a.format(tmp=tmp_path, gold=gold) for a in extra)]
    with pytest.raises(CoderError) as info:
        run_eval(parse_args(argv))
    assert str(info.value) == message.format(tmp=tmp_path, gold=gold)


def test_eval_cli_missing_gold(tmp_path):
    with pytest.raises(CoderError) as info:
        run_eval(parse_args(["eval", str(tmp_path / "none.jsonl")]))
    assert str(info.value) == f"gold file {tmp_path / 'none.jsonl'} does not exist"


@pytest.mark.parametrize("limit", ["0", "x"])
def test_eval_cli_bad_limit_is_a_usage_error(gold, limit, capsys):
    with pytest.raises(SystemExit) as info:
        parse_args(["eval", str(gold), "--limit", limit])
    assert info.value.code == 2
    assert "argument --limit" in capsys.readouterr().err


def test_eval_cli_through_main_once_wired(gold, tmp_path, capsys):
    from coder.cli.main import build_parser, main

    try:
        build_parser().parse_args(["eval", str(gold)])
    except SystemExit:
        pytest.skip("coder eval is not wired into coder.cli.main yet")
    assert main(["eval", str(gold)]) == 0
    assert main(["eval", str(tmp_path / "none.jsonl")]) == 1
    assert capsys.readouterr().err == f"coder: gold file {tmp_path / 'none.jsonl'} does not exist\n"
