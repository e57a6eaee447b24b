"""Find the actors of a sentence: named actors, demonyms and agents, composed into one code.

"Libyan army" and «الجيش الليبي» are a demonym and an agent next to each other: one actor, LBYMIL.
"the spokesman of the Libyan National Army" is an agent joined to a named actor by glue words
("of", "the", «باسم»): the spokesman takes the army's code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coder.codebook.compile import ActorRef, CompiledCodebook, Match
from coder.model import ActorMention, Sentence

# Words that may sit between the parts of one actor phrase ("forces of Libya", "Libya's army").
GLUE = {
    "en": frozenset({"of", "'s", "the", "for", "'", "from"}),
    "ar": frozenset({"باسم", "في", "ل", "التابع", "التابعه", "التابعين", "من"}),
}
UNKNOWN_COUNTRY = "---"


@dataclass(frozen=True, slots=True)
class Piece:
    match: Match[ActorRef]

    @property
    def kind(self) -> str:
        return self.match.payload.kind


def _is_glue(sentence: Sentence, start: int, end: int) -> bool:
    glue = GLUE.get(sentence.language, frozenset())
    return all(t.key in glue for t in sentence.tokens[start:end])


def _group(sentence: Sentence, matches: Sequence[Match[ActorRef]]) -> list[list[Piece]]:
    """Adjacent pieces (or pieces joined by glue words) form one actor phrase."""
    groups: list[list[Piece]] = []
    for match in matches:
        piece = Piece(match)
        if groups:
            last = groups[-1][-1]
            gap_start, gap_end = last.match.end, match.start
            adjacent = gap_start == gap_end or _is_glue(sentence, gap_start, gap_end)
            only_agents = all(p.kind == "agent" for p in groups[-1])
            # two named actors side by side are two actors ("Arnor attacked Gondor" in Arabic order)
            second_entity = piece.kind != "agent" and not only_agents
            if adjacent and not second_entity:
                groups[-1].append(piece)
                continue
        groups.append([piece])
    return groups


def _compose(group: list[Piece], sentence: Sentence, cb: CompiledCodebook, day: dt.date | None,
             ) -> ActorMention:
    codebook = cb.codebook
    named = [p for p in group if p.kind == "actor"]
    demonyms = [p for p in group if p.kind == "demonym"]
    agents = [codebook.agents[p.match.payload.index] for p in group if p.kind == "agent"]
    entity_piece = max(named, key=lambda p: len(codebook.actors[p.match.payload.index].code_on(day)),
                       default=None) or (demonyms[0] if demonyms else None)
    # Arabic puts the head noun first («جيش النظام التركي»), English last ("government troops")
    agent = (agents[0] if sentence.language == "ar" else agents[-1]) if agents else None
    start = group[0].match.start
    end = group[-1].match.end
    text = sentence.text[sentence.tokens[start].start:sentence.tokens[end - 1].end] \
        if sentence.tokens[start].start >= 0 and sentence.tokens[end - 1].end >= 0 else \
        " ".join(t.form for t in sentence.tokens[start:end])
    rules = []
    if entity_piece is None:
        assert agent is not None
        rules.append(agent.where)
        # PETRARCH's convention for a role without a country: '---' + role ('---CVL')
        return ActorMention(code=UNKNOWN_COUNTRY + agent.code, text=text, country=None, acled_name=None, inter=agent.inter,
                            start=start, end=end, rule="+".join(rules), role=agent.code)
    entity = codebook.actors[entity_piece.match.payload.index]
    rules.append(entity.where)
    code = entity.code_on(day)
    role = code[3:6] if len(code) >= 6 else None
    acled = entity.acled if entity_piece.kind == "actor" else None
    inter = entity.inter if entity_piece.kind == "actor" else None
    if agent is not None:
        rules.append(agent.where)
        if len(code) == 3:
            code = code + agent.code
            role = agent.code
        if acled is None and agent.acled and entity.country:
            acled = agent.acled.replace("{country}", cb.country_name(entity.country))
        if inter is None:
            inter = agent.inter
    return ActorMention(code=code, text=text, country=entity.country, acled_name=acled, inter=inter,
                        start=start, end=end, rule="+".join(rules), role=role)


def find_actors(sentence: Sentence, cb: CompiledCodebook, day: dt.date | None) -> list[ActorMention]:
    """Every actor phrase of the sentence, left to right, not overlapping."""
    keys = [t.key for t in sentence.tokens]
    matches = cb.actor_index(sentence.language).scan(keys)
    return [_compose(group, sentence, cb, day) for group in _group(sentence, matches)]
