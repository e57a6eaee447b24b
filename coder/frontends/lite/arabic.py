"""Arabic normalisation, article stripping and clitic segmentation, without a model.

Segmentation follows UD Arabic (PADT): the conjunctions و ف, the prepositions ب ل ك, the future
particle س and pronoun suffixes become words of their own; the article ال stays on its noun, and
«لل» is ل + ال with the alef restored («للجيش» → ل + الجيش). A split is made only when something
supports it: the codebook's vocabulary, a closed list of function words, the article, or (for و/ف
and third-person pronoun suffixes only) a length rule checked against a list of exceptions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from coder.frontends.lite import arabic_lexicon as lex

# Marks that carry no lexical distinction in news text: tashkeel, superscript alef, Quranic
# annotation signs, tatweel, and invisible joiners/bidi controls that break string equality.
_REMOVED_RANGES = (
    (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06DC), (0x06DF, 0x06E8),
    (0x06EA, 0x06ED), (0x0640, 0x0640), (0x061C, 0x061C), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2066, 0x2069), (0xFEFF, 0xFEFF),
)

# Letter variants that writers use interchangeably. ؤ and ئ become the bare hamza ء rather than
# their seats و/ي: that unifies the real spelling variants of news text (مسؤول/مسئول,
# شؤون/شئون, شيء/شيئ) without merging hamza words into ordinary و/ي words (سؤال ≠ سوال).
_LETTER_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "ء", "ئ": "ء",
    "ی": "ي", "ک": "ك",  # Persian yeh and keheh, typed on Persian keyboards
}


def _base_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in _REMOVED_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = None
    for src, dst in _LETTER_MAP.items():
        table[ord(src)] = dst
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Extended (Persian) digits
    return table


def _full_table() -> dict[int, str | None]:
    """The base table plus presentation forms (old PDFs), mapped to their normalised letters.

    Every value is already normalised, so translating twice changes nothing (idempotence).
    """
    base = _base_table()
    table = dict(base)
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC)):
        for cp in range(lo, hi + 1):
            decomposed = unicodedata.normalize("NFKC", chr(cp))
            if decomposed != chr(cp):
                table[cp] = decomposed.translate(base)
    return table


_TABLE = _full_table()
_COMBINING_HAMZA = frozenset("\u0653\u0654\u0655")


def normalize_arabic(text: str) -> str:
    """Normalise Arabic spelling for matching: no diacritics or tatweel, one alef, ASCII digits.

    أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ ئ → ء; Arabic-Indic and Persian digits → 0-9; presentation forms
    → letters. Idempotent; other scripts pass through unchanged.
    """
    # Decomposed hamza (NFD input, e.g. from macOS) must compose first so «ا+ٔ» and «أ»
    # normalise alike; checking three characters is much cheaper than always running NFC.
    if not _COMBINING_HAMZA.isdisjoint(text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_TABLE)


_ARTICLE_KEEP = frozenset(
    normalize_arabic(w)
    for w in ("الله", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللاتي",
              "اللواتي", "الآن")
)


def strip_article(key: str) -> str:
    """Remove a leading ال from a normalised word when at least two letters remain.

    Relative pronouns, «الله» and «الآن» keep theirs: they are not article + noun, and stripping
    them would merge them with other words («الآن» → «ان»).
    """
    if key.startswith("ال") and len(key) >= 4 and key not in _ARTICLE_KEEP:
        return key[2:]
    return key


def _normalised(words: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in words)


_FUNCTION = _normalised(lex.FUNCTION_WORDS)
_AFTER_CONJ = _FUNCTION | _normalised(lex.COMMON_AFTER_CONJ)
_PREP_HOSTS = _normalised(lex.PREP_HOSTS)
_ENCLITIC_HOSTS = _normalised(lex.ENCLITIC_HOSTS)
_NO_SPLIT = _normalised(lex.NO_SPLIT) | _FUNCTION
_NO_SPLIT_PREFIXES = _normalised(lex.NO_SPLIT_PREFIXES)
_NO_SPLIT_PREFIX_LENGTHS = tuple(sorted({len(p) for p in _NO_SPLIT_PREFIXES}))


def _fixed_splits() -> dict[str, tuple[tuple[int, str], ...]]:
    """Normalised word → (length, UPOS) per segment, for words that split one fixed way."""
    splits: dict[str, tuple[tuple[int, str], ...]] = {}
    for parts, tags in lex.FIXED_SPLITS:
        segments = [normalize_arabic(part) for part in parts.split("+")]
        splits["".join(segments)] = tuple(zip(map(len, segments), tags.split(), strict=True))
    for conj in ("", "و", "ف"):
        for prep in ("ب", "ل"):
            for suffix in lex.PREP_PRONOUN_SUFFIXES:
                head = tuple((1, "CCONJ") for _ in conj) + ((1, "ADP"),)
                splits.setdefault(conj + prep + suffix, head + ((len(suffix), "PRON"),))
    return splits


_FIXED = _fixed_splits()
_TRAILING_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "ـ"

_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B) if chr(c).isalpha()) - {"ـ"}
_CONJ = frozenset("وف")
_PREP = frozenset("بلك")
_IMPERFECT = frozenset("يتنا")
# Longest first, so «هما» is tried before «ها» and «ه».
_THIRD_PERSON = ("هما", "هم", "هن", "ها", "ه")
_OTHER_PERSON = ("كما", "كم", "كن", "ك", "نا", "ني", "ي")

# How well a candidate stem is attested, best last; compared as integers.
_NONE, _PREFIX, _ARTICLE, _CLOSED, _VOCAB = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class _Piece:
    """One segment of a normalised word: norm[start:end], possibly respelled."""

    start: int
    end: int
    upos: str
    add_alef: bool = False  # «لل» → ل + ال...: the article's alef is restored
    ta_marbuta: bool = False  # «سيطرته» → سيطرة + ه: the stem's final ت was a ة


def _vocab_support(key: str, vocabulary: frozenset[str]) -> int:
    if key in vocabulary:
        return _VOCAB
    # A codebook wildcard stem (سيطر*) arrives as its prefix; accept prefixes of 3+ letters.
    if len(key) >= 4 and any(key[:i] in vocabulary for i in range(3, len(key))):
        return _PREFIX
    return _NONE


def _is_article_word(stem: str) -> bool:
    return stem.startswith("ال") and len(stem) >= 4


def _stem_support(stem: str, after: str, vocabulary: frozenset[str]) -> int:
    """How well ``stem`` is attested as a word following the proclitic kind ``after``."""
    key = strip_article(stem)
    support = _vocab_support(key, vocabulary) if len(key) >= 3 else _NONE
    if support == _VOCAB:
        return support
    if stem in (_PREP_HOSTS if after == "prep" else _AFTER_CONJ):
        return _CLOSED  # for س: the imperfect verbs of the list («سيقوم»)
    if after != "fut" and _is_article_word(stem):
        return max(support, _ARTICLE)
    return support


@dataclass(frozen=True, slots=True)
class _Candidate:
    score: tuple[int, int, int]
    pieces: tuple[_Piece, ...]


def _proclitic_options(norm: str) -> list[tuple[tuple[_Piece, ...], int, str, bool]]:
    """(pieces, stem start, kind of the last proclitic, alef added) for each way to peel."""
    options: list[tuple[tuple[_Piece, ...], int, str, bool]] = [((), 0, "", False)]
    if norm[0] in _CONJ and len(norm) >= 3:
        options.append(((_Piece(0, 1, "CCONJ"),), 1, "conj", False))
    for pieces, start, _, _ in list(options):
        rest = norm[start:]
        if rest.startswith("لل") and len(rest) >= 4:
            options.append((pieces + (_Piece(start, start + 1, "ADP"),), start + 1, "prep", True))
        # «لليبيا» is ل + ليبيا, not ل + ال + يبيا: both readings compete on vocabulary support
        if rest[:1] in _PREP and len(rest) >= 3:
            options.append((pieces + (_Piece(start, start + 1, "ADP"),), start + 1, "prep", False))
        elif rest[:1] == "س" and len(rest) >= 4 and rest[1] in _IMPERFECT:
            options.append((pieces + (_Piece(start, start + 1, "PART"),), start + 1, "fut", False))
    return options


def _conj_length_rule(norm: str, rest: str) -> bool:
    """The fallback for و/ف: split when 4+ letters remain and the word is not a listed exception."""
    if len(strip_article(rest)) < 4:
        return False
    return not any(norm[:n] in _NO_SPLIT_PREFIXES for n in _NO_SPLIT_PREFIX_LENGTHS)


def _prep_shape_rule(rest: str) -> bool:
    """The fallback for ب/ل: masdars, participles and ت-verbs after them («بمنطقة», «لتعزيز»)."""
    return len(rest) >= 4 and rest[0] in "مت" and rest not in _NO_SPLIT


def _weak_rules_hold(norm: str, pieces: tuple[_Piece, ...]) -> bool:
    """Whether every proclitic of an unattested analysis passes its own fallback rule."""
    for piece in pieces:
        rest = norm[piece.end:]
        letter = norm[piece.start]
        if piece.upos == "CCONJ" and not _conj_length_rule(norm, rest):
            return False
        if piece.upos == "ADP" and (letter == "ك" or not _prep_shape_rule(rest)):
            return False
        if piece.upos == "PART":
            return False
    return True


def _enclitic_options(
    norm: str, start: int, ends_in_ta_marbuta: bool, vocabulary: frozenset[str]
) -> list[tuple[int, bool, int]]:
    """(stem end, ة restored, stem support) for each pronoun suffix the stem may carry."""
    options: list[tuple[int, bool, int]] = []
    body = norm[start:]
    for suffix in _THIRD_PERSON + _OTHER_PERSON:
        if not body.endswith(suffix) or len(body) - len(suffix) < 2:
            continue
        if suffix == "ه" and ends_in_ta_marbuta:
            continue
        stem = body[: len(body) - len(suffix)]
        end = len(norm) - len(suffix)
        if stem in _ENCLITIC_HOSTS:
            options.append((end, False, _CLOSED))
            continue
        if stem.startswith("ال") or len(stem) < 3:
            continue  # a noun with the article never takes a pronoun suffix («الأهم»)
        support = _vocab_support(stem, vocabulary)
        restored = stem[-1] == "ت" and _vocab_support(stem[:-1] + "ه", vocabulary) > support
        if restored:
            support = _vocab_support(stem[:-1] + "ه", vocabulary)
        if suffix in _OTHER_PERSON and support != _VOCAB:
            continue  # ك/نا/ني/ي endings are mostly part of the word (معارك, كورونا, وطني)
        if support == _NONE and (body in _NO_SPLIT or body[1:] in _NO_SPLIT):
            continue  # «اتجاه», «واتجاه»: the ه belongs to the stem
        options.append((end, restored, support))
    return options


def _analyse(norm: str, ends_in_ta_marbuta: bool, vocabulary: frozenset[str]) -> tuple[_Piece, ...]:
    """The best-attested segmentation of a normalised word (a single piece when none is).

    Candidates are scored by (support of the stem, number of clitics, number of proclitics): the
    best-attested stem wins; among equally attested ones the analysis that splits more, as UD
    does, and proclitics before suffixes, which are the likelier guess.
    """
    whole_support = _vocab_support(strip_article(norm), vocabulary)
    best = _Candidate((whole_support, 0, 0), (_Piece(0, len(norm), "X"),))
    for pieces, start, kind, add_alef in _proclitic_options(norm):
        choices = [(len(norm), False, _NONE)]
        choices += _enclitic_options(norm, start, ends_in_ta_marbuta, vocabulary)
        for end, restored, enclitic_support in choices:
            if not kind and end == len(norm):
                continue  # the unsplit word is the starting point
            stem = ("ا" if add_alef else "") + norm[start:end]
            if len(strip_article(stem)) < 2:
                continue
            support = enclitic_support
            if kind:
                attested = stem[:-1] + "ه" if restored else stem
                support = max(support, _stem_support(attested, kind, vocabulary))
                if support == _NONE and (add_alef or not _weak_rules_hold(norm, pieces)):
                    continue
            stem_piece = _Piece(start, end, "X", add_alef=add_alef, ta_marbuta=restored)
            tail = (_Piece(end, len(norm), "PRON"),) if end < len(norm) else ()
            score = (support, len(pieces) + len(tail), len(pieces))
            candidate = _Candidate(score, pieces + (stem_piece,) + tail)
            if candidate.score > best.score:
                best = candidate
    return best.pieces


def _pieces(norm: str, ends_in_ta_marbuta: bool, vocabulary: frozenset[str]) -> tuple[_Piece, ...]:
    if len(norm) < 2 or not _ARABIC_LETTERS.issuperset(norm):
        return (_Piece(0, len(norm), "X"),)
    fixed = _FIXED.get(norm)
    if fixed is not None:
        pieces, pos = [], 0
        for length, upos in fixed:
            pieces.append(_Piece(pos, pos + length, upos))
            pos += length
        return tuple(pieces)
    if norm in _NO_SPLIT or strip_article(norm) in vocabulary:
        return (_Piece(0, len(norm), "X"),)
    return _analyse(norm, ends_in_ta_marbuta, vocabulary)


def _kept_positions(word: str) -> list[int] | None:
    """Index in ``word`` of each character that survives normalisation, or None if not 1:1."""
    positions = [i for i, ch in enumerate(word) if _TABLE.get(ord(ch), ch) is not None]
    if any(len(_TABLE.get(ord(word[i]), word[i]) or "") != 1 for i in positions):
        return None  # a presentation-form ligature expanded into several letters
    return positions


def _spell(word: str, norm: str, pieces: tuple[_Piece, ...]) -> tuple[tuple[str, str], ...]:
    """Segments in the word's own spelling (diacritics kept), each with its UPOS guess."""
    if len(pieces) == 1:
        return ((word, pieces[0].upos),)
    positions = _kept_positions(word)
    out: list[tuple[str, str]] = []
    for i, piece in enumerate(pieces):
        if positions is None or len(positions) != len(norm):
            text = norm[piece.start:piece.end]
        else:
            lo = 0 if i == 0 else positions[piece.start]
            hi = len(word) if i == len(pieces) - 1 else positions[piece.end]
            text = word[lo:hi]
            if piece.ta_marbuta:
                last = positions[piece.end - 1] - lo
                text = text[:last] + "ة" + text[last + 1:]
        if piece.add_alef:
            text = "ا" + text
        out.append((text, piece.upos))
    return tuple(out)


def segment_with_upos(word: str, vocabulary: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Like ``segment_word``, with a UPOS guess per segment (CCONJ, ADP, PART, PRON, or X)."""
    norm = normalize_arabic(word)
    ends_in_ta_marbuta = word.rstrip(_TRAILING_MARKS).endswith("ة")
    return _spell(word, norm, _pieces(norm, ends_in_ta_marbuta, vocabulary))


def segment_word(word: str, vocabulary: frozenset[str]) -> tuple[str, ...]:
    """Split a surface Arabic word into its clitics and stem, in the word's own spelling.

    ``vocabulary`` holds the normalised, article-less keys the codebook knows; a proclitic or
    pronoun suffix is split off when what remains is in it, is a function word, carries the
    article, or (و/ف, third-person suffixes) is long enough and not a listed exception.
    «والجيش» → و + الجيش; «للجيش» → ل + الجيش; «ليبيا», «ولاية» stay whole.
    """
    return tuple(form for form, _ in segment_with_upos(word, vocabulary))
