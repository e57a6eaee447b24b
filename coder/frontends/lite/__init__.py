"""The lite front-end: rule-based English and Arabic sentences and tokens, no model.

Tokens carry no heads: the rule engine falls back on word order. UPOS is a cheap guess (PUNCT,
NUM, PROPN for capitalised English words after the first, clitic classes for Arabic, else X)
that the engine does not rely on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coder.frontends import keys as _keys
from coder.frontends.lite.arabic import segment_with_upos
from coder.frontends.lite.english import lemmatize
from coder.frontends.lite.sentences import split_sentences
from coder.frontends.lite.tokenize import KIND, pattern_for
from coder.model import Sentence, Token

__all__ = ["LiteFrontend"]

# Word analyses are memoised per front-end (news vocabulary is Zipfian, so most words repeat);
# the memo is cleared when it reaches this many words, which bounds its memory.
_MEMO_LIMIT = 300_000

# A word's analysis: (form, lemma, key, upos) per syntactic word; upos None means "decide by
# position" (English PROPN needs to know whether the word starts the sentence).
_Analysis = tuple[tuple[str, str, str, str | None], ...]


def _analyse_english(form: str) -> _Analysis:
    lemma = lemmatize(form.lower())
    return ((form, lemma, _keys.english_key(form, lemma), None),)


def _analyse_arabic(form: str, vocabulary: frozenset[str]) -> _Analysis:
    analysis = []
    for segment, upos in segment_with_upos(form, vocabulary):
        key = _keys.arabic_key(segment)
        analysis.append((segment, key, key, upos))
    return tuple(analysis)


def _analyse_other(form: str, language: str) -> _Analysis:
    key = _keys.match_key(form, None, language)
    return ((form, key, key, "X"),)


@dataclass(frozen=True, slots=True)
class LiteFrontend:
    """Rule-based front-end for English and Arabic.

    ``vocabulary`` holds the Arabic keys the codebook knows; it guides clitic segmentation
    (a prefix is split off when what remains is a codebook word), so build the front-end with
    the codebook's Arabic keys (and any gazetteer names) for the best segmentation.
    """

    vocabulary: frozenset[str] = frozenset()
    _memo: dict[str, dict[str, _Analysis]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __reduce__(self) -> tuple[type[LiteFrontend], tuple[frozenset[str]]]:
        # Sent to worker processes without its memo, which can be large.
        return (LiteFrontend, (self.vocabulary,))

    def parse(self, text: str, language: str) -> tuple[Sentence, ...]:
        """Split ``text`` into sentences of tokens; sentences without a word or number are dropped.

        Token offsets are relative to the sentence text; the clitics of one surface word share
        its span. Languages other than 'en' and 'ar' get language-neutral tokens keyed by their
        lower-case form. Never raises on any string.
        """
        sentences: list[Sentence] = []
        for start, end in split_sentences(text, language):
            sentence_text = text[start:end]
            tokens = self._tokens(sentence_text, language)
            if tokens:
                sentences.append(Sentence(len(sentences), sentence_text, tokens, language))
        return tuple(sentences)

    def _memo_for(self, language: str) -> dict[str, _Analysis]:
        memo = self._memo.get(language)
        if memo is None or len(memo) >= _MEMO_LIMIT:
            memo = self._memo[language] = {}
        return memo

    def _analyse(self, form: str, language: str) -> _Analysis:
        if language == "en":
            return _analyse_english(form)
        if language == "ar":
            return _analyse_arabic(form, self.vocabulary)
        return _analyse_other(form, language)

    def _tokens(self, text: str, language: str) -> tuple[Token, ...]:
        # The hot loop of the front-end: one regex pass, memoised word analyses, no other calls.
        memo = self._memo_for(language)
        kinds = KIND
        new = tuple.__new__  # Token(...) without its Python-level __new__: 2.5x faster to build
        tokens: list[Token] = []
        append = tokens.append
        n = 0
        seen_word = False
        for match in pattern_for(text, language).finditer(text):
            form = match.group()
            start, end = match.span()
            kind = kinds[match.lastgroup or "punct"]
            n += 1
            if kind == "punct":
                append(new(Token, (n, form, form, "PUNCT", form, "_", None, None, start, end)))
                continue
            initial, seen_word = not seen_word, True
            if kind == "num":
                key = _keys.match_key(form, None, language)
                append(new(Token, (n, form, form, "NUM", key, "_", None, None, start, end)))
                continue
            analysis = memo.get(form)
            if analysis is None:
                analysis = memo[form] = self._analyse(form, language)
            for word, lemma, key, upos in analysis:
                if upos is None:
                    upos = "PROPN" if not initial and word[0].isupper() else "X"
                append(new(Token, (n, word, lemma, upos, key, "_", None, None, start, end)))
                n += 1
            n -= 1
        return tuple(tokens) if seen_word else ()
