"""Match keys: the one function that codebook phrases and text words both go through.

A codebook phrase matches a text word when their keys are equal, whichever front-end produced
the word, so every front-end and the codebook compiler call ``match_key`` and nothing else.
"""

from __future__ import annotations

from functools import lru_cache

from coder.frontends.lite.arabic import normalize_arabic, strip_article
from coder.frontends.lite.english import lemmatize
from coder.frontends.lite.tokenize import tokenize

# Capitalised forms that lower-casing would confuse with another word: "US" is the United
# States, "us" a pronoun.
ENGLISH_CASED = {"US": "u.s."}


def english_key(form: str, lemma: str | None = None) -> str:
    """The English key: the lower-cased lemma.

    A parser's lemma is used when given, except a capitalised one: parsers leave proper nouns
    uninflected ("States", "Nations") where the codebook's phrases, lemmatised without context,
    say "state", "nation"; lemmatising the form keeps both sides equal. A few capitalised
    forms keep their own key (``ENGLISH_CASED``: "US" is "U.S.", not "us").
    """
    cased = ENGLISH_CASED.get(form)
    if cased is not None:
        return cased
    if lemma and lemma != "_" and not lemma[0].isupper():
        return lemma.lower()
    return lemmatize(form.lower())


def arabic_key(form: str) -> str:
    """The Arabic key: the normalised form without the article (parsers' lemmas are ignored)."""
    return strip_article(normalize_arabic(form))


@lru_cache(maxsize=1 << 16)  # words repeat across documents (Zipf): most keys are looked up, not made
def match_key(form: str, lemma: str | None, language: str) -> str:
    """The key a word is matched on: English lemma, Arabic normalised form, else the lower form.

    English: ``lemma`` lower-cased when given (not "_" and not capitalised), else
    ``lemmatize(form.lower())``. Arabic: ``strip_article(normalize_arabic(form))``; the lemma is
    ignored because parsers' Arabic lemmas are vocalised and inconsistent. Other languages:
    ``form.lower()``.
    """
    if language == "en":
        return english_key(form, lemma)
    if language == "ar":
        return arabic_key(form)
    return form.lower()


def _wildcard_key(stem: str, language: str) -> str:
    # A stem is not a word, so English stems are only lower-cased: lemmatising "pres" (for
    # president, press) would cut its final s.
    if language == "ar":
        return arabic_key(stem)
    return stem.lower()


def phrase_keys(phrase: str, language: str) -> tuple[str, ...]:
    """The keys of a codebook phrase's words, in order.

    Words are separated by whitespace and then tokenised like text (English "Haftar's" →
    "haftar", "'s"), without Arabic clitic segmentation: a phrase is written with bare words.
    A word ending in ``*`` keeps it, after the key of the part before it («سيطر*» → «سيطر*»).
    «الجيش الوطني» → («جيش», «وطني»).
    """
    keys: list[str] = []
    for word in phrase.split():
        if word.endswith("*") and len(word) > 1:
            keys.append(_wildcard_key(word[:-1], language) + "*")
            continue
        for form, _, _, kind in tokenize(word, language):
            keys.append(match_key(form, None, language) if kind != "punct" else form)
    return tuple(keys)
