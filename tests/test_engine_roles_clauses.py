"""Word-order roles across anchors and actor phrases (the lite front-end, default codebook): an
anchor that ends an actor phrase, a noun that is the topic of a negated or speech verb, and an
Arabic verb coordinated with the clause before it."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import default_codebook_path, load_codebook
from coder.engine.coder import EngineSettings, code_sentence
from coder.engine.roles import topic_of
from coder.engine.verbs import find_verbs
from coder.frontends.lite import LiteFrontend

DAY = dt.date(2020, 5, 5)


@pytest.fixture(scope="module")
def cb():
    return compile_codebook(load_codebook(default_codebook_path()))


def sentence_of(text, language):
    (sentence,) = LiteFrontend().parse(text, language)
    return sentence


def mentions(cb, text, language="en"):
    found = code_sentence(sentence_of(text, language), cb, DAY, EngineSettings())
    return [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
            for m in found]


@pytest.mark.parametrize("text, expected", [
    # the anchor "drone strike" begins inside the actor phrase "GNA drones"
    ("GNA drones struck an LNA supply convoy south of Tripoli.", ("LBYGOV", "LBYMIL", "195")),
    ("Israeli drones struck a Hamas position in Gaza.", ("ISRMIL", "PSEREB", "195")),
    ("Turkish drones struck Kurdish fighters near Kobani.", ("TURMIL", "---REB", "195")),
])
def test_engine_roles_anchor_ending_an_actor_phrase_is_that_actors(cb, text, expected):
    assert expected in mentions(cb, text)


def test_engine_roles_anchor_inside_an_actor_name_is_part_of_the_name(cb):
    # "State" (a statement verb) lies wholly inside "Islamic State fighters"
    assert mentions(cb, "Islamic State fighters attacked the army.") == [("IMGMUSISI", "---MIL", "190")]


@pytest.mark.parametrize("text", [
    "The Syrian army did not comment on the shelling.",
    "Israel has not commented on the airstrike.",
    "The government declined to comment on the attack.",
])
def test_engine_roles_noun_topic_of_negated_or_speech_verb_has_no_doer(cb, text):
    # the subject of "comment" did not do what the noun names
    assert [m for m in mentions(cb, text) if m[2][:2] in ("18", "19")] == []


@pytest.mark.parametrize("text, expected", [
    ("Hamas claimed responsibility for the attack.", ("PSEREB", None, "190")),
    ("Israel announced airstrikes on Gaza.", ("ISR", None, "195")),
])
def test_engine_roles_claimed_or_announced_event_keeps_its_doer(cb, text, expected):
    assert expected in mentions(cb, text)


def test_engine_roles_topic_of_finds_the_negated_verb(cb):
    sentence = sentence_of("The Syrian army did not comment on the shelling.", "en")
    hits = find_verbs(sentence, cb)
    shelling = next(h for h in hits if h.code == "194")
    topic = topic_of(sentence, shelling, hits)
    assert topic is not None and sentence.tokens[topic].form == "comment"
    # the verb itself is no topic of anything
    comment = next(h for h in hits if h.start == topic)
    assert topic_of(sentence, comment, hits) is None


@pytest.mark.parametrize("text, expected", [
    # a verb joined by «و» with no subject after it shares the subject of the clause before it,
    # not that clause's object (the nearest actor before it)
    ("شنت جماعة الحوثي أمس هجوماً واسعاً على مواقع الجيش اليمني غرب مدينة مأرب، واشتبكت مع قوات الجيش لساعات.",
     ("YEMREB", "YEMMIL", "193")),
    ("قصفت القوات التركية مواقع المسلحين الأكراد ثم اشتبكت مع قوات الجيش السوري.",
     ("TURMIL", "SYRMIL", "193")),
    # an actor after «مع» is no subject of the coordinated verb but its target
    ("هاجم مسلحو داعش مواقع الجيش العراقي في كركوك واشتبكوا مع قوات الأمن.", ("IMGMUSISI", "---COP", None)),
])
def test_engine_roles_arabic_coordinated_verb_shares_the_subject(cb, text, expected):
    found = mentions(cb, text, "ar")
    assert any(m[:2] == expected[:2] and (expected[2] is None or m[2] == expected[2]) for m in found), found


def test_engine_roles_arabic_coordinated_verb_with_its_own_subject_keeps_it(cb):
    found = mentions(cb, "هاجمت جماعة الحوثي مواقع الجيش اليمني، واشتبك الجيش مع المسلحين.", "ar")
    assert ("YEMMIL", "YEMREB", "193") in found


@pytest.mark.parametrize("text, language, speaker", [
    # the noun after «إن» / "that" is the reported clause's subject, not the speaker's act
    ("وقال مصدر عسكري إن الاشتباكات أسفرت عن مقتل ثلاثة جنود.", "ar", "مصدر عسكري"),
    ("Israel said that the shelling of Gaza would continue.", "en", "Israel"),
])
def test_engine_roles_reported_event_is_not_the_speakers(cb, text, language, speaker):
    found = code_sentence(sentence_of(text, language), cb, DAY, EngineSettings())
    assert [m for m in found if m.code[:2] in ("18", "19") and m.source is not None
            and m.source.text == speaker] == [], found


def test_engine_roles_reported_gerund_keeps_the_speaker(cb):
    # "that removing ...": no noun phrase of its own, the speaker is its doer
    text = "US authorities said yesterday that removing the sanctions on Burma is out of the question."
    found = mentions(cb, text)
    assert ("USAGOV", "MMR", "1244") in found


@pytest.mark.parametrize("text, expected", [
    # «قبل أن تنسحب»: who withdrew is who clashed, not the army they clashed with
    ("شنت جماعة الحوثي هجوماً على مواقع الجيش اليمني، واشتبكت مع قوات الجيش لساعات قبل أن تنسحب.",
     ("YEMREB", "0874")),
    # a noun of purpose of the clause's own kind is the same doers' («احتجاجاً على»), not the bank's
    ("تظاهر مئات المحتجين اللبنانيين يوم الاثنين أمام مصرف لبنان في بيروت احتجاجاً على انهيار الليرة "
     "وارتفاع الأسعار.", ("LBNCVL", "1412")),
])
def test_engine_roles_arabic_subordinate_and_purpose_share_the_subject(cb, text, expected):
    found = mentions(cb, text, "ar")
    assert [m[0] for m in found if m[2] == expected[1]] == [expected[0]], found


@pytest.mark.parametrize("text, source", [
    # a subordinate verb with its own subject keeps it
    ("انسحب الجيش من المدينة بعد أن هاجمها المسلحون.", "---REB"),
    # an attack of another kind than the clause's bombing is not the bombers' («الذين شنوا هجوماً»)
    ("قصفت الطائرات الروسية مواقع المسلحين الذين شنوا هجوماً على القوات السورية.", "---REB"),
])
def test_engine_roles_arabic_attack_with_a_subject_of_its_own_keeps_it(cb, text, source):
    found = mentions(cb, text, "ar")
    assert [m[0] for m in found if m[2] == "190"] == [source], found
