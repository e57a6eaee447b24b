"""`coder models download`: arguments, output, and errors as the command line shows them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from coder.cli.models import add_models_command, run_models
from coder.errors import FrontendError
from coder.frontends.stanza import INSTALL_HINT


def parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="coder")
    add_models_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(args)


def test_stanza_models_cli_arguments(tmp_path: Path) -> None:
    args = parse(["models", "download", "en", "ar", "--dir", str(tmp_path), "--timeout", "30"])
    assert (args.command, args.models_command, args.languages, args.dir, args.timeout) == (
        "models", "download", ["en", "ar"], tmp_path, 30.0)
    defaults = parse(["models", "download", "ar"])
    assert (defaults.dir, defaults.timeout) == (None, 600.0)


@pytest.mark.parametrize(("args", "problem"), [
    (["models", "download"], "the following arguments are required: LANG"),
    (["models"], "the following arguments are required: ACTION"),
    (["models", "download", "en", "--timeout", "0"], "argument --timeout: '0' must be more than 0 seconds"),
    (["models", "download", "en", "--timeout", "soon"],
     "argument --timeout: 'soon' is not a number of seconds"),
])
def test_stanza_models_cli_bad_arguments(args: list[str], problem: str,
                                         capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exited:
        parse(args)
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(f"error: {problem}")


def test_stanza_models_cli_reports_where_models_went(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    seen = []

    def download(languages, directory, timeout):
        seen.append((languages, directory, timeout))
        return directory

    monkeypatch.setattr("coder.frontends.stanza.download_models", download)
    assert run_models(parse(["models", "download", "en", "ar", "en", "--dir", str(tmp_path)])) == 0
    assert seen == [(["en", "ar"], tmp_path, 600.0)]
    assert capsys.readouterr().out == (
        f"Stanza models for en ar are in {tmp_path}\n"
        f"use them with: coder code INPUT -o OUT.parquet --parser stanza --models {tmp_path}\n")


def test_stanza_models_cli_errors_are_coder_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def download(languages, directory, timeout):
        raise FrontendError("no connection")

    monkeypatch.setattr("coder.frontends.stanza.download_models", download)
    with pytest.raises(FrontendError, match="no connection"):
        run_models(parse(["models", "download", "en"]))


@pytest.mark.parametrize("command", [
    ["code", "news.jsonl", "-o", "out.parquet", "--parser", "stanza", "--models", "models"],
    ["models", "download", "en", "--dir", "models"],
])
def test_stanza_models_cli_without_the_extra(command: list[str], no_stanza: None, tmp_path: Path,
                                             capsys: pytest.CaptureFixture,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from coder.cli.main import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "news.jsonl").write_text('{"id": "a", "text": "Egypt won.", "lang": "en"}\n')
    assert main(command) == 1
    assert capsys.readouterr().err == (
        "coder: Stanza is not installed (No module named 'stanza'); --parser stanza and "
        "`coder models download` need it\n"
        f"  {INSTALL_HINT}\n")
    assert not (tmp_path / "out.parquet").exists()
