"""The ``stanza`` front-end: Stanza's neural UD pipeline, run offline from a local model folder.

Tokenisation, multi-word-token expansion (Arabic clitics), POS, lemmas and the dependency parse
come from Stanza; :func:`stanza_document_to_sentences` turns its Documents into our
:class:`Sentence` records, so the rule engine sees the same tokens whichever front-end ran.
The same adapter reads Documents built from CoNLL-U (``CoNLL.conll2doc``), which is how the
tests feed it fixtures without a model.

Nothing here touches the network: pipelines are always built with ``download_method=None``
and ``HF_HUB_OFFLINE=1``. :func:`download_models` (``coder models download``) is the one
explicit way to fetch models. Every failure we know of (no resources file, a malformed one, a
language not downloaded, a missing or corrupt model file, no network while downloading)
becomes a :class:`FrontendError` of at most three lines that names the path and what to do.

Stanza and torch are an optional extra, imported only when a pipeline is needed.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder.errors import FrontendError
from coder.model import Sentence, Token

logger = logging.getLogger(__name__)

KeyFunction = Callable[[str, str, str], str]

# The processors we run, in Stanza's order; mwt only where the language has one.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
REQUIRED = ("tokenize", "pos", "lemma", "depparse")
DEVICES = ("cpu", "cuda")
DEFAULT_DOWNLOAD_TIMEOUT = 600.0
INSTALL_HINT = ("install it with: pip install 'event-coder[stanza]' "
                "(on a machine without a GPU, first: pip install torch==2.13.0, the CPU build)")


def import_stanza(*, offline: bool = True) -> Any:
    """The ``stanza`` module, or a FrontendError that says how to install it.

    ``offline`` sets ``HF_HUB_OFFLINE=1`` (unless the environment already says otherwise) before
    the first import, so huggingface_hub never retries a download while a pipeline loads.
    """
    if offline:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
    stanza_logger = logging.getLogger("stanza")
    if stanza_logger.level == logging.NOTSET:
        # stanza sets its logger to INFO on import unless the application chose a level
        stanza_logger.setLevel(logging.WARNING)
    try:
        import stanza
    except ImportError as exc:
        raise FrontendError(f"Stanza is not installed ({exc}); --parser stanza and `coder models download` "
                            f"need it\n  {INSTALL_HINT}") from None
    return stanza


def default_models_dir() -> Path:
    """``STANZA_RESOURCES_DIR`` when set, else Stanza's own default folder."""
    configured = os.environ.get("STANZA_RESOURCES_DIR")
    if configured:
        return Path(configured)
    import_stanza(offline=False)  # callers that parse have imported it offline already
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


def _download_hint(language: str, directory: Path) -> str:
    return f"`coder models download {language} --dir {directory}`"


# --- resources.json and model files ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LanguageModels:
    """What a model folder holds for one language: Stanza's processor -> package, and the files."""

    language: str
    processors: dict[str, str]
    files: tuple[Path, ...]


def read_resources(directory: Path, hint: str) -> dict:
    """The folder's resources.json as a dict, or a FrontendError saying how to get a good one."""
    resources_path = directory / "resources.json"
    if not resources_path.is_file():
        where = "the folder does not exist" if not directory.is_dir() else "no resources.json there"
        raise FrontendError(f"no Stanza models in {directory} ({where})\n"
                            f"  fetch them with {hint}, or give --models DIR")
    try:
        resources = json.loads(resources_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise _malformed(resources_path, f"{type(exc).__name__}: {exc}", hint) from None
    if not isinstance(resources, dict):
        raise _malformed(resources_path, "not a JSON object", hint)
    return resources


def read_language_models(directory: Path, language: str) -> LanguageModels:
    """Check the folder's resources.json and model files for ``language`` (no model is loaded).

    Raises FrontendError naming the path and `coder models download` when resources.json is
    absent or malformed, the language is not downloaded, or a model file is missing or empty.
    """
    hint = _download_hint(language, directory)
    resources_path = directory / "resources.json"
    resources = read_resources(directory, hint)
    entry, language = _language_entry(resources, language, resources_path, hint)
    if entry is None:
        raise FrontendError(f"no Stanza models for language {language!r} in {directory}\n"
                            f"  fetch them with {hint}")
    packages = entry.get("packages")
    defaults = packages.get("default") if isinstance(packages, dict) else None
    if not isinstance(defaults, dict):
        raise _malformed(resources_path, f"no default packages for {language!r}", hint)
    processors = {name: defaults[name] for name in PROCESSORS if isinstance(defaults.get(name), str)}
    missing = [name for name in REQUIRED if name not in processors]
    if missing:
        raise _malformed(resources_path, f"no {', '.join(missing)} model for {language!r}", hint)
    language_dir = directory / language
    if not language_dir.is_dir():
        raise FrontendError(f"no Stanza models for language {language!r} in {directory} "
                            f"({language_dir} is missing)\n  fetch them with {hint}")
    files = _model_files(directory, language, entry, processors)
    for path in files:
        if not path.is_file():
            raise FrontendError(f"Stanza model file {path} is missing\n  fetch it with {hint}")
        if path.stat().st_size == 0:
            raise _corrupt(path, "the file is empty", hint)
    return LanguageModels(language, processors, files)


def _language_entry(resources: dict, language: str, path: Path, hint: str) -> tuple[dict | None, str]:
    entry = resources.get(language)
    for _ in range(5):  # follow aliases ("Arabic" -> "ar"), never in a loop
        if not isinstance(entry, dict) or "alias" not in entry:
            break
        language = str(entry["alias"])
        entry = resources.get(language)
    if entry is not None and not isinstance(entry, dict):
        raise _malformed(path, f"the entry for {language!r} is not an object", hint)
    return entry, language


def _model_files(directory: Path, language: str, entry: dict, processors: dict[str, str]) -> tuple[Path, ...]:
    files: list[Path] = []
    for name, package in processors.items():
        if name == "lemma" and package == "identity":
            continue
        files.append(directory / language / name / f"{package}.pt")
        described = entry.get(name, {}).get(package, {}) if isinstance(entry.get(name), dict) else {}
        for dependency in described.get("dependencies", []) if isinstance(described, dict) else []:
            if isinstance(dependency, dict) and "model" in dependency and "package" in dependency:
                path = directory / language / dependency["model"] / f"{dependency['package']}.pt"
                if path not in files:
                    files.append(path)
    return tuple(files)


def _malformed(path: Path, what: str, hint: str) -> FrontendError:
    return FrontendError(f"{path} is malformed ({_one_line(what)})\n  delete it and run {hint}")


def _corrupt(path: Path, what: str, hint: str) -> FrontendError:
    return FrontendError(f"Stanza model file {path} cannot be loaded ({_one_line(what)})\n"
                         f"  it is corrupt or incomplete: delete it and run {hint}")


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _damaged_file(files: Iterable[Path]) -> Path | None:
    """The first model file torch cannot load the way Stanza loads it (only after a failed load:
    it reads every file again)."""
    import torch

    for path in files:
        try:
            torch.load(path, map_location="cpu", weights_only=True)
        except Exception:  # noqa: BLE001 - pickle, zip, EOF and torch errors all mean "damaged"
            return path
    return None


# --- the front-end ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StanzaFrontend:
    """Stanza pipelines for a model folder and a device; one pipeline per language, built on use.

    ``models_dir`` None means ``STANZA_RESOURCES_DIR`` or Stanza's default folder. Building the
    object does no I/O; pickling it (for worker processes) drops the loaded pipelines.
    """

    models_dir: Path | None = None
    device: str = "cpu"
    _pipelines: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        base = self.device.split(":", 1)[0]
        if base not in DEVICES or (base == "cpu" and self.device != "cpu"):
            raise FrontendError(f"unknown device {self.device!r} for --parser stanza (choose cpu or cuda)")

    def __getstate__(self) -> dict[str, Any]:
        return {"models_dir": self.models_dir, "device": self.device}

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "models_dir", state["models_dir"])
        object.__setattr__(self, "device", state["device"])
        object.__setattr__(self, "_pipelines", {})

    @property
    def directory(self) -> Path:
        return Path(self.models_dir) if self.models_dir is not None else default_models_dir()

    def check(self, languages: Iterable[str] = ()) -> None:
        """Fail early, before a batch starts: Stanza installed, resources.json readable, and the
        model files of ``languages`` present. Loads no model (a corrupt file shows at load)."""
        import_stanza()
        directory = self.directory
        languages = tuple(languages)
        if not languages:
            read_resources(directory, _download_hint("en ar", directory))
        for language in languages:
            read_language_models(directory, language)
        self._check_device()

    def pipeline(self, language: str) -> Any:
        """The loaded Stanza pipeline for ``language`` (built once, then reused)."""
        pipeline = self._pipelines.get(language)
        if pipeline is None:
            pipeline = self._pipelines[language] = self._load(language)
        return pipeline

    def parse(self, text: str, language: str) -> tuple[Sentence, ...]:
        """One document's sentences (prefer :meth:`parse_many`: Stanza is fast in batches)."""
        return self.parse_many([(text, language)])[0]

    def parse_many(self, texts: Sequence[tuple[str, str]]) -> list[tuple[Sentence, ...]]:
        """Sentences of each (text, language) pair, in order.

        The documents of one language go through its pipeline in one bulk call, so Stanza
        batches sentences across documents. Blank texts give no sentences.
        """
        results: list[tuple[Sentence, ...]] = [()] * len(texts)
        by_language: dict[str, list[int]] = {}
        for position, (text, language) in enumerate(texts):
            if text and not text.isspace():
                by_language.setdefault(language, []).append(position)
        if not by_language:
            return results
        stanza = import_stanza()
        keys: dict[tuple[str, str, str], str] = {}
        for language, positions in by_language.items():
            pipeline = self.pipeline(language)
            documents = [stanza.Document([], text=texts[p][0]) for p in positions]
            try:
                parsed = pipeline.bulk_process(documents)
            except RuntimeError as exc:
                if "out of memory" not in str(exc):
                    raise
                raise FrontendError(f"Stanza ran out of memory on {self.device} "
                                    f"({_one_line(exc, 100)})\n  use a smaller --chunk-size, "
                                    "or --device cpu") from None
            for position, document in zip(positions, parsed, strict=True):
                results[position] = stanza_document_to_sentences(
                    document, language, text=texts[position][0], _keys=keys)
        return results

    def _check_device(self) -> None:
        if self.device == "cpu":
            return
        import torch

        if not torch.cuda.is_available():
            raise FrontendError(f"--device {self.device}: torch {torch.__version__} sees no CUDA device\n"
                                "  use --device cpu, or install a CUDA build of torch")

    def _load(self, language: str) -> Any:
        stanza = import_stanza()
        directory = self.directory
        models = read_language_models(directory, language)
        self._check_device()
        hint = _download_hint(language, directory)
        verbose = logging.getLogger("coder").isEnabledFor(logging.DEBUG)
        logger.info("loading the Stanza models for %s from %s on %s: %s", models.language, directory,
                    self.device, ", ".join(f"{k}={v}" for k, v in models.processors.items()))
        try:
            return stanza.Pipeline(
                models.language, dir=str(directory), processors=dict(models.processors), package=None,
                download_method=None, device=self.device,
                # stanza logs load failures itself; the FrontendError below says it once
                logging_level="INFO" if verbose else "CRITICAL")
        except FileNotFoundError as exc:
            missing = getattr(exc, "model_path", None) or exc.filename
            if missing:
                problem = f"Stanza model file {missing} is missing\n  fetch it with {hint}"
            else:
                problem = (f"cannot load the Stanza models for {language!r} from {directory} "
                           f"(FileNotFoundError: {_one_line(exc, 120)})\n  fetch them with {hint}")
            raise FrontendError(problem) from None
        except Exception as exc:  # noqa: BLE001 - torch/pickle/zip raise many types for one cause
            damaged = _damaged_file(models.files)
            if damaged is not None:
                raise _corrupt(damaged, f"{type(exc).__name__}: {exc}", hint) from None
            raise FrontendError(
                f"cannot load the Stanza models for {language!r} from {directory} "
                f"({type(exc).__name__}: {_one_line(exc, 120)})\n"
                f"  they may come from another Stanza version: delete {directory / language} "
                f"and run {hint}") from None


# --- Stanza Document -> our sentences --------------------------------------------------------


def stanza_document_to_sentences(document: Any, language: str, *, text: str | None = None,
                                 key: KeyFunction | None = None,
                                 _keys: dict[tuple[str, str, str], str] | None = None,
                                 ) -> tuple[Sentence, ...]:
    """Our sentences from a Stanza Document (from a pipeline or from ``CoNLL.conll2doc``).

    ``text`` is the text the document was parsed from (default ``document.text``). Where the
    tokens carry character offsets into it, ``Sentence.text`` is the exact slice of that text
    and token offsets point into it. Otherwise (CoNLL-U) the sentence text is the ``# text``
    comment, else the tokens joined as their ``SpaceAfter`` says, and tokens are located in it.
    The words of a multi-word token share its span. ``Token.key`` is
    ``key(form, lemma, language)``, by default :func:`coder.frontends.keys.match_key`.
    """
    if key is None:
        from coder.frontends.keys import match_key as key
    keys = {} if _keys is None else _keys
    source = document.text if text is None else text
    sentences: list[Sentence] = []
    for stanza_sentence in document.sentences:
        surface_tokens = stanza_sentence.tokens
        if not surface_tokens:
            continue
        sentence_text, spans = _sentence_text(stanza_sentence, surface_tokens, source)
        tokens: list[Token] = []
        for unit, surface in enumerate(surface_tokens):
            start, end = spans[unit]
            for word in surface.words:
                form = word.text
                lemma = word.lemma if word.lemma not in (None, "_") or form == "_" else ""
                if lemma is None:
                    lemma = ""
                cache_key = (form, lemma, language)
                match = keys.get(cache_key)
                if match is None:
                    match = keys[cache_key] = key(form, lemma, language)
                tokens.append(Token(
                    id=len(tokens) + 1, form=form, lemma=lemma, upos=word.upos or "_", key=match,
                    feats=word.feats or "_", head=word.head, deprel=word.deprel or None,
                    start=start, end=end))
        sentences.append(Sentence(index=len(sentences), text=sentence_text, tokens=tuple(tokens),
                                  language=language))
    return tuple(sentences)


def _sentence_text(stanza_sentence: Any, surface_tokens: Sequence[Any], source: str | None,
                   ) -> tuple[str, list[tuple[int, int]]]:
    first, last = surface_tokens[0], surface_tokens[-1]
    if source is not None and first.start_char is not None and last.end_char is not None \
            and all(t.start_char is not None and t.end_char is not None for t in surface_tokens):
        base = first.start_char
        sentence_text = source[base:last.end_char]
        spans = [(t.start_char - base, t.end_char - base) for t in surface_tokens]
        if all(sentence_text[s:e] == t.text for (s, e), t in zip(spans, surface_tokens, strict=True)):
            return sentence_text, spans
    from coder.frontends.conllu import _locate

    surfaces = [t.text for t in surface_tokens]
    sentence_text = stanza_sentence.text
    if not sentence_text:
        gaps = [t.spaces_after if t.spaces_after is not None else " " for t in surface_tokens]
        sentence_text = "".join(s + g for s, g in zip(surfaces, gaps, strict=True)).rstrip()
    return sentence_text, _locate(sentence_text, surfaces)


# --- the one explicit download ---------------------------------------------------------------


def download_models(languages: Sequence[str], models_dir: Path | None = None,
                    timeout: float = DEFAULT_DOWNLOAD_TIMEOUT) -> Path:
    """Fetch the models ``--parser stanza`` uses for ``languages`` into ``models_dir``.

    Downloads resources.json, then for each language only the processors we run (not NER,
    sentiment or constituency). Gives up after ``timeout`` seconds in all. Returns the folder.
    Raises FrontendError (one message, naming the folder) on no network, a timeout, an unknown
    language or an unwritable folder.
    """
    stanza = import_stanza(offline=False)
    directory = Path(models_dir) if models_dir is not None else default_models_dir()
    wanted = " ".join(languages)
    if os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on"):
        raise FrontendError("HF_HUB_OFFLINE is set in the environment, so no model can be downloaded\n"
                            f"  unset it and run `coder models download {wanted} --dir {directory}` again")
    failure: list[BaseException] = []

    def fetch() -> None:
        try:
            _fetch(stanza, directory, languages)
        except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
            failure.append(exc)

    # Stanza's own requests have no timeout; a daemon thread lets us give up on them.
    worker = threading.Thread(target=fetch, name="stanza-download", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise FrontendError(f"downloading Stanza models ({wanted}) into {directory} timed out "
                            f"after {timeout:g} s\n  check the network connection, or retry with a "
                            "longer --timeout")
    if failure:
        raise _download_error(failure[0], directory, wanted) from None
    for language in languages:
        read_language_models(directory, language)
    return directory


def _fetch(stanza: Any, directory: Path, languages: Sequence[str]) -> None:
    from stanza.resources.common import download_resources_json

    directory.mkdir(parents=True, exist_ok=True)
    download_resources_json(str(directory))
    resources = json.loads((directory / "resources.json").read_text(encoding="utf-8"))
    for language in languages:
        entry, resolved = _language_entry(resources, language, directory / "resources.json", "")
        if entry is None:
            raise _UnknownLanguage(language)
        defaults = entry.get("packages", {}).get("default", {})
        processors = {name: defaults[name] for name in PROCESSORS if name in defaults}
        # INFO: stanza then says what it fetches and shows progress bars
        stanza.download(resolved, model_dir=str(directory), package=None, processors=processors,
                        download_json=False, logging_level="INFO")


class _UnknownLanguage(Exception):
    pass


def _download_error(exc: BaseException, directory: Path, wanted: str) -> FrontendError:
    retry = f"`coder models download {wanted} --dir {directory}`"
    if isinstance(exc, _UnknownLanguage):
        return FrontendError(f"Stanza has no models for language {exc.args[0]!r}\n"
                             "  give language codes such as en or ar")
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if isinstance(status, int):
        return FrontendError(f"cannot download Stanza models ({wanted}) into {directory}: the server "
                             f"answered HTTP {status}\n  run {retry} again later")
    if _is_network_error(exc):
        return FrontendError(f"cannot download Stanza models ({wanted}) into {directory}: no connection "
                             f"({type(exc).__name__})\n  check the network connection (or proxy settings), "
                             f"then run {retry} again")
    if isinstance(exc, OSError):
        return FrontendError(f"cannot write Stanza models into {directory} "
                             f"({type(exc).__name__}: {_one_line(exc, 100)})\n"
                             "  give a writable folder with --dir")
    return FrontendError(f"downloading Stanza models ({wanted}) into {directory} failed "
                         f"({type(exc).__name__}: {_one_line(exc, 100)})\n  run {retry} again")


def _is_network_error(exc: BaseException) -> bool:
    """requests, urllib3, huggingface_hub and socket failures (their classes vary by version)."""
    for cls in type(exc).__mro__:
        module = cls.__module__.split(".", 1)[0]
        if module in ("requests", "urllib3", "huggingface_hub", "socket", "ssl", "http"):
            return True
        if cls in (ConnectionError, TimeoutError):
            return True
    return False
