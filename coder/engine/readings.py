"""What the engine reads of each sentence of a document that later stages read again.

The incident layer asks for a sentence's actor phrases for every mention it types, and for its
verb anchors when it derives an event from cue words; the engine has read both already. One
``DocumentReadings`` per document keeps them, so each is read once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from coder.codebook.compile import CompiledCodebook
from coder.engine.actors import find_actors
from coder.engine.verbs import VerbHit, find_verbs
from coder.model import ActorMention, Sentence


class DocumentReadings:
    """Actor phrases and word-order verb anchors of each sentence of one document, read on first
    request. Lives as long as one document's coding."""

    def __init__(self, cb: CompiledCodebook, day: dt.date | None) -> None:
        self._cb = cb
        self._day = day
        self._actors: dict[int, tuple[Sentence, list[ActorMention]]] = {}
        self._verbs: dict[int, tuple[Sentence, list[VerbHit]]] = {}

    def actors(self, sentence: Sentence) -> list[ActorMention]:
        """``find_actors`` of the sentence."""
        return _memo(self._actors, sentence, lambda: find_actors(sentence, self._cb, self._day))

    def verbs(self, sentence: Sentence) -> list[VerbHit]:
        """``find_verbs`` of the sentence by word order (without a parse's masks)."""
        return _memo(self._verbs, sentence, lambda: find_verbs(sentence, self._cb))


def _memo(table: dict, sentence: Sentence, read: Callable[[], list]) -> list:
    known = table.get(sentence.index)
    if known is not None and known[0] is sentence:
        return known[1]
    found = read()
    table[sentence.index] = (sentence, found)
    return found
