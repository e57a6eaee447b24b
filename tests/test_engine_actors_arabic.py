"""Arabic actor phrases by word order: where one phrase ends and the next begins."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import default_codebook_path, load_codebook
from coder.engine.actors import find_actors
from coder.frontends.lite import LiteFrontend


@pytest.fixture(scope="module")
def cb():
    return compile_codebook(load_codebook(default_codebook_path()))


@pytest.mark.parametrize("text, phrases", [
    # two definite agent nouns side by side: the protesters, then the government
    ("وطالب المتظاهرون الحكومة اللبنانية بإجراءات عاجلة.", ["المتظاهرون", "الحكومة اللبنانية"]),
    # a definite nisba adjective agrees with its noun: one phrase
    ("هاجمت القوات الحكومية مواقع المسلحين.", ["القوات الحكومية", "المسلحين"]),
])
def test_engine_actors_arabic_two_definite_nouns_are_two_phrases(cb, text, phrases):
    (sentence,) = LiteFrontend().parse(text, "ar")
    found = find_actors(sentence, cb, dt.date(2020, 4, 28))
    assert [a.text for a in found] == phrases
