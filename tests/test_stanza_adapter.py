"""The Stanza adapter on CoNLL-U fixtures: stanza Documents (from conll2doc) -> our sentences.

The same adapter reads the Documents a real pipeline produces (see test_stanza_pipeline.py),
so these tests pin its behaviour without a model: it must agree with the conllu front-end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coder.frontends.conllu import parse_conllu
from coder.frontends.keys import match_key

stanza = pytest.importorskip(
    "stanza", reason="the stanza extra is not installed (pip install 'event-coder[stanza]')")

from stanza.utils.conll import CoNLL  # noqa: E402

from coder.frontends.stanza import stanza_document_to_sentences  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "stanza"


def blocks(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [block + "\n" for block in text.strip().split("\n\n")]


def adapt(conllu: str, language: str, **kwargs) -> tuple:
    return stanza_document_to_sentences(CoNLL.conll2doc(input_str=conllu), language, **kwargs)


@pytest.mark.parametrize(("name", "language"), [("en_tiny.conllu", "en"), ("ar_mwt.conllu", "ar")])
def test_stanza_adapter_agrees_with_conllu_frontend(name: str, language: str) -> None:
    conllu = (DATA / name).read_text(encoding="utf-8")
    assert adapt(conllu, language) == parse_conllu(conllu, language)


@pytest.mark.parametrize("block", blocks("en_tiny.conllu")[:40])
def test_stanza_adapter_spans_are_the_words(block: str) -> None:
    (sentence,) = adapt(block, "en")
    assert sentence.has_heads
    for token in sentence.tokens:
        assert sentence.text[token.start:token.end] == token.form
        assert token.key == match_key(token.form, token.lemma, "en")


def test_stanza_adapter_multiword_tokens_share_the_surface_span() -> None:
    first = adapt(blocks("ar_mwt.conllu")[0], "ar")[0]
    assert first.text == "وقصفت القوات التركية مواقع في ليبيا."
    assert [t.form for t in first.tokens[:3]] == ["و", "قصفت", "القوات"]
    assert [(t.start, t.end) for t in first.tokens[:3]] == [(0, 5), (0, 5), (6, 12)]
    assert [(t.head, t.deprel) for t in first.tokens[:3]] == [(2, "cc"), (0, "root"), (2, "nsubj")]
    third = adapt(blocks("ar_mwt.conllu")[2], "ar")[0]
    preposition, city = third.tokens[4], third.tokens[5]
    assert (preposition.form, city.form) == ("ب", "القاهرة")
    assert third.text[preposition.start:preposition.end] == "بالقاهرة"
    assert (city.start, city.end) == (preposition.start, preposition.end)


def test_stanza_adapter_arabic_keys_ignore_lemmas() -> None:
    first = adapt(blocks("ar_mwt.conllu")[0], "ar")[0]
    forces = first.tokens[2]
    assert (forces.lemma, forces.key) == ("قوة", match_key("القوات", None, "ar"))


def test_stanza_adapter_unspecified_fields() -> None:
    second = adapt(blocks("ar_mwt.conllu")[1], "ar")[0]
    speaker = second.tokens[2]
    assert (speaker.form, speaker.lemma, speaker.feats) == ("المتحدث", "", "_")


def test_stanza_adapter_rebuilds_text_without_a_text_comment() -> None:
    conllu = ("1\tEgypt\tEgypt\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
              "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
              "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n")
    (sentence,) = adapt(conllu, "en")
    assert sentence.text == "Egypt condemned."
    assert [(t.start, t.end) for t in sentence.tokens] == [(0, 5), (6, 15), (15, 16)]
    assert sentence == parse_conllu(conllu, "en")[0]


def test_stanza_adapter_without_a_parse_has_no_heads() -> None:
    conllu = "# text = Egypt condemned Turkey\n" + "".join(
        f"{i}\t{w}\t_\t_\t_\t_\t_\t_\t_\t_\n" for i, w in enumerate(["Egypt", "condemned", "Turkey"], 1))
    (sentence,) = adapt(conllu, "en")
    assert not sentence.has_heads
    assert [(t.head, t.deprel, t.upos, t.lemma) for t in sentence.tokens] == [(None, None, "_", "")] * 3
    assert [t.key for t in sentence.tokens] == ["egypt", "condemn", "turkey"]


def test_stanza_adapter_sentence_indices_count_from_zero() -> None:
    sentences = adapt("\n".join(blocks("en_tiny.conllu")[:5]), "en")
    assert [s.index for s in sentences] == [0, 1, 2, 3, 4]


def test_stanza_adapter_key_function_is_used_and_cached() -> None:
    calls: list[tuple[str, str, str]] = []

    def key(form: str, lemma: str, language: str) -> str:
        calls.append((form, lemma, language))
        return form.upper()

    conllu = "\n".join(blocks("en_tiny.conllu")[:10])
    sentences = adapt(conllu, "en", key=key)
    forms = [t.form for s in sentences for t in s.tokens]
    assert [t.key for s in sentences for t in s.tokens] == [f.upper() for f in forms]
    assert len(calls) == len(set(calls)) < len(forms)
