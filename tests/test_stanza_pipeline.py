"""The stanza front-end end to end: a tiny model trained in this session, run by stanza.Pipeline.

The session fixture trains tokenizer, tagger, lemmatizer and parser on tests/data/stanza/
en_tiny.conllu (our own template sentences) into a temporary model folder, offline, in ~15 s,
and every test here reads that folder through the real ``stanza.Pipeline``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

stanza = pytest.importorskip(
    "stanza", reason="the stanza extra is not installed (pip install 'event-coder[stanza]')")

from coder.frontends.conllu import parse_conllu  # noqa: E402
from coder.frontends.stanza import StanzaFrontend  # noqa: E402
from tests.conftest import frontend_error_message as message  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "stanza"
REPO = Path(__file__).resolve().parents[1]
CODEBOOK = DATA / "codebook"


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model folder with a tiny English model, trained here (separate process: stanza's
    training code changes its logger and torch's thread count)."""
    folder = tmp_path_factory.mktemp("stanza_models")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, str(DATA / "train_tiny.py"), str(folder)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


@pytest.fixture(scope="session")
def frontend(tiny_models: Path) -> StanzaFrontend:
    return StanzaFrontend(tiny_models)


def gold() -> list:
    return list(parse_conllu((DATA / "en_tiny.conllu").read_text(encoding="utf-8"), "en"))


def test_stanza_pipeline_parses_text_into_sentences(frontend: StanzaFrontend) -> None:
    text = "The army attacked the rebels in Misrata.  Protesters gathered in Cairo on Monday."
    first, second = frontend.parse(text, "en")
    assert (first.index, first.text) == (0, "The army attacked the rebels in Misrata.")
    assert (second.index, second.text) == (1, "Protesters gathered in Cairo on Monday.")
    assert [t.form for t in first.tokens] == "The army attacked the rebels in Misrata .".split()
    for sentence in (first, second):
        assert sentence.language == "en" and sentence.has_heads
        assert sum(t.head == 0 for t in sentence.tokens) >= 1
        for token in sentence.tokens:
            assert sentence.text[token.start:token.end] == token.form
    attacked = first.tokens[2]
    assert (attacked.lemma, attacked.upos, attacked.key, attacked.head, attacked.deprel) == (
        "attack", "VERB", "attack", 0, "root")


def test_stanza_pipeline_learns_the_fixtures(frontend: StanzaFrontend) -> None:
    expected = gold()
    texts = [(s.text, "en") for s in expected]
    parsed = [sentence for doc in frontend.parse_many(texts) for sentence in doc]
    assert [s.text for s in parsed] == [s.text for s in expected]
    pairs = [(p, g) for ps, gs in zip(parsed, expected, strict=True)
             for p, g in zip(ps.tokens, gs.tokens, strict=True)]
    assert len(pairs) == sum(len(s.tokens) for s in expected)
    assert all((p.form, p.start, p.end) == (g.form, g.start, g.end) for p, g in pairs)
    upos = sum(p.upos == g.upos for p, g in pairs) / len(pairs)
    lemma = sum(p.lemma == g.lemma for p, g in pairs) / len(pairs)
    attachment = sum((p.head, p.deprel) == (g.head, g.deprel) for p, g in pairs) / len(pairs)
    assert upos > 0.9 and lemma > 0.95 and attachment > 0.6, (upos, lemma, attachment)


def test_stanza_pipeline_batches_one_bulk_call_per_language(frontend: StanzaFrontend,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [("Egypt condemned Turkey.", "en"), ("", "en"),
             ("Iran praised the court. Libya met Sudan.", "en"),
             ("The police arrested protesters in Tunis.", "en")]
    one_by_one = [frontend.parse(text, language) for text, language in texts]
    pipeline = frontend.pipeline("en")
    calls: list[int] = []
    real = pipeline.bulk_process

    def counting(documents, *args, **kwargs):
        calls.append(len(documents))
        return real(documents, *args, **kwargs)

    monkeypatch.setattr(pipeline, "bulk_process", counting)
    assert frontend.parse_many(texts) == one_by_one
    assert calls == [3]
    assert [len(doc) for doc in one_by_one] == [1, 0, 2, 1]


def test_stanza_pipeline_is_built_once_and_not_pickled(frontend: StanzaFrontend) -> None:
    assert frontend.pipeline("en") is frontend.pipeline("en")
    copy = pickle.loads(pickle.dumps(frontend))
    assert copy == frontend and copy._pipelines == {}
    assert copy.parse("Egypt condemned Turkey.", "en") == frontend.parse("Egypt condemned Turkey.", "en")


def test_stanza_pipeline_language_without_models(frontend: StanzaFrontend) -> None:
    folder = frontend.directory
    assert message(lambda: frontend.parse_many([("Egypt won.", "en"), ("فاز الفريق.", "ar")])) == (
        f"no Stanza models for language 'ar' in {folder}\n"
        f"  fetch them with `coder models download ar --dir {folder}`")


def test_stanza_pipeline_sentences_go_through_the_engine(frontend: StanzaFrontend) -> None:
    from coder.codebook.compile import compile_codebook
    from coder.codebook.load import load_codebook
    from coder.engine.coder import EngineSettings, code_sentence

    codebook = compile_codebook(load_codebook(CODEBOOK))
    day = dt.date(2020, 5, 1)

    def coded(sentence):
        return [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
                for m in code_sentence(sentence, codebook, day, EngineSettings(require_dyad=False))]

    (sentence,) = frontend.parse("Egypt condemned Turkey.", "en")
    assert coded(sentence) == [("EGY", "TUR", "122")]
    expected = gold()
    parsed = [doc[0] for doc in frontend.parse_many([(s.text, "en") for s in expected])]
    same = sum(coded(p) == coded(g) for p, g in zip(parsed, expected, strict=True))
    assert sum(bool(coded(g)) for g in expected) > 50
    assert same / len(expected) > 0.8


# --- broken model files (need a real load) -----------------------------------------------------


@pytest.fixture
def broken_copy(tiny_models: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    shutil.copytree(tiny_models, folder)
    return folder


@pytest.mark.parametrize(("damage", "error"), [
    (lambda data: b"not a model at all\n", "UnpicklingError"),
    (lambda data: data[: len(data) // 2], None),
])
def test_stanza_pipeline_corrupt_model_file(broken_copy: Path, damage, error: str | None) -> None:
    path = broken_copy / "en" / "pos" / "tiny.pt"
    path.write_bytes(damage(path.read_bytes()))
    text = message(lambda: StanzaFrontend(broken_copy).parse("Egypt condemned Turkey.", "en"))
    first, second = text.splitlines()
    assert first.startswith(f"Stanza model file {path} cannot be loaded (")
    if error:
        assert f"({error}: " in first
    assert second == ("  it is corrupt or incomplete: delete it and run "
                      f"`coder models download en --dir {broken_copy}`")


def test_stanza_pipeline_model_of_the_wrong_kind(broken_copy: Path) -> None:
    # an intact file that is not a tagger: nothing to blame but the folder's versions
    shutil.copyfile(broken_copy / "en" / "lemma" / "tiny.pt", broken_copy / "en" / "pos" / "tiny.pt")
    text = message(lambda: StanzaFrontend(broken_copy).parse("Egypt condemned Turkey.", "en"))
    first, second = text.splitlines()
    assert first.startswith(f"cannot load the Stanza models for 'en' from {broken_copy} (")
    assert second == (f"  they may come from another Stanza version: delete {broken_copy / 'en'} and run "
                      f"`coder models download en --dir {broken_copy}`")


def test_stanza_pipeline_file_stanza_misses_but_our_check_did_not(broken_copy: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import coder.frontends.stanza as frontend_module

    real = frontend_module.read_language_models

    def unchecked(directory: Path, language: str):
        models = real(directory, language)
        (directory / "en" / "depparse" / "tiny.pt").unlink()
        return models

    monkeypatch.setattr(frontend_module, "read_language_models", unchecked)
    first, second = message(lambda: StanzaFrontend(broken_copy).parse("Egypt won.", "en")).splitlines()
    assert first.startswith(f"cannot load the Stanza models for 'en' from {broken_copy} (FileNotFoundError: ")
    assert second == f"  fetch them with `coder models download en --dir {broken_copy}`"


def test_stanza_pipeline_resources_without_packages(broken_copy: Path) -> None:
    resources = json.loads((broken_copy / "resources.json").read_text())
    del resources["en"]["packages"]
    (broken_copy / "resources.json").write_text(json.dumps(resources))
    assert message(lambda: StanzaFrontend(broken_copy).parse("Egypt won.", "en")) == (
        f"{broken_copy / 'resources.json'} is malformed (no default packages for 'en')\n"
        f"  delete it and run `coder models download en --dir {broken_copy}`")


# --- the command line (once `coder code` has --models / --device) ------------------------------




def run_cli(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    from coder.cli.main import main

    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def code_args(news: Path, out: Path, models: Path) -> list[str]:
    return ["code", str(news), "-o", str(out), "--parser", "stanza", "--models", str(models),
            "--codebook", str(CODEBOOK), "-q"]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    records = [{"id": "a", "text": "Egypt condemned Turkey. Protesters gathered in Cairo on Monday.",
                "date": "2020-05-01", "lang": "en"},
               {"id": "b", "text": "Iran praised the court.", "date": "2020-05-02", "lang": "en"}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_stanza_pipeline_cli_codes_with_the_tiny_model(tiny_models: Path, news: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    code, stdout, stderr = run_cli(code_args(news, out, tiny_models), capsys)
    assert code == 0, stderr
    table = pq.read_table(out)
    assert set(table.column("parser").to_pylist()) == {"stanza"}
    assert ("EGY", "TUR", "122") in zip(table.column("source_actor").to_pylist(),
                                        table.column("target_actor").to_pylist(),
                                        table.column("cameo_code").to_pylist(), strict=True)
    manifest = pq.read_table(tmp_path / "events.documents.parquet").to_pylist()
    assert [(m["doc_id"], m["n_sentences"]) for m in manifest] == [("a", 2), ("b", 1)]


def test_stanza_pipeline_cli_empty_model_folder(news: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, stdout, stderr = run_cli(code_args(news, tmp_path / "e.parquet", empty), capsys)
    assert code == 1
    assert stderr == (f"coder: no Stanza models in {empty} (no resources.json there)\n"
                      f"  fetch them with `coder models download en ar --dir {empty}`, "
                      "or give --models DIR\n")


def test_stanza_pipeline_cli_corrupt_model_file(broken_copy: Path, news: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    path = broken_copy / "en" / "depparse" / "tiny.pt"
    path.write_bytes(b"garbage")
    code, stdout, stderr = run_cli(code_args(news, tmp_path / "e.parquet", broken_copy), capsys)
    assert code == 1
    lines = stderr.splitlines()
    assert len(lines) <= 3
    assert lines[0].startswith(f"coder: Stanza model file {path} cannot be loaded (")
    assert lines[1] == ("  it is corrupt or incomplete: delete it and run "
                        f"`coder models download en --dir {broken_copy}`")
    assert not (tmp_path / "e.parquet").exists()


def test_stanza_pipeline_cli_models_download_offline(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    for name in ("ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTPS_PROXY", "https_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")  # nobody listens: no network, at once
    folder = tmp_path / "m"
    code, stdout, stderr = run_cli(["models", "download", "en", "ar", "--dir", str(folder)], capsys)
    assert code == 1
    assert stderr == (f"coder: cannot download Stanza models (en ar) into {folder}: "
                      "no connection (ProxyError)\n"
                      "  check the network connection (or proxy settings), then run "
                      f"`coder models download en ar --dir {folder}` again\n")
