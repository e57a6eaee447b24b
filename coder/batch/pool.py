"""A local process pool running chunks in input order with a bounded number in flight.

The codebook is compiled in the parent before the workers fork, so every worker shares the
compiled matchers (copy-on-write) instead of compiling them again.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from coder.batch.chunks import Chunk

R = TypeVar("R")

# The one piece of per-process state: the function a forked worker applies to each chunk. It is
# set once, before the fork, and never changed while the pool runs.
_WORKER_TASK: list[Callable[[Chunk], object]] = []


def _run_task(chunk: Chunk) -> object:
    return _WORKER_TASK[0](chunk)


def run_ordered(chunks: Iterable[Chunk], task: Callable[[Chunk], R], workers: int) -> Iterator[tuple[Chunk, R]]:
    """Apply ``task`` to every chunk, yielding results in input order, streaming."""
    if workers <= 1:
        for chunk in chunks:
            yield chunk, task(chunk)
        return
    _WORKER_TASK[:] = [task]
    context = multiprocessing.get_context("fork")
    in_flight: deque[tuple[Chunk, Future]] = deque()
    window = workers * 2
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            for chunk in chunks:
                in_flight.append((chunk, pool.submit(_run_task, chunk)))
                if len(in_flight) >= window:
                    done_chunk, future = in_flight.popleft()
                    yield done_chunk, future.result()
            while in_flight:
                done_chunk, future = in_flight.popleft()
                yield done_chunk, future.result()
    finally:
        _WORKER_TASK.clear()
