"""Every known way the stanza front-end cannot run gives one short message naming the path and
what to do. Model-folder checks need no Stanza; the tests that import it skip without the extra.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coder.frontends.stanza import (
    INSTALL_HINT,
    StanzaFrontend,
    download_models,
    import_stanza,
    read_language_models,
)
from tests.conftest import frontend_error_message as message

REPO = Path(__file__).resolve().parents[1]
try:
    import stanza  # noqa: F401

    HAVE_STANZA = True
except ImportError:
    HAVE_STANZA = False
needs_stanza = pytest.mark.skipif(
    not HAVE_STANZA, reason="the stanza extra is not installed (pip install 'event-coder[stanza]')")

TINY = {"tokenize": "tiny", "pos": "tiny", "lemma": "tiny", "depparse": "tiny"}


def write_models(directory: Path, language: str = "en", processors: dict | None = None,
                 entry: dict | None = None, files: bool = True) -> Path:
    """A model folder with a one-language resources.json and (empty-but-present) model files."""
    processors = TINY if processors is None else processors
    if entry is None:
        entry = {"packages": {"default": processors}, **{p: {v: {}} for p, v in processors.items()}}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "resources.json").write_text(json.dumps({language: entry}), encoding="utf-8")
    if files:
        for name, package in processors.items():
            path = directory / language / name / f"{package}.pt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(b"PK placeholder")
    return directory


def hint(language: str, directory: Path) -> str:
    return f"`coder models download {language} --dir {directory}`"


def test_stanza_errors_folder_does_not_exist(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    assert message(lambda: read_language_models(folder, "en")) == (
        f"no Stanza models in {folder} (the folder does not exist)\n"
        f"  fetch them with {hint('en', folder)}, or give --models DIR")


def test_stanza_errors_empty_folder(tmp_path: Path) -> None:
    assert message(lambda: read_language_models(tmp_path, "ar")) == (
        f"no Stanza models in {tmp_path} (no resources.json there)\n"
        f"  fetch them with {hint('ar', tmp_path)}, or give --models DIR")


@pytest.mark.parametrize(("content", "problem"), [
    ('{"en": ', "JSONDecodeError: Expecting value: line 1 column 8 (char 7)"),
    ("[1, 2]", "not a JSON object"),
    ('{"en": 3}', "the entry for 'en' is not an object"),
    ('{"en": {"lang_name": "English"}}', "no default packages for 'en'"),
    ('{"en": {"packages": {"default": {"tokenize": "tiny", "pos": "tiny"}}}}',
     "no lemma, depparse model for 'en'"),
])
def test_stanza_errors_malformed_resources(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / "resources.json").write_text(content, encoding="utf-8")
    assert message(lambda: read_language_models(tmp_path, "en")) == (
        f"{tmp_path / 'resources.json'} is malformed ({problem})\n"
        f"  delete it and run {hint('en', tmp_path)}")


def test_stanza_errors_resources_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "resources.json").write_bytes(b"\xff\xfe\x00")
    assert "resources.json is malformed (UnicodeDecodeError" in message(
        lambda: read_language_models(tmp_path, "en"))


def test_stanza_errors_language_not_in_resources(tmp_path: Path) -> None:
    write_models(tmp_path, "en")
    assert message(lambda: read_language_models(tmp_path, "ar")) == (
        f"no Stanza models for language 'ar' in {tmp_path}\n  fetch them with {hint('ar', tmp_path)}")


def test_stanza_errors_language_folder_missing(tmp_path: Path) -> None:
    write_models(tmp_path, "ar", files=False)
    assert message(lambda: read_language_models(tmp_path, "ar")) == (
        f"no Stanza models for language 'ar' in {tmp_path} ({tmp_path / 'ar'} is missing)\n"
        f"  fetch them with {hint('ar', tmp_path)}")


def test_stanza_errors_model_file_missing(tmp_path: Path) -> None:
    write_models(tmp_path)
    missing = tmp_path / "en" / "pos" / "tiny.pt"
    missing.unlink()
    assert message(lambda: read_language_models(tmp_path, "en")) == (
        f"Stanza model file {missing} is missing\n  fetch it with {hint('en', tmp_path)}")


def test_stanza_errors_dependency_file_missing(tmp_path: Path) -> None:
    entry = {"packages": {"default": TINY}, "tokenize": {"tiny": {}}, "lemma": {"tiny": {}},
             "pos": {"tiny": {"dependencies": [{"model": "pretrain", "package": "conll17"}]}},
             "depparse": {"tiny": {"dependencies": [{"model": "pretrain", "package": "conll17"}]}}}
    write_models(tmp_path, entry=entry)
    pretrain = tmp_path / "en" / "pretrain" / "conll17.pt"
    assert message(lambda: read_language_models(tmp_path, "en")) == (
        f"Stanza model file {pretrain} is missing\n  fetch it with {hint('en', tmp_path)}")
    pretrain.parent.mkdir()
    pretrain.write_bytes(b"PK")
    models = read_language_models(tmp_path, "en")
    assert models.files.count(pretrain) == 1


def test_stanza_errors_empty_model_file(tmp_path: Path) -> None:
    write_models(tmp_path)
    empty = tmp_path / "en" / "depparse" / "tiny.pt"
    empty.write_bytes(b"")
    assert message(lambda: read_language_models(tmp_path, "en")) == (
        f"Stanza model file {empty} cannot be loaded (the file is empty)\n"
        f"  it is corrupt or incomplete: delete it and run {hint('en', tmp_path)}")


def test_stanza_errors_good_folder_lists_processors_and_files(tmp_path: Path) -> None:
    processors = {**TINY, "mwt": "tiny", "lemma": "identity"}
    write_models(tmp_path, processors={k: v for k, v in processors.items() if k != "lemma"})
    resources = json.loads((tmp_path / "resources.json").read_text())
    resources["en"]["packages"]["default"] = {**processors, "ner": "big", "sentiment": "big"}
    resources["English"] = {"alias": "en"}
    (tmp_path / "resources.json").write_text(json.dumps(resources))
    models = read_language_models(tmp_path, "English")
    assert models.language == "en"
    assert models.processors == {"tokenize": "tiny", "mwt": "tiny", "pos": "tiny", "lemma": "identity",
                                 "depparse": "tiny"}
    assert sorted(p.parent.name for p in models.files) == ["depparse", "mwt", "pos", "tokenize"]


@pytest.mark.parametrize("device", ["tpu", "cpu:0", "gpu"])
def test_stanza_errors_unknown_device(device: str) -> None:
    assert message(lambda: StanzaFrontend(device=device)) == (
        f"unknown device {device!r} for --parser stanza (choose cpu or cuda)")


def test_stanza_errors_frontend_is_built_without_io(tmp_path: Path) -> None:
    frontend = StanzaFrontend(tmp_path / "absent", "cuda:1")
    assert (frontend.models_dir, frontend.device) == (tmp_path / "absent", "cuda:1")
    assert not (tmp_path / "absent").exists()


# --- without the extra -------------------------------------------------------------------------


NOT_INSTALLED = ("Stanza is not installed (No module named 'stanza'); --parser stanza and "
                 f"`coder models download` need it\n  {INSTALL_HINT}")


def test_stanza_errors_not_installed(no_stanza: None, tmp_path: Path) -> None:
    assert message(import_stanza) == NOT_INSTALLED
    assert message(lambda: StanzaFrontend(tmp_path).check()) == NOT_INSTALLED
    assert message(lambda: StanzaFrontend(tmp_path).parse("Egypt condemned Turkey.", "en")) == NOT_INSTALLED
    assert "pip install 'event-coder[stanza]'" in NOT_INSTALLED and "torch==2.13.0" in NOT_INSTALLED


def test_stanza_errors_not_installed_blank_text_needs_no_stanza(no_stanza: None, tmp_path: Path) -> None:
    assert StanzaFrontend(tmp_path).parse_many([("", "en"), (" \n", "ar")]) == [(), ()]


def test_stanza_errors_stanza_tests_skip_with_a_reason_without_the_extra(tmp_path: Path) -> None:
    # run the other stanza test modules in a fresh interpreter where `import stanza` fails
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import sys\nsys.modules['stanza'] = None\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    tests = ["tests/test_stanza_adapter.py", "tests/test_stanza_pipeline.py", "tests/test_stanza_errors.py",
             "tests/test_stanza_models_cli.py", "-k", "not skip_with_a_reason"]
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *tests],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    reason = "the stanza extra is not installed (pip install 'event-coder[stanza]')"
    for module in ("test_stanza_adapter", "test_stanza_pipeline"):
        assert re.search(rf"SKIPPED \[1\] tests/{module}\.py:\d+: {re.escape(reason)}", done.stdout)


# --- with stanza -------------------------------------------------------------------------------


@needs_stanza
def test_stanza_errors_check_names_the_folder(tmp_path: Path) -> None:
    assert message(lambda: StanzaFrontend(tmp_path).check()) == (
        f"no Stanza models in {tmp_path} (no resources.json there)\n"
        f"  fetch them with {hint('en ar', tmp_path)}, or give --models DIR")
    assert message(lambda: StanzaFrontend(tmp_path).check(["ar"])).startswith(
        f"no Stanza models in {tmp_path} (no resources.json there)\n  fetch them with {hint('ar', tmp_path)}")


@needs_stanza
def test_stanza_errors_default_folder_from_environment(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "env"))
    assert StanzaFrontend().directory == tmp_path / "env"
    assert f"no Stanza models in {tmp_path / 'env'} " in message(lambda: StanzaFrontend().check())


@needs_stanza
def test_stanza_errors_parse_checks_the_folder_first(tmp_path: Path) -> None:
    write_models(tmp_path, "en")
    assert message(lambda: StanzaFrontend(tmp_path).parse("مرحبا", "ar")) == (
        f"no Stanza models for language 'ar' in {tmp_path}\n  fetch them with {hint('ar', tmp_path)}")


@needs_stanza
def test_stanza_errors_cuda_without_a_gpu(tmp_path: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA device")
    write_models(tmp_path)
    assert message(lambda: StanzaFrontend(tmp_path, "cuda").check(["en"])) == (
        f"--device cuda: torch {torch.__version__} sees no CUDA device\n"
        "  use --device cpu, or install a CUDA build of torch")


# --- coder models download ---------------------------------------------------------------------


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    # loading a pipeline elsewhere in this session may have set it; downloads need it unset
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)


@pytest.fixture
def no_network(online: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy nobody listens on: requests fails at once, with or without internet."""
    for name in ("ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")


@needs_stanza
def test_stanza_errors_download_without_network(no_network: None, tmp_path: Path) -> None:
    folder = tmp_path / "models"
    assert message(lambda: download_models(["en", "ar"], folder, timeout=60)) == (
        f"cannot download Stanza models (en ar) into {folder}: no connection (ProxyError)\n"
        f"  check the network connection (or proxy settings), then run {hint('en ar', folder)} again")


@needs_stanza
def test_stanza_errors_download_to_stanzas_default_folder(no_network: None, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza.resources.common as common

    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    monkeypatch.setattr(common, "DEFAULT_MODEL_DIR", str(tmp_path / "default"))
    assert message(lambda: download_models(["en"])).startswith(
        f"cannot download Stanza models (en) into {tmp_path / 'default'}: no connection")


@needs_stanza
def test_stanza_errors_download_connection_refused(online: None, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import requests
    import stanza.resources.common as common

    def refuse(*args, **kwargs):
        raise requests.exceptions.ConnectionError("Failed to resolve 'raw.githubusercontent.com'")

    monkeypatch.setattr(common, "download_resources_json", refuse)
    assert message(lambda: download_models(["ar"], tmp_path, timeout=60)) == (
        f"cannot download Stanza models (ar) into {tmp_path}: no connection (ConnectionError)\n"
        f"  check the network connection (or proxy settings), then run {hint('ar', tmp_path)} again")


@needs_stanza
def test_stanza_errors_download_times_out(online: None, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza.resources.common as common

    monkeypatch.setattr(common, "download_resources_json", lambda *a, **k: time.sleep(1.0))
    started = time.perf_counter()
    assert message(lambda: download_models(["en"], tmp_path, timeout=0.1)) == (
        f"downloading Stanza models (en) into {tmp_path} timed out after 0.1 s\n"
        "  check the network connection, or retry with a longer --timeout")
    assert time.perf_counter() - started < 0.9


@needs_stanza
def test_stanza_errors_download_http_error(online: None, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import requests
    import stanza.resources.common as common

    def not_found(*args, **kwargs):
        response = requests.Response()
        response.status_code = 404
        raise requests.exceptions.HTTPError("404 Client Error", response=response)

    monkeypatch.setattr(common, "download_resources_json", not_found)
    assert message(lambda: download_models(["en"], tmp_path, timeout=60)) == (
        f"cannot download Stanza models (en) into {tmp_path}: the server answered HTTP 404\n"
        f"  run {hint('en', tmp_path)} again later")


@needs_stanza
def test_stanza_errors_download_while_hub_offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert message(lambda: download_models(["en"], tmp_path, timeout=60)) == (
        "HF_HUB_OFFLINE is set in the environment, so no model can be downloaded\n"
        f"  unset it and run {hint('en', tmp_path)} again")


@needs_stanza
def test_stanza_errors_download_unknown_language(online: None, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza.resources.common as common

    monkeypatch.setattr(common, "download_resources_json", lambda d, *a, **k: write_models(Path(d)))
    assert message(lambda: download_models(["xx"], tmp_path, timeout=60)) == (
        "Stanza has no models for language 'xx'\n  give language codes such as en or ar")


@needs_stanza
def test_stanza_errors_download_unwritable_folder(online: None, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    text = message(lambda: download_models(["en"], blocker / "models", timeout=60))
    assert text.startswith(f"cannot write Stanza models into {blocker / 'models'} (")
    assert text.endswith("\n  give a writable folder with --dir")


@needs_stanza
def test_stanza_errors_download_fetches_only_the_processors_we_run(online: None, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import stanza
    import stanza.resources.common as common

    def resources_json(directory, *args, **kwargs):
        write_models(Path(directory), processors={**TINY, "mwt": "tiny"}, files=False)
        data = json.loads((Path(directory) / "resources.json").read_text())
        data["en"]["packages"]["default"].update(ner="ontonotes", sentiment="sstplus")
        (Path(directory) / "resources.json").write_text(json.dumps(data))

    asked: list[tuple[str, dict]] = []

    def download(language, model_dir, package, processors, download_json, logging_level):
        assert (package, download_json, logging_level) == (None, False, "INFO")
        asked.append((language, processors))
        write_models(Path(model_dir), processors={**TINY, "mwt": "tiny"})

    monkeypatch.setattr(common, "download_resources_json", resources_json)
    monkeypatch.setattr(stanza, "download", download)
    assert download_models(["en"], tmp_path, timeout=60) == tmp_path
    assert asked == [("en", {"tokenize": "tiny", "mwt": "tiny", "pos": "tiny", "lemma": "tiny",
                             "depparse": "tiny"})]
