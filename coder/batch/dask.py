"""The same per-chunk function on Dask distributed: a LocalCluster by default, or a scheduler.

Workers write their part files themselves and return small summaries (collecting rows on the
client is slow: NOTES.md measured 7-8 s for 100k small results).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping

from coder.batch.chunks import Chunk
from coder.batch.sinks import DatasetLayout
from coder.batch.work import ChunkSummary, code_and_write
from coder.errors import CoderError
from coder.pipeline import Coder


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise CoderError("--engine dask needs Dask: pip install 'event-coder[dask]'") from None
    return distributed


def _code_on_worker(chunk: Chunk, coder: Coder, layout: DatasetLayout, metadata: Mapping[str, str],
                    ) -> ChunkSummary:
    # the coder travels without its compiled codebook (see Coder.__reduce__): each worker process
    # compiles it once (cached per content hash) and reuses it for every chunk
    return code_and_write(chunk, coder, layout, metadata)


def run_dask(chunks: Iterable[Chunk], coder: Coder, layout: DatasetLayout, metadata: Mapping[str, str],
             workers: int, scheduler: str | None) -> Iterator[tuple[Chunk, ChunkSummary]]:
    """Yield (chunk, summary) in input order; at most a few chunks per worker in flight."""
    distributed = _import_distributed()
    if scheduler:
        client = distributed.Client(scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
    window = max(workers, 1) * 2
    in_flight: deque = deque()
    try:
        for chunk in chunks:
            future = client.submit(_code_on_worker, chunk, coder, layout, dict(metadata),
                                   key=f"chunk-{chunk.chunk_id}", pure=False)
            in_flight.append((chunk, future))
            if len(in_flight) >= window:
                done, future = in_flight.popleft()
                yield done, future.result()
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
