"""Sentence splitting by rule, returning character spans so sentences keep the input's spelling.

Sentences end at . ! ? … and the Arabic ؟ and ۔, and always at a line break (a headline is its
own line). The Arabic comma ، does not end a sentence. In English a full stop after a title or
month abbreviation (Mr., Gen., Jan.), after dotted initials (U.S., e.g.) or a single capital
(J. Smith), or before a lower-case word, does not end one; decimals never reach the rule because
a sentence end must be followed by a space, the end of the line, or (Arabic) a letter.
"""

from __future__ import annotations

import re

from coder.frontends.lite.tokenize import INVISIBLE, TITLE_ABBREVIATIONS

_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_CLOSERS = "\"'”’»)\\]"
_END_EN = re.compile(rf"[.!?؟۔…]+[{_CLOSERS}]*(?=\s|$)")
# Arabic writers often omit the space after a full stop: «مصراتة.وقال».
_END_AR = re.compile(rf"[.!?؟۔…]+[{_CLOSERS}]*(?=\s|$|[\u0621-\u064A])")
_OPENERS = "([\"'“‘«"
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_NEXT_CHAR = re.compile(rf"[\s{INVISIBLE}]*(.)")
_ABBREVIATIONS = frozenset(TITLE_ABBREVIATIONS) | {"e.g", "i.e", "a.m", "p.m"}
_SPACE = frozenset(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                   "\u202f\u205f\u3000" + "\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
                   "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")


def _word_before(line: str, pos: int) -> str:
    """The whitespace-delimited word that ends at ``pos``, without opening brackets or quotes."""
    words = line[max(0, pos - 24):pos].split()
    if not words or line[pos - 1:pos].isspace():
        return ""
    return words[-1].lstrip(_OPENERS)


def _is_english_end(line: str, end: re.Match[str]) -> bool:
    """Whether a full stop at ``end`` really ends an English sentence."""
    marks = end.group()
    if marks[0] != "." or marks.startswith(".."):
        return _next_is_not_lower(line, end.end())
    word = _word_before(line, end.start())
    if word in _ABBREVIATIONS or _DOTTED.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return False
    return _next_is_not_lower(line, end.end())


def _next_is_not_lower(line: str, pos: int) -> bool:
    following = _NEXT_CHAR.match(line, pos)
    return following is None or not following.group(1).islower()


def _is_arabic_end(line: str, end: re.Match[str]) -> bool:
    """Whether a full stop really ends an Arabic sentence: not after a one-letter abbreviation (د.)."""
    if end.group()[0] != ".":
        return True
    word = _word_before(line, end.start())
    return not (len(word) == 1 and "\u0621" <= word <= "\u064a")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and (text[start].isspace() or text[start] in _SPACE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACE):
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of the sentences of ``text``, whitespace trimmed, none empty.

    ``text[start:end]`` is the sentence exactly as written. English rules apply for "en";
    every other language uses the Arabic rules (no abbreviations).
    """
    english = language == "en"
    ends, is_end = (_END_EN, _is_english_end) if english else (_END_AR, _is_arabic_end)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        line_text, offset = line.group(), line.start()
        start = 0
        for end in ends.finditer(line_text):
            if is_end(line_text, end):
                span = _trimmed(text, offset + start, offset + end.end())
                if span:
                    spans.append(span)
                start = end.end()
        if start < len(line_text):  # most lines end with their last sentence's stop
            span = _trimmed(text, offset + start, offset + len(line_text))
            if span:
                spans.append(span)
    return spans
