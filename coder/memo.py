"""Bounded memos keyed by a word.

The matchers remember what they worked out for each word (news repeats its words), and an
archive's vocabulary has no end: a memo starts again once it holds ``WORD_MEMO_LIMIT`` words, a
few MB at most. Look-ups stay inline in the hot loops (``memo.get(word)``); ``remember`` stores.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

WORD_MEMO_LIMIT = 1 << 16


def remember(memo: dict[K, V], key: K, value: V, limit: int = WORD_MEMO_LIMIT) -> V:
    """Store ``value`` under ``key`` (emptying ``memo`` first when it is full) and return it."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
