"""Readable summaries for the terminal (the CLI prints; the library never does)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from coder.codebook.load import Codebook
from coder.pipeline import CodedBatch


def _top(counter: Counter, n: int = 8) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counter.most_common(n)) or "none"


def print_summary(batch: CodedBatch, events_path: Path, documents_path: Path) -> None:
    rows = batch.rows
    statuses = Counter(m.status for m in batch.manifest)
    print(f"Documents: {len(batch.manifest)} ({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))})")
    for m in batch.manifest:
        if m.status == "rejected":
            print(f"  rejected {m.input}:{m.position} ({m.doc_id}): {m.reason}")
    print(f"Events: {len(rows)} mentions, {len({r.incident_id for r in rows if r.incident_id})} ACLED incidents")
    print(f"  by CAMEO root: {_top(Counter(r.cameo_root for r in rows), 20)}")
    print(f"  by PLOVER type: {_top(Counter(r.plover_event for r in rows if r.plover_event))}")
    primary = [r for r in rows if r.is_primary]
    print(f"  ACLED incidents by type: {_top(Counter(r.sub_event_type for r in primary))}")
    actors = Counter(a for r in rows for a in (r.source_actor, r.target_actor) if a)
    print(f"  actors: {_top(actors, 10)}")
    print(f"  fatalities (primary rows): {sum(r.fatalities or 0 for r in primary)}")
    for r in primary:
        print(f"  - {r.doc_id} s{r.sentence_index}: {r.notes}")
    print(f"Written: {events_path} and {documents_path}")


def print_codebook_statistics(codebook: Codebook) -> None:
    print(f"codebook {codebook.name} (version {codebook.version}) at {codebook.path}: valid")
    print(f"  actors {len(codebook.actors)}, agents {len(codebook.agents)}, verb blocks {len(codebook.verbs)}, "
          f"patterns {sum(len(v.patterns) for v in codebook.verbs)}, synsets {len(codebook.synsets)}")
    per_language: Counter = Counter()
    roots: dict[str, set[str]] = {}
    for verb in codebook.verbs:
        for lang, _ in verb.anchors:
            per_language[(lang, "anchors")] += 1
            if verb.code:
                roots.setdefault(lang, set()).add(verb.code[:2])
        for pattern in verb.patterns:
            per_language[(pattern.language, "patterns")] += 1
            roots.setdefault(pattern.language, set()).add(pattern.code[:2])
    for actor in codebook.actors:
        for lang, _ in actor.phrases:
            per_language[(lang, "actor phrases")] += 1
    for lang in sorted({k[0] for k in per_language}):
        parts = ", ".join(f"{kind} {per_language[(lang, kind)]}" for kind in ("actor phrases", "anchors", "patterns"))
        covered = sorted(roots.get(lang, ()))
        print(f"  {lang}: {parts}; CAMEO roots with patterns: {len(covered)}/20 ({' '.join(covered)})")
    if codebook.warnings:
        print(f"  {len(codebook.warnings)} warnings:")
        for warning in codebook.warnings[:20]:
            print(f"    {warning}")
