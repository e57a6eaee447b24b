"""Mentions of one document -> event rows: dates, places, fatalities, ACLED fields, incidents.

Mentions of one real-world incident (same ACLED event type, same first actor, compatible date
and place) share an ``incident_id``; the first of them is primary and carries the merged record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from coder.codebook.compile import CompiledCodebook
from coder.codebook.taxonomy import load_taxonomy
from coder.incidents.acled import (
    CIVILIANS,
    VIOLENT_TYPES,
    AcledActors,
    AcledType,
    acled_actors,
    acled_type,
    interaction_code,
)
from coder.incidents.dates import DateMention, find_event_date, is_aggregate_period
from coder.incidents.fatalities import FatalityMention, find_fatalities
from coder.incidents.places import Place, PlaceMention, load_gazetteer, place_of
from coder.model import Document, Mention, Sentence
from coder.schema import EventRow

DAY = 1


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    date: DateMention | None
    fatalities: FatalityMention | None
    aggregate: bool
    places: tuple[PlaceMention, ...]


@dataclass(frozen=True, slots=True)
class MentionFacts:
    sentence: Sentence
    mention: Mention
    facts: SentenceFacts
    place: Place | None
    kind: AcledType | None
    actors: AcledActors

    @property
    def deaths(self) -> int:
        fat = self.facts.fatalities
        if fat is None or fat.aggregate or self.facts.aggregate:
            return 0
        return fat.count


def stable_id(*parts: object) -> str:
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).hexdigest()


def sentence_facts(sentence: Sentence, doc: Document, language: str) -> SentenceFacts:
    return SentenceFacts(
        date=find_event_date(sentence.text, language, doc.date),
        fatalities=find_fatalities(sentence.text, language),
        aggregate=is_aggregate_period(sentence.text, language),
        places=tuple(load_gazetteer().find(sentence)),
    )


def _same_act(a: MentionFacts, b: MentionFacts) -> bool:
    """Two violent mentions of one sentence by the same actor are one act («شنت غارات جوية
    استهدفت ...»: the strike and the targeting)."""
    return (a.sentence.index == b.sentence.index and a.actors.actor1 is not None
            and a.actors.actor1 == b.actors.actor1)


def _compatible(a: MentionFacts, b: MentionFacts) -> bool:
    """Could two ACLED mentions of one document describe the same incident?"""
    if a.kind is None or b.kind is None:
        return False
    if _same_act(a, b):
        return True
    if a.kind.event_type != b.kind.event_type:
        return False
    if a.actors.actor1 and b.actors.actor1 and a.actors.actor1 != b.actors.actor1:
        return False
    da, db = a.facts.date, b.facts.date
    if da is not None and db is not None and da.date != db.date:
        return False
    if a.place and b.place and a.place.admin1 != b.place.admin1:
        return False
    return True


def specificity(code: str) -> int:
    """'1951' > '195' > '190': a generic code ending in 0 says least about the act."""
    return len(code) * 2 - (1 if code.endswith("0") else 0)


def group_incidents(items: Sequence[MentionFacts]) -> list[list[int]]:
    """Groups of mention indexes, each listed primary first (the most specific code, then the
    earliest mention)."""
    groups: list[list[int]] = []
    for i, item in enumerate(items):
        if item.kind is None:
            continue
        for group in groups:
            if all(_compatible(items[j], item) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return [sorted(g, key=lambda j: (-specificity(items[j].mention.code), j)) for g in groups]


NOTE_VERBS = {
    "Armed clash": "clashed with {a2}",
    "Government regains territory": "regained territory from {a2}",
    "Non-state actor overtakes territory": "took control of territory from {a2}",
    "Air/drone strike": "carried out air/drone strikes against {a2}",
    "Shelling/artillery/missile attack": "shelled {a2}",
    "Attack": "attacked {a2}",
    "Peaceful protest": "protested",
    "Arrests": "arrested {a2}",
}


def merge_actors(kind: AcledType, own: AcledActors, others: Sequence[AcledActors]) -> AcledActors:
    """The primary keeps its own actors and fills a missing side from the other mentions."""
    first = next((o for o in others if o.actor1), None)
    second = next((o for o in others if o.actor2 and o.actor2 != (own.actor1 or (first and first.actor1))),
                  None)
    actor1, inter1 = (own.actor1, own.inter1) if own.actor1 else \
        ((first.actor1, first.inter1) if first else (None, None))
    actor2, inter2 = (own.actor2, own.inter2) if own.actor2 else \
        ((second.actor2, second.inter2) if second else (None, 0))
    targeting = "Civilians targeted" if inter2 == CIVILIANS and kind.event_type in VIOLENT_TYPES else None
    return AcledActors(actor1, inter1, actor2, inter2, interaction_code(inter1, inter2), targeting)


def note(date, kind: AcledType, actors: AcledActors, place: Place | None, deaths: int) -> str:
    a1 = actors.actor1 or "an unidentified actor"
    a2 = actors.actor2 or "unidentified targets"
    verb = NOTE_VERBS.get(kind.sub_event_type, kind.sub_event_type.lower() + " involving {a2}")
    text = f"On {date.isoformat() if date else 'an unknown date'}, {a1} {verb.format(a2=a2)}"
    if place is not None:
        text += f" in {place.location}" + (f" ({place.admin1})" if place.admin1 else "")
    return text + f". Fatalities: {deaths}."


def build_rows(doc: Document, language: str, mentions: Sequence[tuple[Sentence, Mention]],
               cb: CompiledCodebook, parser: str) -> list[EventRow]:
    taxonomy = load_taxonomy()
    facts_by_sentence: dict[int, SentenceFacts] = {}
    items: list[MentionFacts] = []
    for sentence, mention in mentions:
        facts = facts_by_sentence.get(sentence.index)
        if facts is None:
            facts = facts_by_sentence[sentence.index] = sentence_facts(sentence, doc, language)
        where = place_of(facts.places, mention.anchor_start)
        kind = acled_type(mention.code, mention.acled_sub_event, mention.source, mention.target)
        items.append(MentionFacts(sentence, mention, facts, where.place if where else None, kind,
                                  acled_actors(kind, mention.source, mention.target)))
    incident_of: dict[int, tuple[str, bool, list[int]]] = {}
    for n, group in enumerate(group_incidents(items)):
        incident_id = stable_id(doc.input, doc.position, doc.id, "incident", n)
        for k, i in enumerate(group):
            incident_of[i] = (incident_id, k == 0, group)
    rows = []
    for i, item in enumerate(items):
        incident = incident_of.get(i)
        rows.append(_row(doc, language, item, items, incident, cb, taxonomy, parser))
    return rows


def _row(doc, language, item: MentionFacts, items, incident, cb: CompiledCodebook, taxonomy,
         parser: str) -> EventRow:
    mention, sentence = item.mention, item.sentence
    date_mention = item.facts.date
    event_date = date_mention.date if date_mention else doc.date
    precision = date_mention.precision if date_mention else (DAY if doc.date else None)
    place = item.place
    deaths = item.deaths if item.kind else None
    actors = item.actors
    incident_id, primary = (incident[0], incident[1]) if incident else (None, False)
    if primary:
        group = [items[j] for j in incident[2]]
        dated = next((g.facts.date for g in group if g.facts.date is not None), None)
        if dated is not None:
            event_date, precision = dated.date, dated.precision
        placed = [g.place for g in group if g.place is not None]
        if placed:
            place = min(placed, key=lambda p: p.precision)
        deaths = max(g.deaths for g in group)
        actors = merge_actors(item.kind, actors, [g.actors for g in group])
    info = taxonomy.cameo_info(mention.code)
    source, target = mention.source, mention.target
    country = iso3 = None
    if place is not None:
        country, iso3 = place.country, place.iso3
    elif item.kind is not None and source is not None and source.country:
        country, iso3 = cb.country_name(source.country), source.country
    return EventRow(
        event_id=stable_id(doc.input, doc.position, doc.id, sentence.index, mention.order),
        incident_id=incident_id, is_primary=primary, doc_id=doc.id, sentence_index=sentence.index,
        sentence=sentence.text, language=language, source=doc.source, doc_date=doc.date,
        event_date=event_date, time_precision=precision,
        source_actor=source.code if source else None, target_actor=target.code if target else None,
        source_text=source.text if source else None, target_text=target.text if target else None,
        source_country=source.country if source else None,
        target_country=target.country if target else None,
        cameo_code=mention.code, cameo_root=mention.code[:2],
        quad_class=info.quad_class if info else None, goldstein=info.goldstein if info else None,
        plover_event=(info.plover or None) if info else None,
        disorder_type=item.kind.disorder_type if item.kind else None,
        event_type=item.kind.event_type if item.kind else None,
        sub_event_type=item.kind.sub_event_type if item.kind else None,
        actor1=actors.actor1, assoc_actor_1=None, actor2=actors.actor2, assoc_actor_2=None,
        inter1=actors.inter1, inter2=actors.inter2 if item.kind else None, interaction=actors.interaction,
        civilian_targeting=actors.civilian_targeting, fatalities=deaths,
        country=country, iso3=iso3, admin1=place.admin1 if place else None,
        admin2=place.admin2 if place else None, location=place.location if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=place.precision if place else (3 if country else None),
        notes=note(event_date, item.kind, actors, place, deaths or 0) if item.kind else None,
        rule_id=mention.rule_id, parser=parser,
    )
