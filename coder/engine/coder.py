"""The rule engine: a sentence and a compiled codebook in, event mentions out.

One engine for every front-end: roles come from dependency relations when the sentence has
heads and from word order when it does not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coder.codebook.compile import CompiledCodebook
from coder.engine.actors import find_actors
from coder.engine.roles import assign_roles
from coder.engine.verbs import find_verbs
from coder.model import ActorMention, Mention, Sentence

STATEMENT_ROOTS = frozenset({"01", "02"})


@dataclass(frozen=True, slots=True)
class EngineSettings:
    require_dyad: bool = False


def _inherit_country(actor: ActorMention | None, actors: Sequence[ActorMention], cb: CompiledCodebook,
                     ) -> ActorMention | None:
    """A bare agent ("the armed forces") takes the country of the nearest earlier actor of the
    same role in the sentence ("the Libyan army said the armed forces struck...")."""
    if actor is None or actor.country is not None or actor.role is None:
        return actor
    for other in reversed(actors):
        if other.start >= actor.start:
            continue
        if other.country and other.role == actor.role:
            agent = next((a for a in cb.codebook.agents if a.code == actor.role), None)
            acled = other.acled_name
            if acled is None and agent is not None and agent.acled:
                acled = agent.acled.replace("{country}", cb.country_name(other.country))
            return dataclasses.replace(actor, code=other.code, country=other.country,
                                       acled_name=acled, inter=other.inter or actor.inter,
                                       rule=actor.rule + "+" + other.rule)
    return actor


def discarded(sentence: Sentence, cb: CompiledCodebook) -> bool:
    index = cb.discards.get(sentence.language)
    if index is None:
        return False
    keys = [t.key for t in sentence.tokens]
    return any(index.longest_at(keys, i) is not None for i in range(len(keys)))


def code_sentence(sentence: Sentence, cb: CompiledCodebook, day: dt.date | None,
                  settings: EngineSettings) -> list[Mention]:
    """Every event mention of one sentence, reported events before the statements reporting them."""
    if not sentence.tokens or discarded(sentence, cb):
        return []
    actors = find_actors(sentence, cb, day)
    hits = find_verbs(sentence, cb)
    mentions: list[Mention] = []
    for hit in hits:
        # a verb inside an actor's name is part of the name ("Islamic State", «أنصار الله»)
        if hit.negated or any(a.start <= hit.start < a.end for a in actors):
            continue
        roles = assign_roles(sentence, hit, actors)
        source = _inherit_country(roles.source, actors, cb)
        target = _inherit_country(roles.target, actors, cb)
        if settings.require_dyad and (source is None or target is None):
            continue
        if source is None and target is None:
            continue
        rule = hit.rule_id
        for actor in (source, target):
            if actor is not None:
                rule += "+" + actor.rule
        mentions.append(Mention(sentence.index, 0, hit.code, source, target, hit.start, hit.end, rule,
                                hit.acled))
    return _order(mentions)


def _order(mentions: list[Mention]) -> list[Mention]:
    """A statement that reports later events in the sentence goes after them (SPEC)."""
    def is_report(i: int) -> bool:
        m = mentions[i]
        return m.code[:2] in STATEMENT_ROOTS and any(
            o.code[:2] not in STATEMENT_ROOTS and o.anchor_start > m.anchor_start for o in mentions[i + 1:])

    flagged = [(is_report(i), m.anchor_start, m) for i, m in enumerate(mentions)]
    flagged.sort(key=lambda x: (x[0], x[1]))
    return [dataclasses.replace(m, order=n, is_report=rep) for n, (rep, _, m) in enumerate(flagged)]
