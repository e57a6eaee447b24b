"""The rule engine on hand-built sentences: word order (lite) and dependency relations."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import load_codebook
from coder.engine.coder import EngineSettings, code_sentence
from tests.conftest import DATA, make_sentence


@pytest.fixture(scope="module")
def mini():
    return compile_codebook(load_codebook(DATA / "mini_codebook"))


def triples(sentence, cb, day=None, require_dyad=False):
    mentions = code_sentence(sentence, cb, day, EngineSettings(require_dyad=require_dyad))
    return [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
            for m in mentions]


@pytest.mark.parametrize("words, expected", [
    ("Arnor attacked Gondor .", [("ARN", "GON", "190")]),
    ("Arnorian troops attacked Gondorian villagers .", [("ARNMIL", "GONCVL", "190")]),
    ("Gondor was attacked by Arnor .", [("ARN", "GON", "190")]),
    ("Arnor struck Gondor from the air .", [("ARN", "GON", "195")]),
    ("Arnor did not attack Gondor .", []),
    ("Arnor raised its alert level .", [("ARN", None, "152")]),
    ("Arnor raised taxes .", []),
    ("Arnor met Aragorn in Gondor .", [("ARN", "GON", "043")]),
    ("Arnor met Aragorn .", [("ARN", "GONGOV", "040")]),
    ("Arnor attacked Gondor after a football match .", []),
])
def test_engine_english_word_order(mini, words, expected):
    sentence = make_sentence(words.split())
    assert triples(sentence, mini, dt.date(2005, 1, 1)) == expected


def test_engine_actor_code_follows_document_date(mini):
    sentence = make_sentence("Aragorn attacked Gondor .".split())
    assert triples(sentence, mini, dt.date(1995, 1, 1)) == [("ARNREB", "GON", "190")]
    assert triples(sentence, mini, dt.date(2005, 1, 1)) == [("GONGOV", "GON", "190")]


def test_engine_require_dyad_drops_one_actor_events(mini):
    sentence = make_sentence("Arnor raised its alert level .".split())
    assert triples(sentence, mini, require_dyad=True) == []


def test_engine_reported_event_comes_before_statement(mini):
    sentence = make_sentence("Arnor said Arnorian troops attacked Gondor .".split())
    assert triples(sentence, mini) == [("ARNMIL", "GON", "190"), ("ARN", "ARNMIL", "010")]


@pytest.mark.parametrize("words, expected", [
    # verb-subject-object, the order of Arabic news
    ("هاجمت قوات أرنور غوندور", [("ARNMIL", "GON", "190")]),
    # subject-verb-object
    ("قوات أرنور هاجمت غوندور", [("ARNMIL", "GON", "190")]),
    ("رفعت أرنور درجة التأهب", [("ARN", None, "152")]),
])
def test_engine_arabic_word_order(mini, words, expected):
    sentence = make_sentence(words.split(), language="ar")
    assert triples(sentence, mini) == expected


def test_engine_dependencies_decide_roles_over_word_order(mini):
    # "Gondor , Arnor attacked ." with Arnor as subject and Gondor fronted as object
    words = ["Gondor", ",", "Arnor", "attacked", "."]
    sentence = make_sentence(words, heads=[4, 4, 4, 0, 4], deprels=["obj", "punct", "nsubj", "root", "punct"])
    assert triples(sentence, mini) == [("ARN", "GON", "190")]


def test_engine_dependencies_passive_agent(mini):
    words = ["Gondor", "was", "attacked", "by", "Arnor", "."]
    sentence = make_sentence(words, heads=[3, 3, 0, 5, 3, 3],
                             deprels=["nsubj:pass", "aux:pass", "root", "case", "obl:agent", "punct"])
    assert triples(sentence, mini) == [("ARN", "GON", "190")]
