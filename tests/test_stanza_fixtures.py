"""The fixtures the tiny Stanza model is trained on: generated, reproducible, well-formed UD."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from coder.frontends.conllu import parse_conllu

DATA = Path(__file__).resolve().parent / "data" / "stanza"


def load_generator():
    spec = importlib.util.spec_from_file_location("make_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stanza_fixtures_file_is_what_the_generator_writes() -> None:
    assert (DATA / "en_tiny.conllu").read_text(encoding="utf-8") == load_generator().render()


def test_stanza_fixtures_are_well_formed_trees() -> None:
    sentences = parse_conllu((DATA / "en_tiny.conllu").read_text(encoding="utf-8"), "en")
    assert len(sentences) == 200
    assert len({s.text for s in sentences}) > 150
    for sentence in sentences:
        assert sentence.has_heads
        assert [t.head for t in sentence.tokens].count(0) == 1
        assert all(t.deprel not in (None, "_") and t.upos != "_" and t.lemma for t in sentence.tokens)
        assert all(sentence.text[t.start:t.end] == t.form for t in sentence.tokens)
        for token in sentence.tokens:  # every word reaches the root
            seen, head = set(), token.id
            while head:
                assert head not in seen
                seen.add(head)
                head = sentence.tokens[head - 1].head


def test_stanza_fixtures_arabic_has_multiword_tokens() -> None:
    text = (DATA / "ar_mwt.conllu").read_text(encoding="utf-8")
    assert text.count("\n1-2\t") == 3 and "\n5-6\t" in text
    sentences = parse_conllu(text, "ar")
    assert [len(s.tokens) for s in sentences] == [8, 9, 7]
