"""Shared fixtures: sentences built by hand, the shared reference folder, a tiny codebook."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from coder.frontends.keys import match_key
from coder.model import Sentence, Token

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def make_sentence(words: list[str], language: str = "en", heads: list[int] | None = None,
                  deprels: list[str] | None = None, lemmas: list[str] | None = None,
                  index: int = 0) -> Sentence:
    """A sentence from words (and optionally UD heads/relations), offsets computed from spaces."""
    tokens = []
    pos = 0
    for i, word in enumerate(words):
        lemma = lemmas[i] if lemmas else None
        upos = "PUNCT" if not any(ch.isalnum() for ch in word) else "X"
        tokens.append(Token(id=i + 1, form=word, lemma=lemma or word, upos=upos,
                            key=match_key(word, lemma, language),
                            head=heads[i] if heads else None, deprel=deprels[i] if deprels else None,
                            start=pos, end=pos + len(word)))
        pos += len(word) + 1
    return Sentence(index=index, text=" ".join(words), tokens=tuple(tokens), language=language)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared reference data is absent")
    return SHARED


# The stanza end-to-end tests (a tiny model trained in the session, run through the real
# stanza.Pipeline) are reported by name at the end of every run, so CI's log shows their outcome.
END_TO_END = ("test_stanza_pipeline_cli_codes_with_the_tiny_model",
              "test_stanza_pipeline_sentences_go_through_the_engine")
_END_TO_END_OUTCOMES: dict[str, str] = {}


@pytest.fixture
def no_stanza(monkeypatch: pytest.MonkeyPatch) -> None:
    """Imports of stanza fail, as where the extra is not installed."""
    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name == "stanza" or name.startswith("stanza."):
            raise ModuleNotFoundError("No module named 'stanza'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)


def frontend_error_message(call) -> str:
    """The message of the FrontendError ``call`` raises, checked to fit in three lines."""
    from coder.errors import FrontendError

    with pytest.raises(FrontendError) as caught:
        call()
    text = str(caught.value)
    assert len(("coder: " + text).splitlines()) <= 3
    return text


def pytest_runtest_logreport(report):
    name = report.nodeid.rsplit("::", 1)[-1]
    if name in END_TO_END and (report.when == "call" or report.outcome != "passed"):
        _END_TO_END_OUTCOMES[name] = report.outcome.upper()


def pytest_terminal_summary(terminalreporter):
    for name in END_TO_END:
        outcome = _END_TO_END_OUTCOMES.get(name, "NOT RUN")
        terminalreporter.write_line(f"stanza tiny-model end-to-end: {name} {outcome}")
