"""Arabic rows: a bare agent of an event at a place of a known country takes that country in its
CAMEO code, as ACLED names it ("Protesters (Iraq)"); one with a country of its own keeps it."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.incidents.gazetteer import load_tables
from coder.incidents.places import arabic_hits
from coder.model import Document
from coder.pipeline import Coder, code_documents
from tests.conftest import make_sentence

DAY = dt.date(2020, 5, 9)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def first(coder: Coder, text: str, language: str = "ar"):
    rows = code_documents([Document(id="t", text=text, date=DAY, language=language)], coder).rows
    return rows[0]


@pytest.mark.parametrize(("text", "source", "target"), [
    ("تظاهر مئات المتظاهرين في الموصل احتجاجا على البطالة.", "IRQCVL", None),
    ("قتل مسلحون خمسة أشخاص في كركوك.", "IRQREB", "IRQCVL"),
    # a country of their own outvotes the place
    ("تظاهر مئات المتظاهرين المصريين في الموصل.", "EGYCVL", None),
])
def test_incidents_arabic_bare_agents_take_the_country_of_the_place(coder: Coder, text: str, source: str,
                                                                    target: str | None) -> None:
    row = first(coder, text)
    assert (row.source_actor, row.target_actor) == (source, target)
    assert row.source_country == source[:3]


def test_incidents_arabic_protest_without_actors_is_an_event(coder: Coder) -> None:
    row = first(coder, "خرجت مظاهرات في الموصل.")
    # by unnamed protesters, of the place's country
    assert (row.cameo_code, row.source_actor, row.target_actor, row.iso3) == ("141", "IRQCVL", None, "IRQ")


def test_incidents_arabic_bare_agents_of_a_sentence_without_a_place_take_the_documents_country(
        coder: Coder) -> None:
    text = "تظاهر مئات المتظاهرين في الموصل احتجاجا على البطالة.\nواعتقلت قوات الأمن عشرة متظاهرين."
    rows = code_documents([Document(id="t", text=text, date=DAY, language="ar")], coder).rows
    arrest = next(r for r in rows if r.sentence_index == 1 and r.cameo_root == "17")
    assert (arrest.source_actor, arrest.target_actor) == ("IRQCOP", "IRQCVL")


def test_incidents_english_bare_agents_keep_no_country(coder: Coder) -> None:
    row = first(coder, "Two Iraqi policemen were shot dead by gunmen in Baghdad.", "en")
    assert row.source_actor == "---UAF"


@pytest.mark.parametrize(("words", "places"), [
    # «ان» (Ans, Belgium), «كان» (Caen), «خرج» (Al Kharj) are words before they are towns
    ("قال ان المتظاهرين كان خرج", []),
    ("تظاهر المتظاهرون في الموصل", ["الموصل"]),
])
def test_incidents_arabic_common_words_are_no_towns(words: str, places: list[str]) -> None:
    sentence = make_sentence(words.split(), language="ar")
    assert [h.text for h in arabic_hits(sentence, load_tables())] == places


@pytest.mark.parametrize(("text", "source", "target"), [
    # an attack whose doers go unnamed is an unidentified armed group's (ACLED's practice)
    ("انفجرت سيارة مفخخة في الموصل.", "IRQUAF", None),
    # the count after a killing is its victims
    ("قتل خمسة أشخاص في كركوك.", "IRQUAF", "IRQCVL"),
    # named doers stay
    ("قتل مسلحون خمسة أشخاص في كركوك.", "IRQREB", "IRQCVL"),
])
def test_incidents_arabic_unnamed_attackers(coder: Coder, text: str, source: str, target: str | None) -> None:
    row = first(coder, text)
    assert (row.source_actor, row.target_actor) == (source, target)


def test_incidents_arabic_who_undergoes_an_attack_is_its_target(coder: Coder) -> None:
    # «تعرض X لهجوم»: X underwent the attack
    row = first(coder, "تعرضت دورية للشرطة العراقية لهجوم مسلح.")
    assert (row.cameo_code, row.target_actor) == ("190", "IRQCOP")


@pytest.mark.parametrize("text", [
    "تظاهر مئات المحتجين اللبنانيين يوم الاثنين أمام مصرف لبنان في بيروت احتجاجا على انهيار الليرة.",
    "شنت جماعة الحوثي أمس هجوما على مواقع الجيش اليمني غرب مدينة مأرب في اليمن.",
    "قصفت القوات التركية قرى في ريف حلب الشمالي وسان فرناندو ولا باز ونيو يورك.",
])
def test_incidents_arabic_names_by_keys_read_as_the_phrase_index(text: str) -> None:
    """The look-up of names by their words' keys finds what the phrase index finds, readings in the
    same order."""
    from coder.frontends.lite import LiteFrontend
    from coder.incidents.places import _indexed_hits

    tables = load_tables()
    for sentence in LiteFrontend(vocabulary=tables.vocabulary("ar")).parse(text, "ar"):
        assert arabic_hits(sentence, tables) == _indexed_hits(sentence, tables)
