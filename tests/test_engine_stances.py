"""Roles read from the words around an event rather than its arguments: whom a protest is
against or for (its phrase of stance), the victims of a killing reported in the passive,
unvocalised («قُتلوا في هجوم»), the reported clause of a statement, the content of an appeal,
and people counted but not named. Sentences of our own, lite front-end, default codebook."""

from __future__ import annotations

import datetime as dt

import pytest

from coder.engine.coder import EngineSettings, code_sentence
from coder.engine.readings import DocumentReadings
from coder.engine.stances import stance_actor
from coder.pipeline import Coder

DAY = dt.date(2020, 5, 5)


@pytest.fixture(scope="module")
def coder():
    return Coder()


@pytest.fixture(scope="module")
def cb(coder):
    return coder.compiled


@pytest.fixture(scope="module")
def sentence_of(coder):
    def parse(text):
        # the pipeline's own lite front-end: its clitic splits know the codebook's words («لإيران»)
        (sentence,) = coder.lite("ar").parse(text, "ar")
        return sentence
    return parse


def first_of_root(cb, sentence_of, text, roots):
    found = code_sentence(sentence_of(text), cb, DAY, EngineSettings())
    return next(m for m in found if m.code[:2] in roots)


@pytest.mark.parametrize("text, target", [
    # against: the genitive of a noun that names nobody («قرار الحكومة»)
    ("تجمع مئات المتظاهرين في ساحة المدينة احتجاجا على قرار الحكومة رفع أسعار الوقود.", "---GOV"),
    # chants hostile to a country, after a place that is no target
    ("وسار المتظاهرون في شوارع العاصمة العراقية ورددوا هتافات معادية لإيران.", "IRN"),
    # a demand: the resignation of whom
    ("اعتصم المحتجون أمام مبنى البلدية مطالبين باستقالة الحكومة العراقية.", "IRQGOV"),
    # «الموت لـ»
    ("وتظاهر الآلاف وهم يهتفون الموت لأميركا.", "USA"),
    # support
    ("خرج آلاف المتظاهرين تأييدا للجيش اللبناني.", "LBNMIL"),
    # «بالاحتجاج»: a clitic and the article
    ("وقام متظاهرون في نابولي بالاحتجاج على قرار الحكومة الإيطالية.", "ITAGOV"),
    # «للاحتجاج» with its clitics unsplit, a few words before whom it names
    ("خرج الآلاف في مسيرة امس للاحتجاج على ما يصفونه بوحشية الشرطة العراقية.", "IRQCOP"),
])
def test_a_protest_is_against_the_actor_its_phrase_of_stance_names(cb, sentence_of, text, target):
    protest = first_of_root(cb, sentence_of, text, ("14",))
    assert protest.target is not None and protest.target.code == target, protest


def test_a_protest_against_a_killing_is_not_against_its_victims(cb, sentence_of):
    found = codes(cb, sentence_of, "خرج متظاهرون للاحتجاج على مقتل ثلاثة مدنيين برصاص الشرطة العراقية.")
    protests = [c for c in found if c[0].startswith("14")]
    assert protests and all(c[2] is None or not c[2].endswith("CVL") for c in protests), found


@pytest.mark.parametrize("text", [
    # the place of the protest is no target, and nothing says whom it is against
    "تظاهر مئات الطلاب في العاصمة العراقية بغداد أمس.",
    # protesters are never whom a protest is against
    "خرج آلاف المتظاهرين احتجاجا على اعتقال المتظاهرين.",
])
def test_no_phrase_of_stance_gives_no_stance_target(cb, sentence_of, text):
    sentence = sentence_of(text)
    found = code_sentence(sentence, cb, DAY, EngineSettings())
    assert all("stance:" not in m.rule_id for m in found), found


def test_a_phrase_of_stance_ends_with_its_clause(cb, sentence_of):
    # «احتجاجا على ...،» then a new clause naming an actor: not what the protest is against
    sentence = sentence_of("تظاهر الطلاب احتجاجا على الغلاء، وقالت الحكومة العراقية إنها ستدرس مطالبهم.")
    actors = DocumentReadings(cb, DAY).actors(sentence)
    assert stance_actor(sentence, 0, actors, None) is None


def test_taliban_is_no_demand(cb, sentence_of):
    sentence = sentence_of("تظاهر المئات ضد الغلاء بينما هاجمت طالبان مواقع الجيش الأفغاني.")
    actors = DocumentReadings(cb, DAY).actors(sentence)
    found = stance_actor(sentence, 0, actors, None)
    assert found is None or found.code != "AFGMIL"


@pytest.mark.parametrize("text, victim", [
    ("وكانت امرأة قد قتلت في هجوم انتحاري بسيارة مفخخة في السوق.", "---CVL"),
    ("وقال مصدر أمني إن شرطيا قتل بانفجار عبوة ناسفة.", "---COP"),
    ("ثلاثة جنود أصيبوا جراء قصف استهدف مواقعهم.", "---MIL"),
    # the verb before its subject, another clause after «و»
    ("كما قتل جنديان أميركيان وأصيب تسعة عراقيين بجروح في هجوم انتحاري.", "USAMIL"),
    # passive by its form alone, with time words before its subject
    ("أصيب سفير بولندا أمس عندما تعرضت قافلته لإطلاق نار.", "POLGOV"),
    ("وأصيب صباح أمس أربعة جنود أميركيين بجروح من جراء انفجار عبوة ناسفة.", "USAMIL"),
    # «لقي ... حتفهم»: who met their death
    ("ثم لقي نحو 300 مواطن حتفهم في سلسلة تفجيرات منسقة.", "---CVL"),
    # a word between the preposition and the attack («في ثاني تفجير»)
    ("من ناحية ثانية، قتل جنديان أميركيان في ثاني تفجير لصهريج مفخخ.", "USAMIL"),
    # an air strike that killed them, after an aside
    ("وقال مصدر إن ثمانية أشخاص، بينهم طفلان، قتلوا جراء ضربة جوية أميركية.", "---CVL"),
    # an aside between commas between the victim and the verb
    ("وأشارت المصادر إلى أن المزارع إبراهيم صالحة، عشرين عاماً، قتل بينما كان يفلح أرضه.", "---CVL"),
    # a title in apposition before the victim's name
    ("وكانت رئيسة الوزراء السابقة، بي نظير بوتو، قد قتلت في هجوم انتحاري.", "PAKOPP"),
    # after its subject, with no object: «وجُرح سبعة آخرون» is another clause
    ("وأوضح البيان أن أحد عناصر القوات العراقية قتل وجرح سبعة آخرون.", "IRQMIL"),
])
def test_a_killing_reported_in_the_passive_befalls_the_actor_before_it(cb, sentence_of, text, victim):
    killing = first_of_root(cb, sentence_of, text, ("18", "19", "20"))
    assert killing.target is not None and killing.target.code == victim, killing
    assert killing.source is None or killing.source.code != victim


def test_killed_in_clashes_with_a_force_names_the_force_as_doer(cb, sentence_of):
    killing = first_of_root(cb, sentence_of, "وقال التحالف إن ثلاثين متمردا قتلوا في مواجهات مع قوات الأمن الأفغانية.",
                            ("18", "19", "20"))
    assert (killing.source.code, killing.target.code[3:]) == ("AFGCOP", "REB"), killing


def test_by_whose_hand_names_the_doer(cb, sentence_of):
    killing = first_of_root(cb, sentence_of, "خمسة مدنيين قتلوا على أيدي مسلحين في القرية.", ("18", "19", "20"))
    assert (killing.source.code[3:], killing.target.code[3:]) == ("REB", "CVL"), killing


@pytest.mark.parametrize("text", [
    "وكانت قوات الجيش قد قتلت أمس أربعة من المسلحين بالهجوم على القرية.",
    "وكانت قوات الجيش قد قتلت أول من أمس أربعة مسلحين.",
])
def test_an_active_killing_with_its_count_stays_active(cb, sentence_of, text):
    # «قتلت ... أربعة من المسلحين بالهجوم»: a count after the verb is its object
    killing = first_of_root(cb, sentence_of, text, ("18", "19", "20"))
    assert killing.source is not None and killing.source.code.endswith("MIL"), killing


def codes(cb, sentence_of, text):
    found = code_sentence(sentence_of(text), cb, DAY, EngineSettings())
    return [(m.code, m.source.code if m.source else None, m.target.code if m.target else None) for m in found]


def test_a_statement_tells_nobody_in_its_reported_clause(cb, sentence_of):
    # the soldiers are the reported clause's, not whom the unnamed source told: no statement row
    found = codes(cb, sentence_of, "وقال مصدر عسكري إن الاشتباكات أسفرت عن مقتل ثلاثة جنود.")
    assert [c for c in found if c[0].startswith("01")] == [], found
    assert ("190", "---UAF", "---MIL") in found, found


def test_the_international_community_is_nobody_and_what_it_is_asked_is_no_event(cb, sentence_of):
    found = codes(cb, sentence_of, "وأدانت الحكومة اليمنية الهجوم، ودعت المجتمع الدولي إلى الضغط على الحوثيين.")
    appeals = [c for c in found if c[0].startswith("02")]
    assert appeals == [("020", "YEMGOV", None)], found
    # «الضغط على الحوثيين» is what the government asks for, not a demand of its own
    assert [c for c in found if c[0].startswith("10")] == [], found


def test_a_threat_codes_the_threat_not_the_attack_threatened(cb, sentence_of):
    found = codes(cb, sentence_of, "وهددت جماعة الحوثي بشن هجوم على مأرب.")
    assert any(c[0].startswith("13") for c in found), found
    assert not any(c[0][:2] in ("18", "19") for c in found), found


def test_people_counted_but_not_named_are_nobody_s_doers(cb, sentence_of):
    found = codes(cb, sentence_of, "أسفرت الاشتباكات عن مقتل ثلاثة جنود وإصابة سبعة آخرين.")
    assert not any(c[1] == "---MIL" for c in found if c[0][:2] in ("18", "19", "20")), found


def test_a_count_names_the_people_it_draws_from(cb, sentence_of):
    found = codes(cb, sentence_of, "أعلن مسؤول مقتل خمسة من عناصر الشرطة العراقية في هجوم.")
    assert any(c[2] == "IRQCOP" for c in found if c[0][:2] in ("18", "19", "20")), found


def test_forces_sent_to_fight_are_not_a_fight(coder, cb):
    (sentence,) = coder.lite("en").parse("The LNA accused Turkey of sending mercenaries to fight alongside the GNA.", "en")
    found = [m.code for m in code_sentence(sentence, cb, DAY, EngineSettings())]
    assert "154" in found and not any(c.startswith("19") for c in found), found


def test_an_infinitive_after_another_anchor_is_coded_in_english_otherwise(coder, cb):
    # an appeal's content stays coded in English (the CAMEO manual's own examples code it)
    (sentence,) = coder.lite("en").parse("Egypt urged Israel to withdraw its troops from Gaza.", "en")
    found = [m.code[:2] for m in code_sentence(sentence, cb, DAY, EngineSettings())]
    assert "02" in found and "08" in found, found


def test_a_cue_word_that_names_the_doers_is_their_event(coder):
    from coder.model import Document
    from coder.pipeline import code_document

    doc = Document(id="d", text="وطالب المتظاهرون الحكومة اللبنانية بإجراءات عاجلة لوقف الانهيار.",
                   date=DAY, language="ar")
    rows, _ = code_document(doc, coder)
    protests = [r for r in rows if r.cameo_root == "14"]
    assert protests and all(r.source_actor is not None for r in protests), rows


@pytest.mark.parametrize("text, language", [
    ("إسرائيل تقصف غزة  * لندن ـ «الشرق الأوسط»: اغتال الطيران الاسرائيلي خمسة فلسطينيين.", "ar"),
    ("بانكوك ـ رويترز: خرج الآلاف في مسيرة للاحتجاج على وحشية الشرطة.", "ar"),
    ("LONDON - AFP: Israeli troops killed five Palestinians in Gaza.", "en"),
])
def test_a_dateline_names_where_a_report_was_filed_not_an_actor(coder, cb, text, language):
    found = []
    for sentence in coder.lite(language).parse(text, language):
        found += code_sentence(sentence, cb, DAY, EngineSettings())
    actors = {a.code for m in found for a in (m.source, m.target) if a is not None}
    assert found and not actors & {"GBR", "THA"}, found


def test_a_sea_named_by_a_people_is_no_actor(cb, sentence_of):
    found = codes(cb, sentence_of, "هاجم قراصنة صوماليون سفينة في المحيط الهندي.")
    assert not any("IND" in (c[1] or "") + (c[2] or "") for c in found), found


@pytest.mark.parametrize("text", [
    "تفجير انتحاري في فندق ماريوت بإسلام أباد يقتل 60 شخصا.",
    "انفجرت سيارة مفخخة في مطار بغداد الدولي مما أدى إلى مقتل خمسة أشخاص.",
])
def test_an_attack_in_a_city_or_at_its_airport_is_not_on_its_country(cb, sentence_of, text):
    found = codes(cb, sentence_of, text)
    attacks = [c for c in found if c[0][:2] in ("18", "19", "20")]
    assert attacks and all(c[2] not in ("PAK", "IRQ") for c in attacks), found


def test_an_attack_near_a_city_is_not_an_attack_on_its_country(cb, sentence_of):
    found = codes(cb, sentence_of, "انفجرت سيارة مفخخة جنوب بغداد مما أدى إلى مقتل خمسة مدنيين.")
    attacks = [c for c in found if c[0][:2] in ("18", "19", "20")]
    assert attacks and all(c[2] != "IRQ" for c in attacks), found
    assert any(c[2] is not None and c[2].endswith("CVL") for c in attacks), found


@pytest.mark.parametrize("text, expected", [
    # a plural verb holds its subject: the actor after it is its object, the doer came before
    ("خرج المتظاهرون إلى الشوارع وراحوا يهاجمون رئيس الوزراء الإسرائيلي.", ("---CVL", "ISRGOV")),
    # a singular verb before its subject: the actor after it is the doer
    ("هاجم المسلحون مركزا للشرطة العراقية.", ("---REB", "IRQCOP")),
])
def test_an_arabic_plural_verb_has_its_subject_in_itself(cb, sentence_of, text, expected):
    found = codes(cb, sentence_of, text)
    assert any((c[1], c[2]) == expected for c in found), found


def test_an_arabic_title_introduces_the_name_after_it_and_a_second_title_is_someone_else(cb, sentence_of):
    # a date in Yudhoyono's presidency: his code is IDNGOV
    sentence = sentence_of("واستقبل الرئيس الاندونيسي سوسيلو بامبانغ يودويونو الرئيس الأميركي في بوغور.")
    found = [(m.source.code if m.source else None, m.target.code if m.target else None)
             for m in code_sentence(sentence, cb, dt.date(2006, 11, 21), EngineSettings())]
    assert ("IDNGOV", "USAGOV") in found, found


@pytest.mark.parametrize("text, expected", [
    # an abduction's count after the verb is whom it befell, passive or not
    ("وخطف ثلاثة جنود أميركيين جنوب بغداد.", (None, "USAMIL")),
    # «عدداً من»: the count and its «من» before the people counted
    ("وقال حلف شمال الأطلسي إنه قتل عددا من زعماء طالبان في هلمند.", ("IGOWSTNAT", "AFGREB")),
])
def test_an_arabic_count_after_the_verb_is_its_object(cb, sentence_of, text, expected):
    found = codes(cb, sentence_of, text)
    assert any(c[2] == expected[1] and (expected[0] is None or c[1] == expected[0]) for c in found), found


def test_foreign_forces_take_no_country_from_the_sentence(cb, sentence_of):
    found = codes(cb, sentence_of, "قالت وزارة الدفاع الأفغانية إن قوات أجنبية قتلت تسعة جنود أفغان في غارة.")
    # the killing: foreign forces, of no country, kill Afghan soldiers
    assert ("195", "---MIL", "AFGMIL") in found, found


@pytest.mark.parametrize("text", [
    "بأن القوات الأميركية تعرضت لهجوم في الرمادي مساء الخميس.",
    "وتعرضت القوات الأميركية لهجوم في الرمادي.",
])
def test_who_undergoes_an_attack_is_its_target_in_either_order(cb, sentence_of, text):
    attack = first_of_root(cb, sentence_of, text, ("18", "19", "20"))
    assert attack.target is not None and attack.target.code == "USAMIL", attack
    assert attack.source is None or attack.source.code != "USAMIL", attack


def test_an_attack_noun_after_a_preposition_is_a_circumstance_not_an_event(cb, sentence_of):
    # «بعد ساعات على قصف منزل»: the earlier shelling takes no actors by word order; the tank's
    # shelling does, with the victims of what it caused
    found = codes(cb, sentence_of, "وبعد ساعات على قصف منزل، قامت دبابة اسرائيلية بقصف احد المنازل "
                                   "مما ادى الى مقتل ثلاثة مواطنين.")
    shellings = [c for c in found if c[0].startswith("19")]
    assert shellings and shellings[0][1] == "ISRMIL" and shellings[0][2].endswith("CVL"), found


def test_what_an_attack_caused_after_a_preposition_is_still_an_event(cb, sentence_of):
    found = codes(cb, sentence_of, "فجر الانتحاريان نفسيهما قرب القوة، ما اسفر عن اصابة ثلاثة من عناصر الجيش.")
    assert any(c[2] is not None and c[2].endswith("MIL") for c in found if c[0][:2] in ("18", "19")), found


def test_a_crowd_riots_against_armed_forces_not_the_other_way(cb, sentence_of):
    found = codes(cb, sentence_of, "تواصلت أمس مواجهات بين قوى الأمن البحرينية ومجموعات من المواطنين الغاضبين.")
    protests = [c for c in found if c[0].startswith("14")]
    assert protests and all(c[1] is None or not c[1].endswith("COP") for c in protests), found
    assert any(c[2] is not None and c[2].endswith("COP") for c in protests), found


def test_a_statement_tells_the_reported_clauses_subject_as_with_a_parse(coder, cb):
    # "said that rebels attacked": whom the statement is about is the reported clause's subject,
    # as the tree engine and PETRARCH read it; an actor deeper in that clause is not
    (sentence,) = coder.lite("en").parse("The army said that rebels attacked the town.", "en")
    found = [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
             for m in code_sentence(sentence, cb, DAY, EngineSettings())]
    assert ("---MIL", "---REB", "010") in found, found
