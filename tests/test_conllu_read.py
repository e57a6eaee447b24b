"""coder.frontends.conllu: reading CoNLL-U (UD v1 and v2) into sentences."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coder.errors import InputError
from coder.frontends.conllu import parse_conllu
from coder.model import Sentence, Token


def simple_key(form: str, lemma: str, language: str) -> str:
    """Stand-in for match_key, so these tests do not depend on the lite front-end."""
    return (lemma or form).lower()


def row(ident: object, form: str, lemma: str = "_", upos: str = "X", head: object = "_",
        deprel: str = "_", misc: str = "_", feats: str = "_") -> str:
    return "\t".join([str(ident), form, lemma, upos, "_", feats, str(head), deprel, "_", misc])


def parse(text: str, language: str = "en", texts: list[str] | None = None) -> tuple[Sentence, ...]:
    return parse_conllu(text, language, texts, key=simple_key)


ENGLISH = "\n".join([
    "# sent_id = 1",
    "# text = Arnor restored ties with Gondor.",
    row(1, "Arnor", "Arnor", "PROPN", 2, "nsubj"),
    row(2, "restored", "restore", "VERB", 0, "root", feats="Tense=Past"),
    row(3, "ties", "tie", "NOUN", 2, "dobj"),
    row(4, "with", "with", "ADP", 5, "case"),
    row(5, "Gondor", "Gondor", "PROPN", 2, "nmod", misc="SpaceAfter=No"),
    row(6, ".", ".", "PUNCT", 2, "punct"),
    "",
])


def test_conllu_reads_tokens_with_offsets_into_the_text() -> None:
    (sentence,) = parse(ENGLISH)
    assert sentence.index == 0
    assert sentence.text == "Arnor restored ties with Gondor."
    assert sentence.language == "en"
    assert sentence.has_heads
    assert sentence.keys == tuple(t.key for t in sentence.tokens)
    assert sentence.tokens[1] == Token(id=2, form="restored", lemma="restore", upos="VERB",
                                       key="restore", feats="Tense=Past", head=0, deprel="root",
                                       start=6, end=14)
    assert [sentence.text[t.start:t.end] for t in sentence.tokens] == [
        "Arnor", "restored", "ties", "with", "Gondor", "."]
    assert all(type(t) is Token for t in sentence.tokens)


@pytest.mark.parametrize(("deprel", "head_upos", "expected"), [
    ("dobj", "VERB", "obj"),
    ("nsubjpass", "VERB", "nsubj:pass"),
    ("csubjpass", "VERB", "csubj:pass"),
    ("auxpass", "VERB", "aux:pass"),
    ("mwe", "ADP", "fixed"),
    ("name", "PROPN", "flat"),
    ("nmod", "VERB", "obl"),
    ("nmod:tmod", "VERB", "obl:tmod"),
    ("nmod:agent", "VERB", "obl:agent"),
    ("nmod", "ADJ", "obl"),
    ("nmod", "NOUN", "nmod"),
    ("nmod:poss", "NOUN", "nmod:poss"),
    ("nmod:poss", "VERB", "nmod:poss"),
    ("neg", "VERB", "advmod"),
    ("acl:relcl", "NOUN", "acl:relcl"),
])
def test_conllu_v1_relations_get_v2_names(deprel: str, head_upos: str, expected: str) -> None:
    text = "\n".join([row(1, "head", "head", head_upos, 0, "root"),
                      row(2, "word", "word", "NOUN", 1, deprel)]) + "\n"
    (sentence,) = parse(text)
    assert sentence.tokens[1].deprel == expected


def test_conllu_v2_sentence_keeps_nmod_under_a_verb() -> None:
    # `obj` marks the sentence as UD v2: its relations are already v2 names.
    text = "\n".join([row(1, "fought", "fight", "VERB", 0, "root"),
                      row(2, "war", "war", "NOUN", 1, "obj"),
                      row(3, "years", "year", "NOUN", 1, "nmod"),
                      row(4, "it", "it", "PRON", 1, "dobj")]) + "\n"
    (sentence,) = parse(text)
    assert [t.deprel for t in sentence.tokens] == ["root", "obj", "nmod", "obj"]


ARABIC_MWT = "\n".join([
    "# text = وقصفت الطائرات المدينة",
    "1-2\tوقصفت\t_\t_\t_\t_\t_\t_\t_\t_",
    row(1, "و", "و", "CCONJ", 2, "cc"),
    row(2, "قصفت", "قصف", "VERB", 0, "root"),
    row(3, "الطائرات", "طائرة", "NOUN", 2, "nsubj"),
    "3.1\tقصفت\tقصف\tVERB\t_\t_\t_\t_\t2:conj\t_",
    row(4, "المدينة", "مدينة", "NOUN", 2, "obj"),
    "",
])


def test_conllu_multiword_token_words_share_the_surface_span() -> None:
    (sentence,) = parse(ARABIC_MWT, "ar")
    assert [t.form for t in sentence.tokens] == ["و", "قصفت", "الطائرات", "المدينة"]
    assert [t.id for t in sentence.tokens] == [1, 2, 3, 4]
    assert [(t.start, t.end) for t in sentence.tokens] == [(0, 5), (0, 5), (6, 14), (15, 22)]
    assert sentence.language == "ar"


def test_conllu_text_is_rebuilt_from_surface_forms_without_a_text_comment() -> None:
    text = "\n".join(line for line in ARABIC_MWT.split("\n") if not line.startswith("#"))
    (sentence,) = parse(text, "ar")
    assert sentence.text == "وقصفت الطائرات المدينة"
    (english,) = parse("\n".join(line for line in ENGLISH.split("\n") if not line.startswith("#")))
    assert english.text == "Arnor restored ties with Gondor."


def test_conllu_given_sentence_texts_win_and_offsets_follow_them() -> None:
    (sentence,) = parse(ENGLISH, texts=["  Arnor  restored ties with Gondor ."])
    assert sentence.text == "  Arnor  restored ties with Gondor ."
    assert [(t.start, t.end) for t in sentence.tokens][:2] == [(2, 7), (9, 17)]
    assert sentence.tokens[-1].start == 35


def test_conllu_token_missing_from_the_text_gets_minus_one() -> None:
    text = "\n".join([row(1, "-LRB-", "(", "PUNCT", 2, "punct"), row(2, "Arnor", "Arnor", "PROPN", 0, "root"),
                      row(3, "xyz", "xyz", "X", 2, "dep"), row(4, "left", "leave", "VERB", 2, "dep")])
    (sentence,) = parse(text, texts=["(Arnor left"])
    assert [(t.start, t.end) for t in sentence.tokens] == [(0, 1), (1, 6), (-1, -1), (7, 11)]


def test_conllu_arabic_normalised_forms_are_found_in_the_original_text() -> None:
    text = "\n".join([row(1, "اعلن", "أعلن", "VERB", 0, "root"), row(2, "الى", "إلى", "ADP", 1, "case"),
                      row(3, "،", ",", "PUNCT", 1, "punct")])
    (sentence,) = parse(text, "ar", texts=["أعلنَ إلى ،"])
    assert [(t.start, t.end) for t in sentence.tokens] == [(0, 5), (6, 9), (10, 11)]


def test_conllu_underscore_fields_mean_unknown() -> None:
    text = row(1, "Arnor") + "\n" + row(2, "left") + "\n"
    (sentence,) = parse(text)
    assert sentence.tokens[0].lemma == ""
    assert sentence.tokens[0].head is None
    assert sentence.tokens[0].deprel is None
    assert sentence.tokens[0].key == "arnor"
    assert not sentence.has_heads


def test_conllu_several_sentences_comments_and_blank_lines() -> None:
    text = ("\n\n# newdoc\n" + ENGLISH + "\n\n\n" + ENGLISH.replace("Arnor", "Bree")
            + "   \n\n# only a comment\n")
    sentences = parse(text)
    assert [s.index for s in sentences] == [0, 1]
    assert sentences[1].text == "Bree restored ties with Gondor."
    assert parse("") == ()


def test_conllu_windows_line_ends() -> None:
    assert parse(ENGLISH.replace("\n", "\r\n")) == parse(ENGLISH)


@pytest.mark.parametrize(("text", "message"), [
    ("1\tArnor\n",
     "CoNLL-U sentence 1, line 1: expected 10 tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS "
     "HEAD DEPREL DEPS MISC), found 2: '1\\tArnor'"),
    (row(1, "a", head=0, deprel="root") + "\n\n" + row(1, "b", head="x", deprel="dep") + "\n",
     "CoNLL-U sentence 2, line 3: head 'x' is not an integer"),
    (row(1, "a", head=0, deprel="root") + "\n" + row(2, "b", head=7, deprel="dep") + "\n",
     "CoNLL-U sentence 1, line 2: head 7 is out of range (the sentence has 2 words)"),
    (row(1, "a", head=-1, deprel="root") + "\n",
     "CoNLL-U sentence 1, line 1: head '-1' is not an integer"),
    (row(1, "a", head=1, deprel="root") + "\n",
     "CoNLL-U sentence 1, line 1: word 1 is its own head"),
    ("# c\n" + row(1, "a", head=0, deprel="root") + "\n" + row(3, "b", head=1, deprel="dep") + "\n",
     "CoNLL-U sentence 1, line 3: word id 3 out of sequence (expected 2): "
     "'3\\tb\\t_\\tX\\t_\\t_\\t1\\tdep\\t_\\t_'"),
    (row("one", "a") + "\n",
     "CoNLL-U sentence 1, line 1: word id 'one' is not an integer: "
     "'one\\ta\\t_\\tX\\t_\\t_\\t_\\t_\\t_\\t_'"),
    (row("2-3", "ab") + "\n" + row(1, "a") + "\n",
     "CoNLL-U sentence 1, line 1: multi-word token range '2-3' does not start at the next word (1) "
     "or ends before it starts: '2-3\\tab\\t_\\tX\\t_\\t_\\t_\\t_\\t_\\t_'"),
    (row(1, "a") + "\n" + row("2-3", "bc") + "\n" + row(2, "b") + "\n",
     "CoNLL-U sentence 1, line 2: multi-word token 2-3 covers words the sentence lacks (it has 2)"),
])
def test_conllu_malformed_line_is_an_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_conllu_sentence_texts_must_match_the_sentences() -> None:
    with pytest.raises(InputError) as caught:
        parse(ENGLISH, texts=["one", "two"])
    assert str(caught.value) == ("CoNLL-U has 1 sentences but 2 sentence texts were given; give one "
                                 "text per CoNLL-U sentence")


def test_conllu_default_key_is_match_key() -> None:
    keys = pytest.importorskip("coder.frontends.keys")
    (sentence,) = parse_conllu(ENGLISH, "en")
    assert [t.key for t in sentence.tokens] == [
        keys.match_key(t.form, t.lemma, "en") for t in sentence.tokens]


WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                min_size=1, max_size=6)


@st.composite
def sentences(draw: st.DrawFn) -> list[str]:
    count = draw(st.integers(1, 12))
    lines = []
    for position in range(1, count + 1):
        head = draw(st.integers(0, count).filter(lambda h, p=position: h != p))
        deprel = draw(st.sampled_from(["nsubj", "dobj", "nmod", "obj", "nmod:poss", "neg", "_"]))
        upos = draw(st.sampled_from(["VERB", "NOUN", "ADJ", "PRON"]))
        misc = draw(st.sampled_from(["_", "SpaceAfter=No"]))
        lines.append(row(position, draw(WORDS), draw(WORDS), upos, head, deprel, misc))
    return lines


@settings(max_examples=150, deadline=None)
@given(sentences())
def test_conllu_fast_and_line_by_line_paths_agree(lines: list[str]) -> None:
    plain = parse("\n".join(lines) + "\n")
    # a comment between the words sends the sentence down the line-by-line path
    slow = parse("\n".join(lines[:1] + ["# between"] + lines[1:]) + "\n")
    assert plain == slow


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789-._\t\n #=abcوقصفت\r") | st.characters(),
               max_size=300))
def test_conllu_arbitrary_text_raises_only_input_error(text: str) -> None:
    try:
        result = parse(text)
    except InputError:
        return
    assert all(isinstance(s, Sentence) for s in result)


def test_conllu_reads_many_sentences_quickly() -> None:
    words = ["The", "army", "shelled", "the", "town", "of", "Misrata", "on", "Monday", ","]
    lines = [row(i, (words * 3)[i - 1], (words * 3)[i - 1].lower(), "NOUN", i - 1, "dep")
             for i in range(1, 26)]
    block = "# text = " + " ".join((words * 3)[:25]) + "\n" + "\n".join(lines) + "\n\n"
    documents = [block * 20 for _ in range(100)]
    start = time.perf_counter()
    count = sum(len(parse(doc)) for doc in documents)
    rate = count / (time.perf_counter() - start)
    print(f"conllu: {rate:,.0f} sentences/s (25 tokens each)")
    assert count == 2000
    assert rate > 5_000
