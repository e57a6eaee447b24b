"""Who did it and to whom: source and target of an anchor, from dependency relations when the
front-end gives heads, from word order when it does not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coder.engine.verbs import VerbHit
from coder.model import ActorMention, Sentence

# How far (in tokens) word order looks for a role.
SOURCE_REACH = 12
TARGET_REACH = 8
VSO_REACH = 3  # Arabic verb-subject order: the subject follows within a few words
CLAUSE_BREAKS = frozenset({".", ";", "؛", "!", "?", "؟", ":"})
ARABIC_PREPOSITIONS = frozenset({"ب", "ل", "في", "على", "علي", "من", "الى", "الي", "عن", "خلال"})
PASSIVE_AUX = frozenset({"be", "was", "were", "been", "being", "is", "are", "get", "got"})

SUBJECT = frozenset({"nsubj", "csubj", "nsubj:xsubj"})
PASSIVE_SUBJECT = frozenset({"nsubj:pass", "csubj:pass"})
OBJECT = frozenset({"obj", "iobj", "obl", "obl:arg", "nmod", "xcomp", "ccomp"})
AGENT = frozenset({"obl:agent", "nmod:agent"})


@dataclass(frozen=True, slots=True)
class Roles:
    source: ActorMention | None
    target: ActorMention | None


def _breaks(sentence: Sentence, start: int, end: int) -> bool:
    return any(t.form in CLAUSE_BREAKS for t in sentence.tokens[start:end])


def _first_after(actors: Sequence[ActorMention], pos: int, reach: int, sentence: Sentence,
                 exclude: ActorMention | None = None) -> ActorMention | None:
    for actor in actors:
        if actor is exclude or actor.start < pos:
            continue
        if actor.start - pos > reach or _breaks(sentence, pos, actor.start):
            return None
        return actor
    return None


def _last_before(actors: Sequence[ActorMention], pos: int, reach: int, sentence: Sentence,
                 ) -> ActorMention | None:
    for actor in reversed(actors):
        if actor.end > pos:
            continue
        if pos - actor.end > reach or _breaks(sentence, actor.end, pos):
            return None
        return actor
    return None


def _english_passive(sentence: Sentence, hit: VerbHit) -> bool:
    before = [t.key for t in sentence.tokens[max(0, hit.start - 2):hit.start]]
    form = sentence.tokens[hit.start].form.lower()
    return any(k in PASSIVE_AUX for k in before) and form.endswith(("ed", "en", "wn", "ck", "ht"))


def _arabic_nominal(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> bool:
    """Arabic anchors that are not verb-first clauses: a verbal noun after a preposition
    («بنقل المرتزقة»: the noun that follows is the object), a definite noun, or a verb whose
    subject stands right before it («قوات أرنور هاجمت»)."""
    tokens = sentence.tokens
    if hit.start > 0 and tokens[hit.start - 1].key in ARABIC_PREPOSITIONS:
        return True
    if tokens[hit.start].form.startswith(("ال", "بال", "وال", "لل")):
        return True
    return any(a.end in (hit.start, hit.start - 1) and not _breaks(sentence, a.end, hit.start) for a in actors)


def roles_by_order(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles:
    """Word-order roles: SVO for English; Arabic news also puts the subject after the verb."""
    if hit.source_slot is not None and hit.source_slot < hit.start:
        source = _last_before(actors, hit.source_slot + 1, 2, sentence)
    elif hit.source_slot is not None:
        source = _first_after(actors, hit.source_slot, 2, sentence)
    else:
        source = None
    target = _first_after(actors, hit.target_slot, 3, sentence) if hit.target_slot is not None else None
    if source is None:
        if sentence.language == "ar" and not _arabic_nominal(sentence, hit, actors):
            source = _first_after(actors, hit.end, VSO_REACH, sentence, exclude=target)
            if source is not None and target is None and hit.target_slot is None:
                target = _first_after(actors, source.end, TARGET_REACH, sentence)
        if source is None:
            source = _last_before(actors, hit.start, SOURCE_REACH, sentence)
    if target is None and hit.target_slot is None:
        target = _first_after(actors, hit.end, TARGET_REACH, sentence, exclude=source)
    if target is source:
        target = None
    if sentence.language == "en" and _english_passive(sentence, hit):
        by_agent = None
        for actor in actors:
            if actor.start > hit.end and sentence.tokens[actor.start - 1].key == "by":
                by_agent = actor
                break
        return Roles(by_agent, source)
    return Roles(source, target)


def _actor_heads(sentence: Sentence, actors: Sequence[ActorMention]) -> dict[int, ActorMention]:
    """Token id of each actor's syntactic head (the token whose head lies outside the span)."""
    out: dict[int, ActorMention] = {}
    for actor in actors:
        ids = {t.id for t in sentence.tokens[actor.start:actor.end]}
        for token in sentence.tokens[actor.start:actor.end]:
            if token.head not in ids:
                out[token.id] = actor
                break
    return out


def _dependents(sentence: Sentence, head_id: int) -> list:
    return [t for t in sentence.tokens if t.head == head_id]


def _find_role(sentence: Sentence, head_id: int, relations: frozenset[str],
               heads: dict[int, ActorMention]) -> ActorMention | None:
    for token in _dependents(sentence, head_id):
        relation = token.deprel or ""
        if relation in relations or (relation.split(":")[0] in relations
                                     and relation not in PASSIVE_SUBJECT | AGENT):
            if token.id in heads:
                return heads[token.id]
            # "the embassy of Gondor": an actor one level down stands for its phrase
            for child in _dependents(sentence, token.id):
                if child.id in heads and (child.deprel or "").split(":")[0] in ("nmod", "compound", "amod"):
                    return heads[child.id]
    return None


def roles_by_dependencies(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles:
    """Roles from UD relations: nsubj -> source, obj/obl -> target; passives swap them."""
    heads = _actor_heads(sentence, actors)
    anchor = sentence.tokens[hit.start]
    source = _find_role(sentence, anchor.id, SUBJECT, heads) or _find_role(sentence, anchor.id, AGENT, heads)
    target = _find_role(sentence, anchor.id, PASSIVE_SUBJECT, heads) or \
        _find_role(sentence, anchor.id, OBJECT, heads)
    head = anchor
    # xcomp / conj / acl: an anchor with no subject of its own takes its governor's
    while source is None and head.head and (head.deprel or "").split(":")[0] in ("xcomp", "conj", "advcl", "ccomp"):
        head = sentence.tokens[head.head - 1]
        source = _find_role(sentence, head.id, SUBJECT, heads)
    if source is None and target is None:
        return roles_by_order(sentence, hit, actors)
    if target is source:
        target = None
    return Roles(source, target)


def assign_roles(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> Roles:
    if sentence.has_heads:
        return roles_by_dependencies(sentence, hit, actors)
    return roles_by_order(sentence, hit, actors)
