"""The rule engine on dependency parses: each construction on a small parse of our own.

Sentences are written as ``form[:lemma]/UPOS/HEAD/DEPREL`` words and read by the CoNLL-U
front-end, so UD v1 labels (``dobj``, ``nsubjpass``, ``nmod``) go through its normalisation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from coder.codebook.compile import CompiledCodebook, compile_codebook
from coder.codebook.load import load_codebook
from coder.engine.coder import EngineSettings, code_sentence
from coder.frontends.conllu import parse_conllu
from coder.model import Sentence

CODEBOOK = {
    "codebook.toml": 'name = "tree"\nrequire_dyad = false\nlanguages = ["en"]\n',
    "actors.txt": """
actor Arnor
  code     ARN
  en       Arnor
  demonym  en  Arnorian
actor Gondor
  code     GON
  en       Gondor
  demonym  en  Gondorian
actor Mordor
  code     MOR
  en       Mordor
actor Osgiliath
  code     OSG
  en       Osgiliath
actor Aragorn
  code     GONGOV  2001-01-01..
  code     ARNREB  ..2000-12-31
  en       Aragorn
actor Denmark
  code     DNK
  en       Denmark
  demonym  en  Danish
""",
    "agents.txt": """
agent MIL military
  en       army | troops | soldier
agent GOV government
  en       government | ambassador | official | minister
agent MED media
  en       media
agent MUS muslims
  en       islamist
agent NGO aid group
  position before
  en       aid group
""",
    "verbs.txt": """
verb ATTACK 190
  en       attack | strike
  pattern  195 en  * {from the air}
  pattern  195 en  {air force} *
verb ALLOW 080
  en       allow
  pattern  025 en  recently *
  pattern  027 en  * {pleasant place}
verb SAY 010
  en       say
verb MEET 040
  reverse  040
  en       meet
verb ARRIVE 042
  reverse  043
  en       arrive
verb RENEW ---
  en       renew
  pattern  050 en  * {diplomatic ties}
verb URGE 023
  en       urge
verb SEND ---
  en       send
  pattern  073 en  * {humanitarian aid} to +
verb FREE 080
  en       free
  pattern  080 en  + * from $
verb HOST 036
  en       host
  pattern  036 en  * summit ; reverse 036
verb CELEBRATE 057
  en       celebrate
  pattern  057 en  * eid in ^ +
""",
    "discards.txt": "discard\n  en       football match\n",
}


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> CompiledCodebook:
    folder = tmp_path_factory.mktemp("tree")
    for name, text in CODEBOOK.items():
        (folder / name).write_text(text, encoding="utf-8")
    return compile_codebook(load_codebook(folder))


def ud(words: str) -> Sentence:
    """``Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root ...`` -> a sentence (heads 1-based).
    A UPOS ending in ``+part`` marks a past participle ("killed" in "civilians killed by")."""
    rows = []
    for n, word in enumerate(words.split(), start=1):
        form_lemma, upos, head, deprel = word.rsplit("/", 3)
        form, _, lemma = form_lemma.partition(":")
        upos, _, part = upos.partition("+")
        feats = "Tense=Past|VerbForm=Part" if part else "_"
        rows.append("\t".join([str(n), form, lemma or form, upos, "_", feats, head, deprel, "_", "_"]))
    (sentence,) = parse_conllu("\n".join(rows) + "\n", "en")
    return sentence


def triples(sentence: Sentence, book: CompiledCodebook, day: dt.date | None = None,
            require_dyad: bool = False) -> list[tuple[str | None, str | None, str]]:
    return [(m.source.code if m.source else None, m.target.code if m.target else None, m.code)
            for m in code_sentence(sentence, book, day, EngineSettings(require_dyad=require_dyad))]


# -- subjects, objects, obliques ----------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # nsubj / obj (UD v2) and nsubj / dobj (UD v1)
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj", [("ARN", "GON", "190")]),
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/dobj", [("ARN", "GON", "190")]),
    # word order does not decide: the object comes first
    ("Gondor/PROPN/4/obj ,/PUNCT/4/punct Arnor/PROPN/4/nsubj attacked:attack/VERB/0/root",
     [("ARN", "GON", "190")]),
    # an oblique with its preposition when there is no object (v1 nmod under a verb is obl)
    ("Arnor/PROPN/2/nsubj arrived:arrive/VERB/0/root in/ADP/4/case Gondor/PROPN/2/nmod",
     [("ARN", "GON", "042"), ("GON", "ARN", "043")]),
    # an oblique that names nobody is passed over for the next one
    ("Arnor/PROPN/2/nsubj arrived:arrive/VERB/0/root on/ADP/4/case Monday/PROPN/2/obl "
     "in/ADP/6/case Gondor/PROPN/2/obl", [("ARN", "GON", "042"), ("GON", "ARN", "043")]),
    # an object that names nobody: the actor inside its phrase
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root the/DET/4/det embassy/NOUN/2/obj of/ADP/6/case "
     "Gondor/PROPN/4/nmod", [("ARN", "GON", "190")]),
])
def test_engine_tree_subject_object_oblique(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


# -- passives -----------------------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    # UD v2: nsubj:pass, aux:pass, obl:agent
    "Gondor/PROPN/3/nsubj:pass was:be/AUX/3/aux:pass attacked:attack/VERB/0/root by/ADP/5/case "
    "Arnor/PROPN/3/obl:agent",
    # UD v1: nsubjpass, auxpass, nmod with "by"
    "Gondor/PROPN/3/nsubjpass was:be/AUX/3/auxpass attacked:attack/VERB/0/root by/ADP/5/case "
    "Arnor/PROPN/3/nmod",
])
def test_engine_tree_passive_by_agent(book: CompiledCodebook, words: str) -> None:
    assert triples(ud(words), book) == [("ARN", "GON", "190")]


def test_engine_tree_passive_without_agent_takes_the_oblique_as_source(book: CompiledCodebook) -> None:
    # PETRARCH's reading of "An Eriadorian was shot dead in Osgiliath"
    words = ("Gondor/PROPN/3/nsubj:pass was:be/AUX/3/aux:pass attacked:attack/VERB/0/root in/ADP/5/case "
             "Mordor/PROPN/3/obl")
    assert triples(ud(words), book) == [("MOR", "GON", "190")]


# -- coordination -------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # coordinated sources: one mention each
    ("Arnor/PROPN/4/nsubj and/CCONJ/3/cc Gondor/PROPN/1/conj attacked:attack/VERB/0/root Mordor/PROPN/4/obj",
     [("ARN", "MOR", "190"), ("GON", "MOR", "190")]),
    # coordinated targets
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj and/CCONJ/5/cc Mordor/PROPN/3/conj",
     [("ARN", "GON", "190"), ("ARN", "MOR", "190")]),
    # both: every combination
    ("Arnor/PROPN/4/nsubj and/CCONJ/3/cc Gondor/PROPN/1/conj attacked:attack/VERB/0/root Mordor/PROPN/4/obj "
     "and/CCONJ/7/cc Osgiliath/PROPN/5/conj",
     [("ARN", "MOR", "190"), ("ARN", "OSG", "190"), ("GON", "MOR", "190"), ("GON", "OSG", "190")]),
    # coordinated verbs: the second takes the first's subject
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj and/CCONJ/5/cc met:meet/VERB/2/conj "
     "Mordor/PROPN/5/obj",
     [("ARN", "GON", "190"), ("ARN", "MOR", "040"), ("MOR", "ARN", "040")]),
    # a list read with an apposition is still a list
    ("Mordor/PROPN/6/nsubj ,/PUNCT/1/punct Arnor/PROPN/1/appos and/CCONJ/5/cc Gondor/PROPN/3/conj "
     "attacked:attack/VERB/0/root Osgiliath/PROPN/6/obj",
     [("MOR", "OSG", "190"), ("ARN", "OSG", "190"), ("GON", "OSG", "190")]),
])
def test_engine_tree_coordination(book: CompiledCodebook, words: str, expected: list) -> None:
    assert sorted(triples(ud(words), book)) == sorted(expected)


def test_engine_tree_apposition_outside_a_list_is_the_same_actor(book: CompiledCodebook) -> None:
    words = ("Arnor/PROPN/5/nsubj ,/PUNCT/4/punct the/DET/4/det army/NOUN/1/appos "
             "attacked:attack/VERB/0/root "
             "Gondor/PROPN/5/obj")
    assert triples(ud(words), book) == [("ARN", "GON", "190")]


def test_engine_tree_cooperation_among_coordinated_sources_is_coded_both_ways(book: CompiledCodebook) -> None:
    # "Gondor and Osgiliath renewed diplomatic ties": each with the other
    words = ("Gondor/PROPN/4/nsubj and/CCONJ/3/cc Osgiliath/PROPN/1/conj renewed:renew/VERB/0/root "
             "diplomatic/ADJ/6/amod ties:tie/NOUN/4/obj")
    assert sorted(triples(ud(words), book)) == [("GON", "OSG", "050"), ("OSG", "GON", "050")]


def test_engine_tree_conflict_among_coordinated_sources_is_not_paired(book: CompiledCodebook) -> None:
    words = "Gondor/PROPN/4/nsubj and/CCONJ/3/cc Osgiliath/PROPN/1/conj attacked:attack/VERB/0/root"
    assert triples(ud(words), book) == [("GON", None, "190"), ("OSG", None, "190")]


# -- negation, reported speech, infinitives, pronouns --------------------------------------------

@pytest.mark.parametrize("words", [
    "Arnor/PROPN/4/nsubj did:do/AUX/4/aux not/PART/4/advmod attack/VERB/0/root Gondor/PROPN/4/obj",
    "Arnor/PROPN/4/nsubj did:do/AUX/4/aux n't:not/PART/4/neg attack/VERB/0/root Gondor/PROPN/4/dobj",
    "Arnor/PROPN/3/nsubj never/ADV/3/advmod attacked:attack/VERB/0/root Gondor/PROPN/3/obj",
])
def test_engine_tree_negated_anchor_codes_nothing(book: CompiledCodebook, words: str) -> None:
    assert triples(ud(words), book) == []


def test_engine_tree_reported_event_and_the_statement(book: CompiledCodebook) -> None:
    words = ("Arnor/PROPN/2/nsubj said:say/VERB/0/root Gondorian/ADJ/4/amod troops:troop/NOUN/5/nsubj "
             "attacked:attack/VERB/2/ccomp Mordor/PROPN/5/obj")
    # the reported event first, then the statement, whose target is the reported clause's subject
    assert triples(ud(words), book) == [("GONMIL", "MOR", "190"), ("ARN", "GONMIL", "010")]


def test_engine_tree_unnamed_speaker_without_target_is_no_statement(book: CompiledCodebook) -> None:
    words = ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj ,/PUNCT/2/punct "
             "an/DET/6/det official/NOUN/7/nsubj said:say/VERB/2/parataxis")
    assert triples(ud(words), book) == [("ARN", "GON", "190")]


def test_engine_tree_what_is_urged_is_not_an_event_of_its_own(book: CompiledCodebook) -> None:
    words = ("Arnor/PROPN/2/nsubj urged:urge/VERB/0/root Gondor/PROPN/2/obj to/PART/5/mark "
             "attack/VERB/2/xcomp Mordor/PROPN/5/obj")
    assert triples(ud(words), book) == [("ARN", "GON", "023")]


def test_engine_tree_infinitive_takes_its_governor_subject(book: CompiledCodebook) -> None:
    # "Arnor is about to attack Gondor": the adjective root lends its subject to the infinitive
    words = ("Arnor/PROPN/3/nsubj is:be/AUX/3/cop about/ADJ/0/root to/PART/5/mark attack/VERB/3/xcomp "
             "Gondor/PROPN/5/obj")
    assert triples(ud(words), book) == [("ARN", "GON", "190")]


def test_engine_tree_pronoun_subject_of_a_reported_clause(book: CompiledCodebook) -> None:
    words = ("Arnor/PROPN/2/nsubj said:say/VERB/0/root it/PRON/5/nsubj would/AUX/5/aux attack/VERB/2/ccomp "
             "Gondor/PROPN/5/obj")
    # the statement's target is the reported clause's subject, Arnor itself: nobody
    assert triples(ud(words), book) == [("ARN", "GON", "190"), ("ARN", None, "010")]


def test_engine_tree_participle_modifier_is_done_to_its_noun(book: CompiledCodebook) -> None:
    words = ("Gondorian/ADJ/2/amod soldiers:soldier/NOUN/0/root attacked:attack/VERB+part/2/acl "
             "by/ADP/5/case Mordor/PROPN/3/obl")
    assert triples(ud(words), book) == [("MOR", "GONMIL", "190")]


def test_engine_tree_relative_pronoun_stands_for_its_noun(book: CompiledCodebook) -> None:
    words = ("the/DET/2/det army/NOUN/0/root of/ADP/4/case Arnor/PROPN/2/nmod ,/PUNCT/2/punct "
             "which/PRON/7/nsubj attacked:attack/VERB/2/acl:relcl Gondor/PROPN/7/obj")
    assert triples(ud(words), book) == [("ARNMIL", "GON", "190")]


# -- actors composed from a country or group and an agent -----------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # demonym + agent
    ("Arnorian/ADJ/2/amod troops:troop/NOUN/3/nsubj attacked:attack/VERB/0/root Gondor/PROPN/3/obj",
     [("ARNMIL", "GON", "190")]),
    # possessive + agent
    ("Gondor/PROPN/3/nmod:poss 's/PART/1/case army/NOUN/4/nsubj attacked:attack/VERB/0/root "
     "Mordor/PROPN/4/obj",
     [("GONMIL", "MOR", "190")]),
    # an agent takes the actors of its modifier, one per conjunct
    ("the/DET/2/det ambassadors:ambassador/NOUN/7/nsubj of/ADP/4/case Arnor/PROPN/2/nmod and/CCONJ/6/cc "
     "Gondor/PROPN/4/conj met:meet/VERB/0/root Mordor/PROPN/7/obj",
     [("ARNGOV", "MOR", "040"), ("MOR", "ARNGOV", "040"), ("GONGOV", "MOR", "040"),
      ("MOR", "GONGOV", "040")]),
    # coordinated agents share the first one's modifiers; agents side by side chain their codes
    ("the/DET/4/det Danish/ADJ/4/amod Islamist/PROPN/4/compound media/NOUN/7/nsubj and/CCONJ/6/cc "
     "government/NOUN/4/conj met:meet/VERB/0/root Gondor/PROPN/7/obj",
     [("DNKMUSMED", "GON", "040"), ("GON", "DNKMUSMED", "040"), ("DNKMUSGOV", "GON", "040"),
      ("GON", "DNKMUSGOV", "040")]),
    # a role written before the code (PETRARCH's NGO~)
    ("an/DET/4/det aid/NOUN/3/compound group/NOUN/4/compound Arnor/PROPN/5/nsubj attacked:attack/VERB/0/root "
     "Gondor/PROPN/5/obj", [("NGOARN", "GON", "190")]),
    # an agent used as an adjective of a word that names nobody is no agent
    ("the/DET/3/det official/ADJ/3/amod agency/NOUN/4/nsubj attacked:attack/VERB/0/root Gondor/PROPN/4/obj",
     [(None, "GON", "190")]),
    # an agent alone: its role without a country
    ("soldiers:soldier/NOUN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj",
     [("---MIL", "GON", "190")]),
])
def test_engine_tree_actor_composition(book: CompiledCodebook, words: str, expected: list) -> None:
    assert sorted(triples(ud(words), book), key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(("day", "code"), [(dt.date(1999, 5, 1), "ARNREB"), (dt.date(2005, 5, 1), "GONGOV")])
def test_engine_tree_actor_code_follows_the_document_date(book: CompiledCodebook, day: dt.date,
                                                          code: str) -> None:
    words = "Aragorn/PROPN/2/nsubj attacked:attack/VERB/0/root Mordor/PROPN/2/obj"
    assert triples(ud(words), book, day) == [(code, "MOR", "190")]


# -- patterns, slots, reverse codes, discards, require_dyad ---------------------------------------

@pytest.mark.parametrize(("words", "expected"), [
    # a group's words stand next to each other (determiners may come between)
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj from/ADP/6/case the/DET/6/det "
     "air/NOUN/2/obl", [("ARN", "GON", "195")]),
    ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj from/ADP/7/case the/DET/7/det "
     "cold/ADJ/7/amod air/NOUN/2/obl", [("ARN", "GON", "190")]),
    # '+' after the anchor: the actor found there is the target, not the object
    ("Arnor/PROPN/2/nsubj sent:send/VERB/0/root humanitarian/ADJ/4/amod aid/NOUN/2/obj to/ADP/6/case "
     "Gondor/PROPN/2/obl", [("ARN", "GON", "073")]),
    # '+' before the anchor names the subject, '$' after it the source
    ("Gondor/PROPN/3/nsubj:pass was:be/AUX/3/aux:pass freed:free/VERB/0/root from/ADP/5/case "
     "Mordor/PROPN/3/obl", [("MOR", "GON", "080")]),
    # '^' is any one word: "celebrated Eid in Osgiliath with Gondor" -> Gondor
    ("Arnor/PROPN/2/nsubj celebrated:celebrate/VERB/0/root Eid/PROPN/2/obj in/ADP/5/case "
     "Osgiliath/PROPN/2/obl "
     "with/ADP/7/case Gondor/PROPN/2/obl", [("ARN", "GON", "057")]),
    # a pattern's reverse code
    ("Arnor/PROPN/2/nsubj hosted:host/VERB/0/root a/DET/4/det summit/NOUN/2/obj with/ADP/6/case "
     "Gondor/PROPN/4/nmod", [("ARN", "GON", "036"), ("GON", "ARN", "036")]),
])
def test_engine_tree_patterns(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


@pytest.mark.parametrize(("words", "code"), [
    # words before '*' are the subject's: "the Arnorian air force attacked"
    ("the/DET/4/det Arnorian/ADJ/4/amod air/NOUN/4/compound force/NOUN/5/nsubj attacked:attack/VERB/0/root "
     "Gondor/PROPN/5/obj", "195"),
    # not an adverb before the verb (PETRARCH-2 reads no such words)
    ("Arnor/PROPN/3/nsubj recently/ADV/3/advmod allowed:allow/VERB/0/root Gondor/PROPN/3/obj", "080"),
    # words after '*' are not looked for in the clause the verb reports
    ("Arnor/PROPN/2/nsubj allowed:allow/VERB/0/root that/SCONJ/8/mark Gondor/PROPN/8/nsubj is:be/AUX/8/cop "
     "a/DET/8/det pleasant/ADJ/8/amod place:place/NOUN/2/ccomp", "080"),
])
def test_engine_tree_pattern_words_stay_in_the_anchor_phrase(book: CompiledCodebook, words: str,
                                                             code: str) -> None:
    assert [c for _, _, c in triples(ud(words), book)] == [code]


def test_engine_tree_word_of_another_pattern_is_no_anchor(book: CompiledCodebook) -> None:
    # "strike" is an anchor, but here it is what the pattern of "attacked" is about
    words = ("Arnor/PROPN/2/nsubj hosted:host/VERB/0/root a/DET/4/det summit/NOUN/2/obj on/ADP/6/case "
             "Gondor/PROPN/4/nmod")
    assert triples(ud(words), book) == [("ARN", "GON", "036"), ("GON", "ARN", "036")]


@pytest.mark.parametrize(("words", "expected"), [
    # the noun's own phrase: possessor is the doer, "on"-phrase the target
    ("Arnor/PROPN/3/nmod:poss 's/PART/1/case attack/NOUN/0/root on/ADP/5/case Gondor/PROPN/3/nmod",
     [("ARN", "GON", "190")]),
    ("an/DET/2/det attack/NOUN/0/root by/ADP/4/case Arnor/PROPN/2/nmod", [("ARN", None, "190")]),
    # a genitive without preposition is the doer (Arabic idafa; here in English words)
    ("attack/NOUN/0/root Arnor/PROPN/1/nmod", [("ARN", None, "190")]),
    # no actor in its phrase: the actors nearest in word order
    ("Arnor/PROPN/4/nsubj launched:launch/VERB/0/root an/DET/4/det attack/NOUN/2/obj",
     [("ARN", None, "190")]),
    # ... unless it stands in a prepositional phrase (a topic, not a reported event)
    ("Arnor/PROPN/2/nsubj spoke:speak/VERB/0/root about/ADP/4/case attack/NOUN/2/obl", []),
])
def test_engine_tree_nominal_anchor(book: CompiledCodebook, words: str, expected: list) -> None:
    assert triples(ud(words), book) == expected


def test_engine_tree_discard_and_require_dyad(book: CompiledCodebook) -> None:
    football = ("Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root Gondor/PROPN/2/obj after/ADP/6/case "
                "a/DET/6/det football/NOUN/7/compound match/NOUN/2/obl")
    assert triples(ud(football), book) == []
    alone = "Arnor/PROPN/2/nsubj attacked:attack/VERB/0/root"
    assert triples(ud(alone), book) == [("ARN", None, "190")]
    assert triples(ud(alone), book, require_dyad=True) == []


def test_engine_tree_sentence_without_heads_uses_word_order(book: CompiledCodebook) -> None:
    from tests.conftest import make_sentence

    assert triples(make_sentence("Arnor attacked Gondor .".split()), book) == [("ARN", "GON", "190")]


def test_engine_tree_malformed_tree_does_not_loop(book: CompiledCodebook) -> None:
    # a cycle between two words (a broken parser's output) resolves to nothing, without recursion errors
    words = "Arnor/PROPN/3/nsubj Gondor/PROPN/1/nmod attacked:attack/VERB/0/root Mordor/PROPN/3/obj"
    sentence = ud(words)
    assert triples(sentence, book)[0][1:] == ("MOR", "190")
    assert Path  # the module's imports stay used
