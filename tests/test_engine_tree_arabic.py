"""The rule engine on Arabic dependency parses: the constructions of Arabic news, each on a small
parse of our own (the labels a UD parser trained on PADT gives them).

Words are written ``form/UPOS/HEAD/DEPREL`` or ``form/UPOS/HEAD/DEPREL/FEATS`` (heads 1-based),
clitics already split off as the CoNLL-U of a UD parser has them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coder.codebook.compile import CompiledCodebook, compile_codebook
from coder.codebook.load import load_codebook
from coder.engine.coder import EngineSettings, code_sentence
from coder.frontends.conllu import parse_conllu
from coder.model import Sentence
from tests.conftest import make_sentence

CODEBOOK = {
    "codebook.toml": 'name = "tree-ar"\nrequire_dyad = false\nlanguages = ["ar"]\n',
    "actors.txt": """
actor Arnor
  code     ARN
  ar       أرنور
  demonym  ar  أرنوري | أرنورية | أرنوريين
actor Gondor
  code     GON
  ar       غوندور
  demonym  ar  غوندوري | غوندورية | غوندوريين
""",
    "agents.txt": """
agent MIL military
  ar       جيش | قوات | جنود | جنديا
agent COP police
  ar       شرطة | قوات الأمن
agent CVL protesters
  inter    6
  ar       متظاهرين | متظاهرون
agent CVL civilians
  inter    7
  ar       مواطنين | شخصا | أشخاص
agent OPP opposition
  ar       ناشطين
""",
    "verbs.txt": """
verb PROTEST 141
  ar       تجمع | اعتصم | تظاهر | مظاهرات | ساروا | احتشد
verb KILL 190
  ar       قتل | قتلت
  patient  ar  مقتل
verb ARREST 173
  ar       اعتقل | اعتقلت
  patient  ar  اعتقال
verb BOMBING 183
  ar       انفجرت | انفجار
verb BURN 1712
  ar       احرق
  pattern  145 ar  * متظاهر*
verb RIOT 145
  ar       رشق
verb SHELL 194
  ar       قصفت
verb FIRE ---
  ar       تعرض | تعرضت
  pattern  190 ar  + * ل هجوم
""",
}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> CompiledCodebook:
    folder = tmp_path_factory.mktemp("tree-ar")
    for name, text in CODEBOOK.items():
        (folder / name).write_text(text, encoding="utf-8")
    return compile_codebook(load_codebook(folder))


def ud(words: str) -> Sentence:
    rows = []
    for n, word in enumerate(words.split(), start=1):
        parts = word.split("/")
        form, upos, head, deprel = parts[:4]
        feats = parts[4] if len(parts) > 4 else "_"
        rows.append("\t".join([str(n), form, form, upos, "_", feats, head, deprel, "_", "_"]))
    (sentence,) = parse_conllu("\n".join(rows) + "\n", "ar")
    return sentence


def triples(sentence: Sentence, book: CompiledCodebook, day: dt.date | None = None,
            ) -> list[tuple[str | None, str | None, str]]:
    return [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
            for m in code_sentence(sentence, book, day, EngineSettings())]


# -- quantities ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «اعتصم عشرات المواطنين»: the numeral heads the subject, the people hang on it
    ("اعتصم/VERB/0/root عشرات/NUM/1/nsubj المواطنين/NOUN/2/nmod", [("---CVL", None, "141")]),
    # «تظاهر عدد من المتظاهرين»: a counting noun with «من»
    ("تظاهر/VERB/0/root عدد/NOUN/1/nsubj من/ADP/4/case المتظاهرين/NOUN/2/nmod", [("---CVL", None, "141")]),
    # «قتلت قوات الأمن 11 مسلحا»-like: the counted object, with its country
    ("قتلت/VERB/0/root الجيش/NOUN/1/nsubj الأرنوري/ADJ/2/amod ثلاثة/NUM/1/obj من/ADP/6/case "
     "المتظاهرين/NOUN/4/nmod", [("ARNMIL", "---CVL", "190")]),
])
def test_engine_tree_arabic_quantity_heads_name_the_people_counted(book: CompiledCodebook, words: str,
                                                                    expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_arabic_a_quantity_of_things_names_nobody(book: CompiledCodebook) -> None:
    # «تجمع عشرات أمام المبنى»: nothing hangs on the numeral that names an actor (the protest
    # is still an event, of unnamed protesters)
    words = "تجمع/VERB/0/root عشرات/NUM/1/nsubj أمام/ADP/4/case المبنى/NOUN/1/obl"
    assert triples(ud(words), book) == [("---CVL", None, "141")]


def test_engine_tree_arabic_a_numeral_counts_its_adjective(book: CompiledCodebook) -> None:
    # «مقتل خمسة مدنيين»: the parser hangs the people on the numeral as its adjective
    book_words = "مقتل/NOUN/0/root خمسة/NUM/1/nummod متظاهرين/ADJ/2/amod"
    assert triples(ud(book_words), book) == [(None, "---CVL", "190")]


# -- passive forms ------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «قُتل جنديا غوندوريا»-like: a passive verb whose subject the parser labels nsubj
    ("قتل/VERB/0/root/Voice=Pass|VerbForm=Fin الجنود/NOUN/1/nsubj الغوندوريين/ADJ/2/amod",
     [(None, "GONMIL", "190")]),
    # the same with the patient read as an object («قُتل 12 شخصا»)
    ("قتل/VERB/0/root/Voice=Pass|VerbForm=Fin 12/NUM/1/obj شخصا/NOUN/2/nmod", [(None, "---CVL", "190")]),
    # an active form keeps its subject as the source
    ("قتل/VERB/0/root/Voice=Act|VerbForm=Fin الجنود/NOUN/1/nsubj الغوندوريين/ADJ/2/amod",
     [("GONMIL", None, "190")]),
])
def test_engine_tree_arabic_passive_form(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


# -- nouns whose genitive is whom the event befalls ---------------------------------------------

def test_engine_codebook_patient_field_marks_anchors(book: CompiledCodebook) -> None:
    verbs = {v.name: v for v in book.codebook.verbs}
    assert verbs["KILL"].patients == (("ar", "مقتل"),)
    assert ("ar", "مقتل") in verbs["KILL"].anchors
    assert verbs["PROTEST"].patients == ()


@pytest.mark.parametrize(("words", "expected"), [
    # «مقتل ثلاثة جنود»: the genitive (here a count of soldiers) is who was killed
    ("مقتل/NOUN/0/root ثلاثة/NUM/1/nmod جنود/NOUN/2/nmod", [(None, "---MIL", "190")]),
    # the parser may read the count as the noun's numeral
    ("مقتل/NOUN/0/root ثلاثة/NUM/1/nummod جنود/NOUN/2/nmod", [(None, "---MIL", "190")]),
    # «اعتقال الناشطين»
    ("اعتقال/NOUN/0/root الناشطين/NOUN/1/nmod", [(None, "---OPP", "173")]),
    # «اعتقال قوات الأمن لناشطين»: a «لـ» phrase names the one arrested, the genitive the doer
    ("اعتقال/NOUN/0/root قوات/NOUN/1/nmod الأمن/NOUN/2/nmod ل/ADP/5/case ناشطين/NOUN/1/nmod",
     [("---COP", "---OPP", "173")]),
    # a noun of something people do keeps its genitive as the doer («مظاهرات المواطنين»)
    ("مظاهرات/NOUN/0/root المواطنين/NOUN/1/nmod", [("---CVL", None, "141")]),
])
def test_engine_tree_arabic_patient_nouns(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


@pytest.mark.parametrize(("words", "expected"), [
    # by word order: the reporter before the noun is not its doer
    ("أعلنت الشرطة مقتل ثلاثة جنود", [(None, "---MIL", "190")]),
    ("مقتل ثلاثة جنود", [(None, "---MIL", "190")]),
])
def test_engine_order_arabic_patient_nouns(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(make_sentence(words.split(), language="ar"), book) == expected


# -- an attack and the casualties it caused -----------------------------------------------------

@pytest.mark.parametrize("words", [
    "انفجرت عبوة مما أدى الى مقتل ثلاثة جنود",
    "انفجرت عبوة ما أسفر عن مقتل ثلاثة جنود",
])
def test_engine_arabic_attack_takes_the_victims_of_its_result(book: CompiledCodebook, words: str) -> None:
    assert triples(make_sentence(words.split(), language="ar"), book) == [
        (None, "---MIL", "183"), (None, "---MIL", "190")]


def test_engine_arabic_casualties_without_a_cause_stay_apart(book: CompiledCodebook) -> None:
    # no verb of causing between the two: the explosion keeps no target
    words = ("انفجرت/VERB/0/root عبوة/NOUN/1/nsubj في/ADP/4/case السوق/NOUN/1/obl و/CCONJ/6/cc "
             "مقتل/NOUN/1/conj ثلاثة/NUM/6/nummod جنود/NOUN/7/nmod")
    assert triples(ud(words), book) == [(None, "---MIL", "190")]


def test_engine_arabic_casualties_take_the_attacker(book: CompiledCodebook) -> None:
    words = ("قتلت/VERB/0/root الشرطة/NOUN/1/nsubj المواطنين/NOUN/1/obj مما/PRON/5/nsubj أدى/VERB/1/advcl "
             "الى/ADP/7/case مقتل/NOUN/5/obl ثلاثة/NUM/7/nummod جنود/NOUN/8/nmod")
    assert triples(ud(words), book) == [("---COP", "---CVL", "190"), ("---COP", "---MIL", "190")]


# -- protest verbs take no object -----------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «تجمع مئات المتظاهرين»: the parser's object of a protest verb is its subject
    ("تجمع/VERB/0/root/Number=Sing مئات/NUM/1/obj المتظاهرين/NOUN/2/nmod", [("---CVL", None, "141")]),
    # a numeral hanging on the verb (or on the verb read as a noun)
    ("احتشد/NOUN/0/root آلاف/NUM/1/nummod المتظاهرين/NOUN/2/nmod", [("---CVL", None, "141")]),
    # a plural verb has its subject in itself: «ساروا نحو السفارة» is no march by the embassy
    ("ساروا/VERB/0/root/Number=Plur نحو/ADP/3/case الجيش/NOUN/1/obj", [("---CVL", "---MIL", "141")]),
    # a killing keeps its object
    ("قتل/VERB/0/root/Number=Sing المواطنين/NOUN/1/obj", [(None, "---CVL", "190")]),
])
def test_engine_tree_arabic_protest_object_is_its_subject(book: CompiledCodebook, words: str,
                                                          expected: list) -> None:
    assert triples(ud(words), book) == expected


# -- verb-first clauses -----------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «أحرق المتظاهرون سيارة»: the subject after the verb is a word after the anchor for its
    # patterns, and the pattern word that names the subject stays its source
    ("أحرق/VERB/0/root المتظاهرون/NOUN/1/nsubj سيارة/NOUN/1/obj", [("---CVL", None, "145")]),
    # a subject before the verb is not after the anchor
    ("المتظاهرون/NOUN/2/nsubj أحرق/VERB/0/root سيارة/NOUN/2/obj", [("---CVL", None, "1712")]),
])
def test_engine_tree_arabic_subject_after_the_verb_fits_patterns(book: CompiledCodebook, words: str,
                                                                  expected: list) -> None:
    assert triples(ud(words), book) == expected


# -- phrases by word order ----------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # an indefinite noun after a definite one begins a new phrase: protesters, then police
    ("رشق المتظاهرون قوات الأمن", [("---CVL", "---COP", "145")]),
    # two definite nouns are two phrases: protesters, then soldiers (a definite nisba adjective,
    # «القوات الحكومية», stays with its noun: tests/test_engine_actors_arabic.py)
    ("رشق المتظاهرون الجنود", [("---CVL", "---MIL", "145")]),
])
def test_engine_order_arabic_definite_word_ends_a_phrase(book: CompiledCodebook, words: str,
                                                         expected: list) -> None:
    assert triples(make_sentence(words.split(), language="ar"), book) == expected


# -- events named without their actors ------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «خرجت مظاهرات في الموصل»: protests that name nobody are still an event, of unnamed
    # protesters
    ("خرجت/VERB/0/root مظاهرات/NOUN/1/nsubj في/ADP/4/case الموصل/PROPN/1/obl", [("---CVL", None, "141")]),
    # «اغتيل كرامي في متفجرة»: a killing of someone the codebook does not know
    ("قتل/VERB/0/root/Voice=Pass كرامي/PROPN/1/nsubj:pass", [(None, None, "190")]),
    # the same kind of event named again with its actors: only that one
    ("تظاهر/VERB/0/root عشرات/NUM/1/nsubj في/ADP/4/case الموصل/PROPN/1/obl و/CCONJ/6/cc "
     "تجمع/VERB/1/conj المتظاهرون/NOUN/6/nsubj", [("---CVL", None, "141")]),
    # ... but not one of another kind
    ("تظاهر/VERB/0/root عشرات/NUM/1/nsubj في/ADP/4/case الموصل/PROPN/1/obl و/CCONJ/6/cc "
     "قتلت/VERB/1/conj الشرطة/NOUN/6/nsubj", [("---CVL", None, "141"), ("---COP", None, "190")]),
])
def test_engine_tree_arabic_events_without_actors(book: CompiledCodebook, words: str,
                                                  expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_arabic_verb_without_arguments_reads_word_order(book: CompiledCodebook) -> None:
    # the parser hung the verb's subject on another word: the actors by word order
    words = "أمس/NOUN/0/root قتلت/VERB/1/acl الشرطة/NOUN/1/nmod"
    assert triples(ud(words), book) == [("---COP", None, "190")]
    # a verb whose subject names nobody keeps its parse: no actor by word order
    words = "قتلت/VERB/0/root عبوة/NOUN/1/nsubj أمام/ADP/4/case الشرطة/NOUN/1/obl"
    assert triples(ud(words), book) == [(None, "---COP", "190")]


@pytest.mark.parametrize(("words", "expected"), [
    # «قتلت قوة من الجيش»: a unit drawn from a force is that force
    ("قتلت/VERB/0/root قوة/NOUN/1/nsubj من/ADP/4/case الجيش/NOUN/2/nmod", [("---MIL", None, "190")]),
    ("قتلت/VERB/0/root فرقة/NOUN/1/nsubj من/ADP/4/case الشرطة/NOUN/2/nmod", [("---COP", None, "190")]),
])
def test_engine_tree_arabic_units_name_their_force(book: CompiledCodebook, words: str,
                                                  expected: list) -> None:
    assert triples(ud(words), book) == expected


@pytest.mark.parametrize(("words", "expected"), [
    ("خرجت مظاهرات في الموصل", [("---CVL", None, "141")]),
    ("خرجت مظاهرات في الموصل وتجمع المتظاهرون", [("---CVL", None, "141")]),
])
def test_engine_order_arabic_events_without_actors(book: CompiledCodebook, words: str,
                                                   expected: list) -> None:
    assert triples(make_sentence(words.split(), language="ar"), book) == expected


def test_engine_arabic_protest_without_actors_is_the_protesters(book: CompiledCodebook) -> None:
    # «انطلقت مظاهرات ..., حيث قتل المتظاهرون ...»: the protesters named doing something else
    # did the protests named without actors
    words = ("تظاهر/VERB/0/root عشرات/NUM/1/nsubj و/CCONJ/4/cc قتلت/VERB/1/conj "
             "المتظاهرون/NOUN/4/nsubj")
    assert triples(ud(words), book) == [("---CVL", None, "141"), ("---CVL", None, "190")]


# -- case endings -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # «قتل الجنودُ المتظاهرين» with the nominative soldiers labelled obj: the case says who acts
    ("قتل/VERB/0/root الجنود/NOUN/1/obj/Case=Nom المتظاهرين/NOUN/1/obj/Case=Acc",
     [("---MIL", "---CVL", "190")]),
    # an accusative object stays the object
    ("قتل/VERB/0/root الجنود/NOUN/1/obj/Case=Acc", [(None, "---MIL", "190")]),
    # with a subject of its own, a nominative «object» is left as the parser reads it
    ("قتل/VERB/0/root الشرطة/NOUN/1/nsubj الجنود/NOUN/1/obj/Case=Nom", [("---COP", "---MIL", "190")]),
])
def test_engine_tree_arabic_nominative_object_is_the_subject(book: CompiledCodebook, words: str,
                                                             expected: list) -> None:
    assert triples(ud(words), book) == expected


@pytest.mark.parametrize(("words", "expected"), [
    # «تجمع نحو 500 متظاهر»: «نحو» (about) read as a preposition makes the protesters an
    # oblique: protesters are who protests, never whom against
    ("تجمع/VERB/0/root نحو/ADP/3/case متظاهرين/NOUN/1/obl", [("---CVL", None, "141")]),
    # a killing keeps protesters as its victims
    ("قتل/VERB/0/root نحو/ADP/3/case متظاهرين/NOUN/1/obl", [(None, "---CVL", "190")]),
])
def test_engine_tree_arabic_protesters_are_no_protest_target(book: CompiledCodebook, words: str,
                                                             expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_arabic_construct_state_names_its_genitive(book: CompiledCodebook) -> None:
    # «تظاهر المتظاهرون على قرار الجيش»: the army's decision stands for the army
    words = ("تظاهر/VERB/0/root المتظاهرون/NOUN/1/nsubj على/ADP/4/case قرار/NOUN/1/obl "
             "الجيش/NOUN/4/nmod")
    assert triples(ud(words), book) == [("---CVL", "---MIL", "141")]
    # with a preposition the agent is no genitive of the noun, so the tree names nobody; word
    # order, asked when the parse gives a protest no target, reads the army as its target
    words = ("تظاهر/VERB/0/root المتظاهرون/NOUN/1/nsubj على/ADP/4/case قرار/NOUN/1/obl "
             "من/ADP/6/case الجيش/NOUN/4/nmod")
    assert triples(ud(words), book) == [("---CVL", "---MIL", "141")]
    assert "+order:" in code_sentence(ud(words), book, None, EngineSettings())[0].rule_id


@pytest.mark.parametrize(("words", "expected"), [
    # by word order, an accusative noun after the verb is its object, not its subject
    ("قتل جنديا", [(None, "---MIL", "190")]),
    # a count after a killing is its victims («قُتل 12 شخصاً», unvocalised)
    ("قتل 12 شخصا في السوق", [(None, "---CVL", "190")]),
    # a subject after the verb stays the subject
    ("قتلت الشرطة متظاهرين", [("---COP", "---CVL", "190")]),
])
def test_engine_order_arabic_accusative_after_the_verb_is_its_object(book: CompiledCodebook, words: str,
                                                                      expected: list) -> None:
    assert triples(make_sentence(words.split(), language="ar"), book) == expected


@pytest.mark.parametrize(("words", "expected"), [
    # «تجمع المتظاهرون وساروا نحو الجيش»: one protest, told by two anchors; the first takes
    # the target the second names
    ("تجمع/VERB/0/root المتظاهرون/NOUN/1/nsubj و/CCONJ/4/cc ساروا/VERB/1/conj نحو/ADP/6/case "
     "الجيش/NOUN/4/obl", [("---CVL", "---MIL", "141"), ("---CVL", "---MIL", "141")]),
    # a killing takes nothing from a protest of the same sentence
    ("تجمع/VERB/0/root المتظاهرون/NOUN/1/nsubj و/CCONJ/4/cc قتلت/VERB/1/conj الشرطة/NOUN/4/nsubj "
     "نحو/ADP/7/case الجيش/NOUN/4/obl", [("---CVL", None, "141"), ("---COP", "---MIL", "190")]),
])
def test_engine_tree_arabic_anchors_of_one_kind_tell_one_event(book: CompiledCodebook, words: str,
                                                               expected: list) -> None:
    assert triples(ud(words), book) == expected


@pytest.mark.parametrize(("words", "expected"), [
    # «قصفت أرنور غوندور»: a country shells with its armed forces
    ("قصفت/VERB/0/root أرنور/PROPN/1/nsubj غوندور/PROPN/1/obj", [("ARNMIL", "GON", "194")]),
    # a killing keeps the country as it is named
    ("قتلت/VERB/0/root أرنور/PROPN/1/nsubj غوندور/PROPN/1/obj", [("ARN", "GON", "190")]),
])
def test_engine_tree_arabic_countries_shell_with_their_forces(book: CompiledCodebook, words: str,
                                                              expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_arabic_a_country_demonstrates_through_its_people(book: CompiledCodebook) -> None:
    # «تظاهرت أرنور ضد غوندور»: Arnor's people, as protesters
    words = "تظاهر/VERB/0/root أرنور/PROPN/1/nsubj ضد/ADP/4/case غوندور/PROPN/1/obl"
    assert triples(ud(words), book) == [("ARNCVL", "GON", "141")]


@pytest.mark.parametrize(("words", "expected"), [
    # «تظاهر المتظاهرون في أرنور»: a country after «في» is where, not against whom
    ("تظاهر/VERB/0/root المتظاهرون/NOUN/1/nsubj في/ADP/4/case أرنور/PROPN/1/obl", [("---CVL", None, "141")]),
    ("تظاهر/VERB/0/root المتظاهرون/NOUN/1/nsubj ضد/ADP/4/case أرنور/PROPN/1/obl", [("---CVL", "ARN", "141")]),
    # an agentless passive still reads its «في» phrase as the doer («قُتل في غارات أرنورية»)
    ("قتل/VERB/0/root/Voice=Pass الجنود/NOUN/1/nsubj في/ADP/4/case أرنور/PROPN/1/obl",
     [("ARN", "---MIL", "190")]),
])
def test_engine_tree_arabic_a_place_is_no_target(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_order_arabic_a_place_is_no_target(book: CompiledCodebook) -> None:
    # «المظاهرات في أرنور»: the protests in Arnor, by unnamed protesters, against nobody named
    assert triples(make_sentence("المظاهرات في أرنور".split(), language="ar"), book) == [
        ("---CVL", None, "141")]


@pytest.mark.parametrize(("words", "expected"), [
    # «تعرض الجنود لهجوم»: `+ *` makes the subject the target
    ("تعرض/VERB/0/root الجنود/NOUN/1/nsubj ل/ADP/4/case هجوم/NOUN/1/obl", [(None, "---MIL", "190")]),
    # «بتعرض الجنود لهجوم»: a verbal noun's genitive is its subject
    ("أفاد/VERB/0/root ب/ADP/3/case تعرض/NOUN/1/obl الجنود/NOUN/3/nmod ل/ADP/6/case هجوم/NOUN/3/nmod",
     [(None, "---MIL", "190")]),
])
def test_engine_tree_arabic_subject_slot_of_a_verbal_noun(book: CompiledCodebook, words: str,
                                                          expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_arabic_whom_the_parser_hung_elsewhere_is_read_by_word_order(book: CompiledCodebook) -> None:
    # «رشق مئات المتظاهرين قوات الأمن بالحجارة»: the parser hangs the police on the numeral; the
    # riot has a doer and no one it befalls, so the actor after the verb by word order is its target
    words = ("رشق/VERB/0/root مئات/NUM/1/nsubj المتظاهرين/NOUN/2/nmod قوات/NOUN/2/nmod الأمن/NOUN/4/nmod "
             "ب/ADP/7/case الحجارة/NOUN/4/nmod")
    assert triples(ud(words), book) == [("---CVL", "---COP", "145")]


def test_engine_tree_arabic_an_unvocalised_passive_is_read_by_word_order(book: CompiledCodebook) -> None:
    # «وقتل ثلاثة جنود في هجوم»: the parse makes the soldiers the subject of an active «قَتَل»;
    # word order reads the killing they died in, and the soldiers are whom it befell
    words = ("و/CCONJ/2/cc قتل/VERB/0/root ثلاثة/NUM/2/nsubj جنود/NOUN/3/nmod في/ADP/6/case "
             "انفجار/NOUN/2/obl")
    found = triples(ud(words), book)
    assert found and found[0][1] == "---MIL" and found[0][0] != "---MIL", found


def test_engine_tree_arabic_a_bare_agent_takes_the_country_of_its_role_in_the_sentence(
        book: CompiledCodebook) -> None:
    # «أعلن الجيش الأرنوري مقتل جنود»: the soldiers are the Arnorian army's, though the statement
    # and the killing are two events
    words = ("أعلن/VERB/0/root الجيش/NOUN/1/nsubj الأرنوري/ADJ/2/amod مقتل/NOUN/1/obj "
             "جنود/NOUN/4/nmod")
    found = triples(ud(words), book)
    assert (None, "ARNMIL", "190") in found, found
