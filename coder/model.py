"""Records passed between the stages of the data flow.

Every stage takes and returns these immutable records (frozen dataclasses, or named tuples where
millions are made), never loose dicts, so a reader can follow a sentence from input to Parquet by
their types alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple


class Token(NamedTuple):
    """One syntactic word (a UD word, after clitic segmentation).

    ``key`` is the form the codebook matches against (see ``coder.frontends.keys.match_key``):
    every front-end and the codebook compiler compute it with the same function, so a phrase
    written in a codebook matches the same words whichever front-end produced them.
    ``start``/``end`` are character offsets into ``Sentence.text`` of the surface word that
    holds this token (clitics of one surface word share its span).

    Immutable like the other records, but a named tuple rather than a frozen dataclass: front-ends
    make tens of tokens a sentence, and a frozen dataclass takes four times as long to build.
    """

    id: int
    form: str
    lemma: str
    upos: str
    key: str
    feats: str = "_"
    head: int | None = None
    deprel: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as every front-end produces it; ``text`` is exactly as in the input."""

    index: int
    text: str
    tokens: tuple[Token, ...]
    language: str
    # read once: the engine and the incident layer ask for them several times a sentence
    has_heads: bool = field(init=False, repr=False, compare=False)
    keys: tuple[str, ...] = field(init=False, repr=False, compare=False)  # each token's key

    def __post_init__(self) -> None:
        tokens = self.tokens
        object.__setattr__(self, "has_heads", bool(tokens) and all(t.head is not None for t in tokens))
        object.__setattr__(self, "keys", tuple([t.key for t in tokens]))


@dataclass(frozen=True, slots=True)
class Document:
    """One input record.

    ``input`` and ``position`` say where it came from (file name, 1-based line or row), which
    identifies the record even when ids repeat.
    """

    id: str
    text: str
    date: dt.date | None = None
    language: str | None = None
    source: str | None = None
    conllu: str | None = None
    input: str = ""
    position: int = 0


class ActorMention(NamedTuple):
    """An actor found in a sentence: a named actor, a demonym, an agent, or their composition.

    ``start``/``end`` index ``Sentence.tokens`` (end exclusive). ``rule`` names the codebook
    entries that made it ('FILE:LINE' of each), so a user can open the line that coded it.
    A named tuple, like ``Token``: the engine makes and amends several a sentence (``_replace``),
    and a frozen dataclass costs three times as much to build or copy.
    """

    code: str
    text: str
    country: str | None
    acled_name: str | None
    inter: int | None
    start: int
    end: int
    rule: str
    role: str | None = None


class Mention(NamedTuple):
    """One event mention: who did what to whom in one sentence, before the incident layer (a
    named tuple, as ``ActorMention``)."""

    sentence_index: int
    order: int
    code: str
    source: ActorMention | None
    target: ActorMention | None
    anchor_start: int
    anchor_end: int
    rule_id: str
    acled_sub_event: str | None = None
    is_report: bool = False
