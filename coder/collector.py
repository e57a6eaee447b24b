"""The cyclic garbage collector, set for what this program makes: large read-only tables, then
millions of short-lived records that never form cycles.

Building the gazetteer or unpickling a compiled codebook makes hundreds of thousands of containers
(tuples, lists, dicts) and no reference cycles. Every few hundred allocations the collector runs,
and its older generations walk every container made so far: about half of such a load went to
collections that could find nothing (gazetteer 0.42 -> 0.24 s, its Arabic index 0.74 -> 0.26 s).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Coding a sentence allocates a few thousand containers, none of them in a cycle (a collection
# after coding 9,000 sentences with the collector off finds nothing unreachable). At the default
# threshold of 700 the young generation is walked several times a sentence and the per-word memos
# that outlive it are walked again in the older ones: 2.5% of an Arabic sentence's time
# (326 -> 317 us), the same as with the collector off. The collector stays on, so a cycle that a
# codebook or an error path might make is still freed.
CODING_THRESHOLDS = (20_000, 20, 20)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Run the block with the cyclic collector off; it is restored as it was, errors included."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def collector_for_run(preload: Callable[[], None]) -> Iterator[None]:
    """Run ``preload`` with the collector paused and freeze what it loaded, then run the block
    with ``CODING_THRESHOLDS``; both are undone at the end (a process may start other runs).

    What is loaded lives as long as the run: frozen before the collector resumes, it is never
    walked (3-7% of the coding time), and forked workers share its pages and the thresholds."""
    with paused_collector():
        preload()
        gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(*CODING_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
