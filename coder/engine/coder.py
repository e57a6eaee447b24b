"""The rule engine: a sentence and a compiled codebook in, event mentions out.

One engine for every front-end: roles come from dependency relations when the sentence has
heads (``coder.engine.tree``) and from word order when it does not (``coder.engine.roles``).

Each anchor gives one mention per combination of its sources and targets ("Arnor and Gondor
welcomed ties with Osgiliath" -> two mentions), as PETRARCH does; a code with a reverse
(``reverse 043`` after 042) adds the target's event towards the source; a cooperation (CAMEO
03-06) or a ``pairwise`` pattern with several sources and no target codes every pair both ways
("Gondor and Osgiliath renewed ties"). A negated anchor, an anchor inside an actor's name and
an anchor that is a word of another anchor's pattern ("condemned the attack") code nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from coder.codebook.compile import CompiledCodebook
from coder.engine.actors import UNKNOWN_COUNTRY, scan_pieces
from coder.engine.consequences import PASSIVE_RULE, RESULT_WORDS, link_consequences, passive_casualties
from coder.engine.readings import DocumentReadings
from coder.engine.roles import (Roles, arabic_place, assign_roles, content_of, coordinated, roles_by_order,
                                shared_subject, topic_of)
from coder.engine.stances import stance_targets
from coder.engine.tree import Phrases, Tree, TreeRoles
from coder.engine.verbs import VerbHit, find_verbs, negated_by_tree
from coder.model import ActorMention, Mention, Sentence

STATEMENT_ROOTS = frozenset({"01", "02"})
# Cooperation with several sources and no target is cooperation among them (PETRARCH's rule).
PAIRED_ROOTS = frozenset({"03", "04", "05", "06"})
NOMINAL = frozenset({"NOUN", "PROPN", "NUM"})
# events whose verbs take no object: what a parser reads as one is their subject (a protest)
INTRANSITIVE_ROOTS = frozenset({"14"})
# events reported without their doers or victims ("protests broke out", «اغتيل كرامي») are
# still events: protests and violence, as ACLED records them (its unidentified actors)
ACTORLESS_ROOTS = frozenset({"14", "18", "19", "20"})
# languages coded so (in English the incident layer's cue words derive these events instead,
# with actors taken by word order)
ACTORLESS_LANGUAGES = frozenset({"ar"})
PROTESTERS = 6  # ACLED's actor type of protesters
ARMED_TYPES = frozenset({1, 2, 3, 4, 8})  # ACLED: state, rebel, political and identity militias, external
CROWD_TYPES = frozenset({6, 7})  # protesters, civilians
ARGUMENTS = frozenset({"nsubj", "obj", "csubj", "iobj"})
_KIND = {"14": "protest", "18": "violence", "19": "violence", "20": "violence"}
SLOT_REACH = 3
NULL_CODE = "---"


@dataclass(frozen=True, slots=True)
class EngineSettings:
    require_dyad: bool = False


def _inherit_country(actor: ActorMention | None, actors: Sequence[ActorMention], cb: CompiledCodebook,
                     ) -> ActorMention | None:
    """A bare agent ("the armed forces") takes the country of the nearest earlier actor of the
    same role in the sentence ("the Libyan army said the armed forces struck...")."""
    if actor is None or actor.country is not None or actor.role is None or _foreign(actor):
        return actor
    for other in reversed(actors):
        if other.start >= actor.start:
            continue
        if other.country and other.role == actor.role:
            acled = other.acled_name
            if acled is None:
                acled = cb.agent_acled_name(cb.agent(actor.role), other.country)
            return actor._replace(code=other.code, country=other.country,
                                  acled_name=acled, inter=other.inter or actor.inter,
                                  rule=actor.rule + "+" + other.rule)
    return actor


# "foreign forces", «قوات أجنبية», «قوات الاحتلال»: named as nobody of the country they are in
FOREIGN_WORDS = ("foreign", "اجنبي", "احتلال")


def _foreign(actor: ActorMention) -> bool:
    return _foreign_words(actor.text)


@lru_cache(maxsize=1 << 12)  # an actor phrase's words: asked for each mention of each event row
def _foreign_words(text: str) -> bool:
    text = text.lower().replace("أ", "ا")
    return any(word in text for word in FOREIGN_WORDS)


# languages whose bare agents take the country of the event's place (English: not yet; it would
# recode "gunmen in Baghdad" as IRQUAF, a choice for the English codebook's gold)
PLACE_COUNTRY_LANGUAGES = frozenset({"ar"})


def with_place_country(mention: Mention, iso3: str | None) -> Mention:
    """The bare agents of an event at a place of a known country («تظاهر المئات في أثينا»,
    «قتل خمسة أشخاص في بغداد») are of that country, as ACLED names them ("Protesters
    (Greece)"), unless a country of their own is named."""
    if not iso3:
        return mention
    source, target = _placed(mention.source, iso3), _placed(mention.target, iso3)
    if source is mention.source and target is mention.target:
        return mention
    return mention._replace(source=source, target=target)


def _placed(actor: ActorMention | None, iso3: str) -> ActorMention | None:
    if actor is None or actor.country is not None or actor.role is None \
            or not actor.code.startswith(UNKNOWN_COUNTRY) or _foreign(actor):
        return actor
    return actor._replace(code=iso3 + actor.code[len(UNKNOWN_COUNTRY):], country=iso3)


def discarded(sentence: Sentence, cb: CompiledCodebook) -> bool:
    index = cb.discards.get(sentence.language)
    if index is None:
        return False
    return index.any_in(sentence.keys)


def code_sentence(sentence: Sentence, cb: CompiledCodebook, day: dt.date | None,
                  settings: EngineSettings, readings: DocumentReadings | None = None) -> list[Mention]:
    """Every event mention of one sentence, reported events before the statements reporting them.
    ``readings``: the document's, when the caller shares them with later stages."""
    if not sentence.tokens or discarded(sentence, cb):
        return []
    if readings is None:
        readings = DocumentReadings(cb, day)
    if sentence.has_heads:
        mentions = _read_around(sentence, _code_tree(sentence, cb, day, readings), readings)
        if sentence.language in ACTORLESS_LANGUAGES:
            # what the parser hung elsewhere, word order may still name («رشق المتظاهرون قوات
            # الأمن» with the police under the numeral)
            by_order = _read_around(sentence, _code_order(sentence, cb, readings), readings)
            mentions = _targets_by_order(sentence, _drop_redundant_actorless(mentions),
                                         _drop_redundant_actorless(by_order))
    else:
        mentions = _read_around(sentence, _code_order(sentence, cb, readings), readings)
    if sentence.language in ACTORLESS_LANGUAGES:
        mentions = _implied_protesters(_military(_one_event(_drop_redundant_actorless(mentions)), cb), cb)
        mentions = _implied_attackers(mentions, cb)
    if settings.require_dyad:
        mentions = [m for m in mentions if m.source is not None and m.target is not None]
    return _order(mentions)


def _attacks_on_places(sentence: Sentence, mentions: list[Mention]) -> list[Mention]:
    """An attack's target that only says where it struck («انفجار قرب بغداد», «شمال باكستان»)
    is nobody's: the attack keeps no target, and may take its victims from what it caused."""
    out = []
    for m in mentions:
        if m.code[:2] in ATTACK_ROOTS and m.target is not None and arabic_place(sentence, m.target):
            m = m._replace(target=None)
        out.append(m)
    return out


def _read_around(sentence: Sentence, mentions: list[Mention], readings: DocumentReadings) -> list[Mention]:
    """Roles read from the words around an event: passive casualties, places that are no
    targets, consequences, and (Arabic) phrases of stance."""
    if sentence.language in ACTORLESS_LANGUAGES:
        mentions = passive_casualties(sentence, mentions, readings.actors(sentence))
        mentions = _attacks_on_places(sentence, mentions)
    mentions = link_consequences(sentence, mentions)
    if sentence.language in ACTORLESS_LANGUAGES:
        patients = [(h.start, h.end) for h in readings.verbs(sentence) if h.patient]
        mentions = stance_targets(sentence, mentions, readings.actors(sentence), patients)
    return mentions


def _targets_by_order(sentence: Sentence, mentions: list[Mention], by_order: list[Mention]) -> list[Mention]:
    """An Arabic protest or act of violence the parse gave no target takes the one word order
    reads for the same anchor and doer, in the anchor's own clause (not across «و» or another
    event's anchor)."""
    anchors = sorted({m.anchor_start for m in by_order} | {m.anchor_start for m in mentions})
    out = []
    for m in mentions:
        if m.target is None and m.code[:2] in ACTORLESS_ROOTS:
            other = next((o for o in by_order if o.anchor_start == m.anchor_start and o.target is not None
                          and _KIND.get(o.code[:2]) == _KIND.get(m.code[:2])
                          and (m.source is None or o.source is None or o.source.code == m.source.code)
                          and (m.source is None or o.target.code != m.source.code)
                          and _same_clause(sentence, m.anchor_end, o.target.start, anchors)), None)
            if other is not None:
                m = m._replace(target=other.target, rule_id=m.rule_id + "+order:" + other.target.rule)
            elif m.source is not None:
                # the parse's subject is whom word order reads the event befalls, or word order
                # reads a passive: unvocalised («وخُطف ثلاثة جنود أميركيين», «قُتلوا في
                # مواجهات مع»), which the parse cannot tell from its form
                other = next((o for o in by_order if o.anchor_start == m.anchor_start and o.target is not None
                              and _KIND.get(o.code[:2]) == _KIND.get(m.code[:2])
                              and (o.target.code == m.source.code or PASSIVE_RULE in o.rule_id)), None)
                if other is not None:
                    m = m._replace(source=other.source, target=other.target,
                                   rule_id=m.rule_id + "+order")
        out.append(m)
    return out


def _same_clause(sentence: Sentence, start: int, end: int, anchors: Sequence[int]) -> bool:
    """Whether nothing between ``start`` and ``end`` begins another clause: a conjunction, a
    comma, or another event's anchor."""
    if end < start:
        return False
    if any(t.key in CLAUSE_OPENERS for t in sentence.tokens[start:end]):
        return False
    return not any(start <= a < end for a in anchors)


# words that begin another clause, across which word order reads no target
CLAUSE_OPENERS = frozenset({"و", "ف", "ثم", "،", ",", ".", "؛", ":", "حيث", "بينما", "فيما"})


def _drop_redundant_actorless(mentions: list[Mention]) -> list[Mention]:
    """An event named without actors in a sentence that names one of its kind with actors
    («اندلعت مظاهرات ..., ورفع المتظاهرون شعارات») is that event again: only the one with
    actors is kept. A protest without actors in a sentence that names protesters doing
    something else («انطلقت مظاهرات ..., حيث تقدم المتظاهرون بمذكرات») is theirs."""
    kinds = {_KIND.get(m.code[:2]) for m in mentions if m.source is not None or m.target is not None}
    named = sorted((a for m in mentions for a in (m.source, m.target)
                    if a is not None and a.inter == PROTESTERS), key=lambda a: a.start)
    out = []
    for m in mentions:
        if m.source is None and m.target is not None and m.target.inter == PROTESTERS \
                and _KIND.get(m.code[:2]) == "protest":
            # protesters are whom a protest is by, never whom it is against (a parser's object
            # of «اندلعت مظاهرات», «تجمع نحو 500 متظاهر»)
            m = m._replace(source=m.target, target=None)
        elif m.source is not None and m.target is not None and _KIND.get(m.code[:2]) == "protest" \
                and m.source.inter in ARMED_TYPES and m.target.inter in CROWD_TYPES:
            # «مواجهات بين قوى الأمن ومجموعات من المواطنين»: armed forces do not riot against a
            # crowd; the crowd riots against them
            m = m._replace(source=m.target, target=m.source)
        if m.source is None and m.target is None:
            kind = _KIND.get(m.code[:2])
            if kind in kinds:
                continue
            if kind == "protest" and named:
                m = m._replace(source=named[0], rule_id=m.rule_id + "+" + named[0].rule)
        out.append(m)
    return out


def _one_event(mentions: list[Mention]) -> list[Mention]:
    """The anchors of one kind in one sentence tell of one event («تجمع المتظاهرون ... مرددين
    هتافات منها يسقط بوش», «استهدف انتحاري اجتماعاً ... مما أسفر عن مقتل»): one that names no
    target takes the target another of its kind names for the same doer (or for nobody), and one
    that names no doer takes the doer another names."""
    out = []
    for m in mentions:
        kind = _KIND.get(m.code[:2])
        if kind is not None and (m.source is None or m.target is None):
            others = [o for o in mentions if o is not m and _KIND.get(o.code[:2]) == kind]
            if m.target is None:
                target = next((o.target for o in others if o.target is not None
                               and (o.source is None or m.source is None or o.source.code == m.source.code)
                               and (m.source is None or o.target.code != m.source.code)), None)
                if target is not None:
                    m = m._replace(target=target, rule_id=m.rule_id + "+" + target.rule)
            if m.source is None:
                source = next((o.source for o in others if o.source is not None
                               and (m.target is None or o.source.code != m.target.code)), None)
                if source is not None:
                    m = m._replace(source=source, rule_id=m.rule_id + "+" + source.rule)
        out.append(m)
    return out


# small arms, shelling, air strikes: only armed forces wage them
MILITARY_MEANS = ("193", "194", "195")
MILITARY = "MIL"


def _military(mentions: list[Mention], cb: CompiledCodebook) -> list[Mention]:
    """A country that fights, shells or strikes from the air («غارة أميركية», «قصف إسرائيلي»)
    does so with its armed forces: the source is the country's military (as ACLED names it)."""
    out = []
    for m in mentions:
        source = m.source
        if source is not None and m.code.startswith(MILITARY_MEANS) and source.role is None \
                and source.country is not None and source.code == source.country:
            agent = cb.agent(MILITARY)
            acled = source.acled_name
            if acled is None:
                acled = cb.agent_acled_name(agent, source.country)
            inter = source.inter or (agent.inter if agent else None)
            source = source._replace(code=source.code + MILITARY, role=MILITARY,
                                     acled_name=acled, inter=inter)
            m = m._replace(source=source)
        out.append(m)
    return out


def _implied_protesters(mentions: list[Mention], cb: CompiledCodebook) -> list[Mention]:
    """A protest whose doers go unnamed («خرجت مظاهرات في الموصل») is by protesters: the
    codebook's agent of ACLED type 6, with no country of its own (ACLED's "Protesters"); one
    by a country alone is by its people as protesters."""
    agent = next((a for a in cb.codebook.agents if a.inter == PROTESTERS), None)
    if agent is None:
        return mentions
    out = []
    for m in mentions:
        source = m.source
        if source is not None and _KIND.get(m.code[:2]) == "protest" and source.role is None \
                and source.country is not None and source.code == source.country:
            # «تظاهرت العراق», «مظاهرات في بغداد» read as Baghdad's: a country demonstrates
            # through its people
            acled = cb.agent_acled_name(agent, source.country)
            people = source._replace(code=source.code + agent.code, role=agent.code,
                                     inter=agent.inter, acled_name=acled)
            m = m._replace(source=people)
        if m.source is None and _KIND.get(m.code[:2]) == "protest":
            implied = ActorMention(UNKNOWN_COUNTRY + agent.code, "", None, None, agent.inter, m.anchor_start,
                                   m.anchor_start, f"{agent.where}:implied", agent.code)
            if m.target is None or m.target.code != implied.code:
                m = m._replace(source=implied, rule_id=m.rule_id + "+" + implied.rule)
        out.append(m)
    return out


UNIDENTIFIED = "UAF"
ATTACK_ROOTS = frozenset({"18", "19"})


def _implied_attackers(mentions: list[Mention], cb: CompiledCodebook) -> list[Mention]:
    """An attack or killing whose doers go unnamed («قُتل خمسة أشخاص», «انفجرت سيارة
    مفخخة») is by an unidentified armed group (the codebook's agent UAF), as ACLED codes it."""
    agent = cb.agent(UNIDENTIFIED)
    if agent is None:
        return mentions
    out = []
    for m in mentions:
        if m.source is None and m.code[:2] in ATTACK_ROOTS:
            implied = ActorMention(UNKNOWN_COUNTRY + agent.code, "", None, None, agent.inter, m.anchor_start,
                                   m.anchor_start, f"{agent.where}:implied", agent.code)
            m = m._replace(source=implied, rule_id=m.rule_id + "+" + implied.rule)
        out.append(m)
    return out


# -- word order (lite) -------------------------------------------------------------------------


def _code_order(sentence: Sentence, cb: CompiledCodebook, readings: DocumentReadings) -> list[Mention]:
    hits = readings.verbs(sentence)
    if not hits:
        return []
    actors = readings.actors(sentence)
    mentions: list[Mention] = []
    subject = clause = None  # the last clause's subject and anchor, shared by a verb coordinated with it
    doers: list[VerbHit] = []  # the anchors so far that have a doer
    for hit in hits:
        if hit.negated or content_of(sentence, hit, doers) or _topic_noun(sentence, hit, actors):
            continue
        # a verb inside an actor's name is part of the name ("Islamic State", «أنصار الله»);
        # an anchor that only begins inside one ends its phrase: "GNA drones struck" (the
        # anchor "drone strike") is the GNA's
        inside = next((a for a in actors if a.start <= hit.start < a.end), None)
        if inside is not None and not _ends_past(inside, hit):
            continue
        roles = assign_roles(sentence, hit, actors)
        if inside is not None:
            roles = Roles(inside, roles.target if roles.target is not inside else None)
        if (topic := topic_of(sentence, hit, hits)) is not None and roles.source is not None \
                and roles.source.end <= topic:
            # "The army did not comment on the shelling": not the army's shelling
            roles = Roles(None, roles.target)
        roles = shared_subject(sentence, hit, roles, subject, clause)
        if roles.source is not None and not hit.patient:
            subject, clause = roles.source, hit
        if roles.source is not None:
            doers.append(hit)
        target = _inherit_country(_coded(roles.target), actors, cb)
        # "Jordan and Britain agreed": one mention per coordinated source, in text order
        sources = [_inherit_country(_coded(a), actors, cb)
                   for a in coordinated(sentence, actors, roles.source) if a is not roles.target]
        _emit(mentions, sentence, hit, [a for a in sources if a], [target] if target else [])
    return mentions


# Arabic prepositions after which a noun of violence is a circumstance or a topic («بعد ساعات
# على قصف منزل», «في هجوم», «عن الهجوم»), not an event reported with its actors
TOPIC_PREPOSITIONS = frozenset({"علي", "عن", "حول", "بعد", "منذ", "في", "خلال", "اثر", "جراء", "قبل"})
GENITIVE_REACH = 2


def _topic_noun(sentence: Sentence, hit: VerbHit, actors: Sequence[ActorMention]) -> bool:
    """An Arabic noun anchor right after a preposition, with no actor in its own genitive,
    codes nothing by word order, as with a parse ("in remarks published on Monday")."""
    tokens = sentence.tokens
    if sentence.language != "ar" or hit.start == 0 or (hit.code or "")[:2] not in ATTACK_ROOTS \
            or tokens[hit.start - 1].key not in TOPIC_PREPOSITIONS:
        return False
    if hit.start >= 2 and tokens[hit.start - 2].key in RESULT_WORDS["ar"]:
        return False  # «أسفر عن إصابة ثلاثة»: what an attack caused
    return not any(hit.end <= a.start <= hit.end + GENITIVE_REACH for a in actors)


def _ends_past(actor: ActorMention, hit: VerbHit) -> bool:
    """Whether ``hit`` overlaps only the last words of ``actor`` and goes on past it."""
    return actor.start < hit.start and actor.end < hit.end


def _coded(actor: ActorMention | None) -> ActorMention | None:
    return None if actor is None or actor.code == NULL_CODE else actor


# -- dependency tree ---------------------------------------------------------------------------


def _code_tree(sentence: Sentence, cb: CompiledCodebook, day: dt.date | None,
               readings: DocumentReadings) -> list[Mention]:
    tree = Tree(sentence)
    pieces = scan_pieces(sentence, cb)
    phrases = Phrases(sentence, tree, cb, day, pieces)
    roles = TreeRoles(sentence, tree, phrases)
    hits = find_verbs(sentence, cb, masks=roles.domain, barrier=tree.coordinators())
    if not hits:
        return []
    named = {i for p in pieces for i in range(p.start, p.end)}
    used_by: dict[int, int] = {}
    for k, hit in enumerate(hits):
        for position in hit.used:
            used_by.setdefault(position, k)
    linear: list[ActorMention] | None = None
    coded: list[tuple[VerbHit, int, list[ActorMention], list[ActorMention]]] = []
    for k, hit in enumerate(hits):
        head = roles.anchor(hit.start, hit.end)
        if hit.negated or head in named or used_by.get(head, k) != k:
            continue
        if negated_by_tree(sentence, tree.children[head], tree.rels):
            continue
        if tree.upos[head] in NOMINAL:
            sources, targets = roles.nominal(head, hit.patient)
            if not sources and not targets:
                if tree.case_word(head, sentence) is not None:
                    continue  # "in remarks published on Monday": a topic, not a reported event
                # a noun that names an event without its actors ("protests broke out"): the
                # actors nearest in word order, as the lite front-end reads it
                if linear is None:
                    linear = readings.actors(sentence)
                by_order = roles_by_order(sentence, hit, linear)
                sources = [by_order.source] if by_order.source else []
                targets = [by_order.target] if by_order.target else []
        else:
            sources = roles.source(head, intransitive=(hit.code or "")[:2] in INTRANSITIVE_ROOTS)
            targets = roles.target(head, exclude=sources)
            if not sources and not targets and sentence.language in ACTORLESS_LANGUAGES \
                    and (hit.code or "")[:2] in ACTORLESS_ROOTS \
                    and not any(tree.rels[c].partition(":")[0] in ARGUMENTS for c in tree.children[head]):
                # a verb the parser gave no subject or object (its subject misread as a
                # modifier, or in another clause): the actors nearest in word order, as for a noun
                if linear is None:
                    linear = readings.actors(sentence)
                by_order = roles_by_order(sentence, hit, linear)
                sources = [by_order.source] if by_order.source else []
                targets = [by_order.target] if by_order.target else []
        if hit.source_slot is not None or hit.target_slot is not None:
            if linear is None:
                linear = readings.actors(sentence)
            subject = roles.subject(head)
            if not subject and tree.upos[head] in NOMINAL and sentence.language == "ar":
                subject = sources  # a verbal noun's genitive is its subject («بتعرض المرجع لمحاولة»)
            sources, targets = _slots(hit, sources, targets, subject, linear, phrases, roles)
        taken = set(range(hit.start, hit.end)).union(hit.used)
        # a pattern word that names the anchor's own subject stays its source: the pattern says
        # who acts («أحرق المتظاهرون» with `* متظاهر*`)
        own = {(a.start, a.code) for a in roles.subject(head)} if hit.used else set()
        sources = [a for a in sources
                   if (a.start, a.code) in own or not taken.intersection(range(a.start, a.end))]
        targets = [a for a in targets if not taken.intersection(range(a.start, a.end))]
        everyone = [a for a in (*sources, *targets)]
        if sentence.language in ACTORLESS_LANGUAGES:
            # an Arabic bare agent takes the country of an earlier actor of its role anywhere in
            # the sentence («أعلن الجيش الأميركي مقتل أحد جنوده»), as by word order
            if linear is None:
                linear = readings.actors(sentence)
            everyone = sorted([*everyone, *linear], key=lambda a: a.start)
        sources = [_inherit_country(a, everyone, cb) or a for a in sources]
        targets = [_inherit_country(a, everyone, cb) or a for a in targets]
        coded.append((hit, head, sources, targets))
    # "urged Eriador to respond", "vowed to attack": what an anchor with a doer urges, promises
    # or threatens is the content of that event, not an event of its own
    governs = {head for _, head, sources, _ in coded if sources}
    mentions: list[Mention] = []
    for hit, head, sources, targets in coded:
        if roles.controller(head) in governs:
            continue
        _emit(mentions, sentence, hit, sources, targets)
    return mentions


def _slot_actor(slot: int, before: bool, linear: Sequence[ActorMention], phrases: Phrases,
                roles: TreeRoles) -> list[ActorMention]:
    """The actor a pattern's ``$`` or ``+`` points at, with its conjuncts."""
    found = None
    if before:
        for actor in reversed(linear):
            if actor.end <= slot + 1:
                found = actor if slot + 1 - actor.end <= SLOT_REACH else None
                break
    else:
        for actor in linear:
            if actor.start >= slot:
                found = actor if actor.start - slot <= SLOT_REACH else None
                break
    if found is None:
        return []
    head = roles.anchor(found.start, found.end)
    expanded = phrases.actors(head)
    return expanded if any(a.start <= found.start < a.end or found.start <= a.start < found.end
                           for a in expanded) else [found]


def _slots(hit: VerbHit, sources: list[ActorMention], targets: list[ActorMention],
           subject: list[ActorMention], linear: Sequence[ActorMention], phrases: Phrases, roles: TreeRoles,
           ) -> tuple[list[ActorMention], list[ActorMention]]:
    """Roles a pattern's slots decide. After the anchor ``$`` and ``+`` name the actor found
    there; before it they name the grammatical subject: "+ * {a message} $" (the subject
    receives, the actor after "message" sends), "+ * from $" ("Ithilen's militia was freed
    from Barad-dur": Barad-dur frees the militia)."""
    new_sources, new_targets = sources, targets
    source_after = hit.source_slot is not None and hit.source_slot >= hit.start
    target_after = hit.target_slot is not None and hit.target_slot >= hit.start
    if hit.source_slot is not None and not source_after:
        new_sources = subject or sources
    if hit.target_slot is not None and not target_after:
        new_targets = subject or targets
        if not source_after:
            new_sources = targets if subject else sources
    if target_after:
        new_targets = _slot_actor(hit.target_slot, False, linear, phrases, roles) or targets
    if source_after:
        new_sources = _slot_actor(hit.source_slot, False, linear, phrases, roles) or sources
        if hit.target_slot is None:
            new_targets = subject or new_targets
    return new_sources, new_targets


# -- mentions ----------------------------------------------------------------------------------


def _emit(mentions: list[Mention], sentence: Sentence, hit: VerbHit, sources: Sequence[ActorMention],
          targets: Sequence[ActorMention]) -> None:
    """The mentions of one anchor: every source with every target, the reverse events, and
    the pairs of a cooperation among several sources."""
    seen: set[tuple[str, str | None, int, str | None, int]] = set()
    actorless = sentence.language in ACTORLESS_LANGUAGES and (hit.code or "")[:2] in ACTORLESS_ROOTS

    def add(code: str | None, source: ActorMention | None, target: ActorMention | None) -> None:
        if source is not None and target is not None and source.code == target.code:
            target = None  # an actor does nothing to itself ("the army said its forces...")
        if code is None or source is None and target is None and not actorless:
            return
        if target is None and code[:2] in STATEMENT_ROOTS and source is not None and source.country is None \
                and source.code.startswith(UNKNOWN_COUNTRY):
            return  # "..., an official said": an unnamed speaker telling nobody in particular
        key = (code, source.code if source else None, source.start if source else -1,
               target.code if target else None, target.start if target else -1)
        if key in seen:
            return
        seen.add(key)
        rule = hit.rule_id
        for actor in (source, target):
            if actor is not None:
                rule += "+" + actor.rule
        mentions.append(Mention(sentence.index, 0, code, source, target, hit.start, hit.end, rule,
                                hit.acled))

    code = hit.code
    root = (code or hit.reverse or "")[:2]
    if not targets and len(sources) > 1 and (hit.pairwise or root in PAIRED_ROOTS):
        for source in sources:
            for other in sources:
                if other.code != source.code:
                    add(code, source, other)
                    add(hit.reverse, other, source)
        return
    for source in sources or [None]:
        for target in targets or [None]:
            add(code, source, target)
            if source is not None and target is not None:
                add(hit.reverse, target, source)


def _order(mentions: list[Mention]) -> list[Mention]:
    """A statement that reports later events in the sentence goes after them (SPEC)."""
    def is_report(i: int) -> bool:
        m = mentions[i]
        return m.code[:2] in STATEMENT_ROOTS and any(
            o.code[:2] not in STATEMENT_ROOTS and o.anchor_start > m.anchor_start for o in mentions[i + 1:])

    flagged = [(is_report(i), m.anchor_start, m) for i, m in enumerate(mentions)]
    flagged.sort(key=lambda x: (x[0], x[1]))
    # a mention already in its place is kept as it is (a copy costs a microsecond a mention)
    return [m if m.order == n and m.is_report == rep else m._replace(order=n, is_report=rep)
            for n, (rep, _, m) in enumerate(flagged)]
