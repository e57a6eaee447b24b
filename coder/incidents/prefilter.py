"""Required literals of a regular expression: a cheap exact test that a pattern cannot match.

Scanning a sentence with a few dozen case-insensitive cue patterns costs a regex pass each, and most
patterns match in few sentences. Every match of a pattern contains at least one string of a set
that can be read off the pattern's syntax tree (the technique of RE2's and codesearch's
prefilters): ``\\bprotest(?:s|ed)?\\b|\\brall(?:y|ied)\\b`` needs "protest" or "rall". Substring tests
for those strings rule a pattern out far faster than running it; a pattern whose strings are all
absent is skipped, one with any present is run as before, so results are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Mapping, Sequence
from re import _constants as sre  # the stdlib parser's opcodes; stable across 3.11-3.13
from re import _parser as sre_parse

from coder.memo import remember

_MAX_STRINGS = 64  # cap on the exact strings a piece may stand for before we stop expanding
_KEEP_CHARS = 8  # long enough to be rare in text, short enough that variants collapse


def _exact_set(strings: frozenset[str]) -> frozenset[str] | None:
    return strings if len(strings) <= _MAX_STRINGS else None


class _Info:
    """What a piece of a pattern can match: ``exact`` (every string it matches, when few) and
    ``required`` (a set of strings one of which every match contains; None when unknown)."""

    __slots__ = ("exact", "required")

    def __init__(self, exact: frozenset[str] | None, required: frozenset[str] | None) -> None:
        self.exact = exact
        self.required = required

    def best_required(self) -> frozenset[str] | None:
        return _better(self.exact, self.required)


def _score(strings: frozenset[str] | None) -> tuple[int, int]:
    if not strings:
        return (-1, 0)
    return (min(len(s) for s in strings), -len(strings))


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is not None and "" in a:
        a = None
    if b is not None and "" in b:
        b = None
    return a if _score(a) >= _score(b) else b


def _fold(code: int, ignore_case: bool) -> str:
    char = chr(code)
    return char.lower() if ignore_case else char


def _class_strings(items: list, ignore_case: bool) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(_fold(av, ignore_case))
        elif op is sre.RANGE and av[1] - av[0] < 16:
            chars.update(_fold(c, ignore_case) for c in range(av[0], av[1] + 1))
        else:
            return None
    return frozenset(chars)


def _sequence(items: list, ignore_case: bool) -> _Info:
    """A concatenation: every match contains one string of the product of each run of exact
    pieces, and one of each piece's required strings; keep the most selective of those sets."""
    run: frozenset[str] = frozenset({""})
    whole_is_exact = True
    best: frozenset[str] | None = None
    for op, av in items:
        piece = _piece(op, av, ignore_case)
        if piece.exact is None:
            best = _better(_better(best, run), piece.required)
            run, whole_is_exact = frozenset({""}), False
            continue
        product = _exact_set(frozenset(a + b for a in run for b in piece.exact))
        if product is None:  # too many combinations: keep what was built, start a new run here
            best = _better(best, run)
            run, whole_is_exact = piece.exact, False
        else:
            run = product
    return _Info(run if whole_is_exact else None, _better(best, run))


def _piece(op, av, ignore_case: bool) -> _Info:
    if op is sre.LITERAL:
        return _Info(frozenset({_fold(av, ignore_case)}), None)
    if op is sre.IN:
        return _Info(_class_strings(av, ignore_case), None)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _Info(frozenset({""}), None)  # zero-width: ignoring it only loosens the test
    if op is sre.SUBPATTERN:
        if av[1] & re.IGNORECASE and not ignore_case:
            return _Info(None, None)  # "(?i:...)" inside a case-sensitive pattern: the text is not lowered
        return _sequence(list(av[3]), ignore_case)
    if op is sre.BRANCH:
        infos = [_sequence(list(branch), ignore_case) for branch in av[1]]
        exact = None
        if all(info.exact is not None for info in infos):
            exact = _exact_set(frozenset().union(*(info.exact for info in infos)))
        required = None
        parts = [info.best_required() for info in infos]
        if all(part is not None for part in parts):
            required = frozenset().union(*parts)
        return _Info(exact, required)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = av
        inner = _sequence(list(body), ignore_case)
        if low == 0:
            if high == 1 and inner.exact is not None:
                return _Info(frozenset({""}) | inner.exact, None)
            return _Info(None, None)
        if low == high == 1:
            return inner
        return _Info(None, inner.best_required())
    return _Info(None, None)


def required_strings(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased under IGNORECASE),
    or None when no useful set exists (the pattern must then always be run)."""
    ignore_case = bool(flags & re.IGNORECASE)
    parsed = sre_parse.parse(pattern, flags)
    ignore_case = ignore_case or bool(parsed.state.flags & re.IGNORECASE)
    info = _sequence(list(parsed), ignore_case)
    found = info.best_required()
    if not found or min(len(s) for s in found) < 2:
        return None
    return _fewest(found)


def _fewest(strings: frozenset[str]) -> frozenset[str]:
    """The same test with fewer strings: a prefix of a required string is required too, and a
    string that contains another one of the set adds nothing."""
    cut = sorted({s[:_KEEP_CHARS] for s in strings}, key=len)
    kept: list[str] = []
    for s in cut:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def casefold_is_exact(text: str) -> bool:
    """Whether ``text.lower()`` finds exactly what an IGNORECASE pattern would: true unless the
    text has non-ASCII letters (some fold onto ASCII letters under Unicode case-insensitive
    matching, e.g. the Kelvin sign and 'k', or lower-case into two characters)."""
    return text.isascii() or not any(ord(c) > 127 and c.isalpha() for c in text)


# the non-ASCII characters that an IGNORECASE pattern takes for an ASCII letter, or whose lower case
# holds one: dotted and dotless i, long s, the Kelvin sign
_FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def ascii_casefold_is_exact(text: str) -> bool:
    """Whether ``text.lower()`` holds a string of ASCII letters exactly where an IGNORECASE pattern
    of those letters finds it in ``text`` (looser than ``casefold_is_exact``, which also keeps
    spans: true of Arabic text, say, where that one is false)."""
    return text.isascii() or _FOLDS_ONTO_ASCII.search(text) is None


def case_folded(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A case-sensitive twin of an IGNORECASE ``pattern``: run on ``text.lower()`` it finds exactly
    the matches (same spans) that ``pattern`` finds on ``text`` whenever ``casefold_is_exact(text)``.
    Its letters are lower-cased; escapes and group names are kept. sre compares case-insensitively
    at 2-3x the cost of plain comparisons. None when the pattern is not IGNORECASE or has
    something this does not fold safely (numeric or named-character escapes, back-references,
    inline flags, a class range from one case to another)."""
    if not pattern.flags & re.IGNORECASE:
        return None
    source = _fold_source(pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE) if source is not None else None


_UNFOLDABLE_ESCAPES = frozenset("xuUN0123456789gk")  # character codes, back-references


def _fold_source(source: str) -> str | None:
    out: list[str] = []
    i, count = 0, len(source)
    in_class = class_start = False
    while i < count:
        char = source[i]
        if char == "\\":
            following = source[i + 1 : i + 2]
            if not following or following in _UNFOLDABLE_ESCAPES:
                return None
            out.append(source[i : i + 2])
            i += 2
            class_start = False
            continue
        if in_class:
            if char == "]" and not class_start:
                in_class = False
            elif char == "-" and not class_start and i + 1 < count and source[i + 1] != "]":
                low, high = source[i - 1], source[i + 1]
                if low.isalpha() != high.isalpha() or (low.isalpha() and low.islower() != high.islower()):
                    return None  # "[A-z]" spans punctuation between the cases
            class_start = class_start and char == "^"
            out.append(char.lower())
            i += 1
            continue
        if char == "[":
            in_class = class_start = True
            out.append(char)
            i += 1
            continue
        if char == "(" and source.startswith("(?", i):
            if source.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!"), i):
                out.append("(?")
                i += 2
                continue
            if source.startswith(("(?P<", "(?P="), i):
                close = source.find(">" if source[i + 3] == "<" else ")", i)
                if close == -1:
                    return None
                out.append(source[i : close + 1])  # a group's name is kept as written
                i = close + 1
                continue
            return None  # inline flags, comments, conditionals
        out.append(char.lower())
        i += 1
    return "".join(out)


class StringGate:
    """Which named patterns may match a text, from a look-up per word of the text.

    A string without white space lies inside one of the text's white-space-separated words, so
    the strings a word holds are found once and kept (a memo keyed by the word: news repeats its
    words), and a text's names are the union of its words' (a dict look-up each, where a scan of
    the whole text cost ~10 µs a sentence). A string with white space ("set fire") is looked for
    in the whole text only where a word holds its longest piece ("fire"). A word is read by one
    scan for all the pieces: a trie-shaped regex inside a lookahead, so every position is tried
    (occurrences may overlap) and each yields the longest piece starting there; what the shorter
    pieces that are its prefixes stand for comes with it.

    ``tests``: names decided by a test of each word instead (a ``WordScreen``'s), held by a text
    one of whose words passes: they come from the same memo look-up per word. A name is any
    hashable: a gate for several readers names its strings (reader, name)."""

    def __init__(
        self,
        gates: Mapping[Hashable, frozenset[str]],
        tests: Mapping[Hashable, Callable[[str], bool]] | None = None,
    ) -> None:
        named: dict[str, set] = {}  # piece -> names of the strings that are that piece
        spaced: dict[str, set[tuple[str, Hashable]]] = {}  # piece -> (string, name) of longer strings
        always: set = set()
        for name, strings in gates.items():
            for s in strings:
                piece = max(s.split(), key=len, default="")
                if piece == s:
                    named.setdefault(s, set()).add(name)
                elif piece:
                    spaced.setdefault(piece, set()).add((s, name))
                else:
                    always.add(name)  # white space only: never ruled out
        self._always = frozenset(always)
        pieces = sorted(named.keys() | spaced.keys())
        self._by_longest = {
            s: (
                frozenset().union(*(names for t, names in named.items() if s.startswith(t))),
                tuple(sorted(set().union(*(pairs for t, pairs in spaced.items() if s.startswith(t))))),
            )
            for s in pieces
        }
        self._scan = re.compile("(?=(" + _trie_pattern(pieces) + "))") if pieces else None
        self._tests = tuple((tests or {}).items())
        self._words: dict[str, tuple[frozenset, tuple[tuple[str, Hashable], ...]]] = {}

    def names_in(self, text: str) -> frozenset:
        found = set(self._always)
        if self._scan is None and not self._tests:
            return frozenset(found)
        words = self._words
        checks: list[tuple[str, Hashable]] = []
        for word in text.split():
            held = words.get(word)
            if held is None:
                held = remember(words, word, self._word_strings(word))
            if held is _NOTHING:
                continue  # most words: one test, not two
            if held[0]:
                found.update(held[0])
            if held[1]:
                checks.extend(held[1])
        for s, name in checks:
            if name not in found and s in text:
                found.add(name)
        return frozenset(found)

    def _word_strings(self, word: str) -> tuple[frozenset, tuple[tuple[str, Hashable], ...]]:
        """The names of the strings inside ``word`` and of the tests it passes, and the (string, name)
        of the strings with white space whose longest piece is inside it."""
        pieces = set(self._scan.findall(word)) if self._scan is not None else ()
        held = [self._by_longest[s] for s in pieces]
        passed = frozenset(name for name, test in self._tests if test(word))
        if not held and not passed:
            return _NOTHING
        return passed.union(*(h[0] for h in held)), tuple(pair for h in held for pair in h[1])


# what most words hold: a memo value told by identity
_NOTHING: tuple[frozenset, tuple[tuple[str, Hashable], ...]] = (frozenset(), ())


class WordScreen:
    """Whether a text holds a word that passes ``test``, for a test decided inside each of the text's
    white-space-separated words (a regex's words that never span white space, looked up in a
    set): each word's answer is found once and kept (a memo keyed by the word), where a regex
    pass over every sentence made a list of all its words to look up."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test  # read by gates that screen for several readers at once (``StringGate``)
        self._words: dict[str, bool] = {}

    def any_word(self, text: str) -> bool:
        words = self._words
        for word in text.split():
            passed = words.get(word)
            if passed is None:
                passed = remember(words, word, self.test(word))
            if passed:
                return True
        return False


def _trie_pattern(strings: list[str]) -> str:
    """A regex for a set of strings, factored by common prefixes so a position is tried against
    one branch per distinct next character; at a word that ends, longer continuations come first."""
    trie: dict = {}
    for s in strings:
        node = trie
        for char in s:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class PatternGate:
    """A list of patterns and, for a text, which of them can match it (see ``StringGate``)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        gates = [required_strings(p.pattern, p.flags) for p in patterns]
        # read, never changed, by gates that screen for several readers at once: the patterns run
        # always, the strings of the others (one of which they need), and whether the text is
        # lower-cased first (then only this gate's ``possible`` decides)
        self.always = frozenset(str(i) for i, gate in enumerate(gates) if gate is None)
        self.required = {str(i): gate for i, gate in enumerate(gates) if gate is not None}
        self.folds = any(p.flags & re.IGNORECASE for p in patterns)
        self._strings = StringGate(self.required)
        self._all = frozenset(str(i) for i in range(len(patterns)))

    def possible(self, text: str) -> frozenset[str]:
        """The indexes (as strings) of the patterns that may match ``text``; the others cannot."""
        if self.folds:
            if not casefold_is_exact(text):
                return self._all
            text = text.lower()
        return self.always | self._strings.names_in(text)
