"""Mentions of one document -> event rows: dates, places, fatalities, ACLED fields, incidents.

Every mention is dated, placed and counted from its sentence. A sentence with ACLED cue words
("protested", "shelled", "abducted") but no ACLED-typed mention from the engine (its actors are
not in the codebook, say) gets one derived mention, coded from its first cue word, so that ACLED's
record of it is not lost; its ``rule_id`` names the cue.

Mentions of one real-world incident (related ACLED types, the same date and admin1, overlapping
actors) share an ``incident_id``; a mention that names both its actors (else the most specific)
is primary and carries the merged record: the type decided on every cue of the incident's
sentences, the primary's own source and target, then the actors of its other mentions,
the explicit date of any of them, the most precise place, and the deaths of its sentences and of
the sentences that follow it without an event of their own ("... 2 civilians were killed").
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Sequence
from typing import NamedTuple

from coder.codebook.compile import CompiledCodebook
from coder.codebook.taxonomy import load_taxonomy
from coder.engine.coder import PLACE_COUNTRY_LANGUAGES, with_place_country
from coder.engine.readings import DocumentReadings
from coder.engine.roles import topic_of
from coder.engine.verbs import VerbHit
from coder.incidents import cues as c
from coder.incidents.acled import (
    AcledActors,
    AcledType,
    Side,
    acled_type,
    assign_actors,
    classify,
    code_cues,
    country_side,
    side_of,
)
from coder.incidents.cues import Cues, find_cues, note_tag
from coder.incidents.dates import DateMention, find_event_date, is_aggregate_period
from coder.incidents.fatalities import FatalityMention, coded_fatalities, find_fatalities, total_fatalities
from coder.incidents.gazetteer import Country, Tables, load_tables
from coder.incidents.numbers import Normalised, normalise
from coder.incidents.places import DocumentPlaces, Place, place_of, resolve_places
from coder.incidents.screen import Screened, screen
from coder.model import ActorMention, Document, Mention, Sentence
from coder.schema import EventRow

DAY = 1
CUE_RULE = "incidents/cues.py:"
# The CAMEO code of a mention derived from a cue word (the cue's own CAMEO meaning).
_CUE_CODES = {
    c.PROTEST: "141",
    c.RIOT: "145",
    c.MOB: "145",
    c.CLASH: "190",
    c.FIRE_AT: "190",
    c.GAIN: "192",
    c.REGAIN: "192",
    c.CHEMICAL: "204",
    c.AIR: "195",
    c.SUICIDE: "1831",
    c.SHELLING: "194",
    c.IED: "183",
    c.GRENADE: "183",
    c.EXPLOSION: "183",
    c.KILL: "180",
    c.ATTACK: "180",
    c.ABDUCT: "181",
    c.SEXUAL: "1821",
    c.ARREST: "173",
    c.LOOT: "171",
    c.DISRUPT: "150",
    c.AGREE: "057",
    c.HQ: "154",
    c.CHANGE: "154",
    c.TRANSFER: "0874",
    c.OTHER: "150",
}
_RELATED = (
    frozenset({"Protests", "Riots"}),
    frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"}),
)


_UNREAD = object()


class SentenceFacts:
    """What a sentence says of when, how many died and how, each read on first use: a sentence
    whose events are all verbal (statements, meetings) never needs its cue words or deaths.
    Read-only to its users; the memo fields are filled once (functools.cached_property would do,
    but takes a lock on every read in Python 3.11)."""

    __slots__ = (
        "text", "language", "doc_date", "_norm", "_screened", "_date", "_fatalities", "_aggregate", "_cues"
    )

    def __init__(self, text: str, language: str, doc_date: dt.date | None) -> None:
        self.text = text
        self.language = language
        self.doc_date = doc_date
        self._norm: Normalised | None = None
        self._screened: object = _UNREAD
        self._date: object = _UNREAD
        self._fatalities: object = _UNREAD
        self._aggregate: object = _UNREAD
        self._cues: object = _UNREAD

    @property
    def norm(self) -> Normalised:
        """The normalised text every reader below matches on, made once for all of them."""
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm

    @property
    def screened(self) -> Screened | None:
        """Every reader's screen of the normalised text, in one pass over its words."""
        if self._screened is _UNREAD:
            self._screened = screen(self.norm, self.language)
        return self._screened  # type: ignore[return-value]

    @property
    def date(self) -> DateMention | None:
        if self._date is _UNREAD:
            s = self.screened
            self._date = find_event_date(
                self.text, self.language, self.doc_date, self.norm, s and s.date_words, s and s.date_rules
            )
        return self._date  # type: ignore[return-value]

    @property
    def fatalities(self) -> FatalityMention | None:
        if self._fatalities is _UNREAD:
            s = self.screened
            self._fatalities = find_fatalities(self.text, self.language, self.norm, s and s.death_words)
        return self._fatalities  # type: ignore[return-value]

    @property
    def aggregate(self) -> bool:
        if self._aggregate is _UNREAD:
            s = self.screened
            self._aggregate = is_aggregate_period(self.text, self.language, self.norm, s and s.aggregate)
        return self._aggregate  # type: ignore[return-value]

    @property
    def cues(self) -> Cues:
        if self._cues is _UNREAD:
            s = self.screened
            self._cues = find_cues(
                self.text, self.language, self.norm if self.language == "ar" else None, s and s.cues
            )
        return self._cues  # type: ignore[return-value]


class MentionFacts(NamedTuple):
    sentence: Sentence
    mention: Mention
    facts: SentenceFacts
    place: Place | None
    base: AcledType | None  # the codebook's type; None for verbal events
    kind: AcledType | None  # the type decided on the sentence's cues
    sides: tuple[Side | None, ...]  # source, target, then the sentence's other actors (derived mentions)
    # the sentence's cue kinds with the code's, and its deaths, as the type was decided on them
    # (read once, in ``_facts``; empty and 0 for a verbal event, whose cues are never read)
    kinds: frozenset[str]
    deaths: int


# MentionFacts(...) without the named tuple's Python-level __new__ (as ``_new_row`` below): one per mention
_new_facts = functools.partial(tuple.__new__, MentionFacts)


def stable_id(*parts: object) -> str:
    return _digest("\x1f".join(map(str, parts)))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _doc_key(doc: Document) -> str:
    """The parts a document's ids start with (``stable_id``'s first three), joined once for all its rows."""
    return f"{doc.input}\x1f{doc.position}\x1f{doc.id}"


def sentence_facts(sentence: Sentence, doc: Document, language: str) -> SentenceFacts:
    return SentenceFacts(sentence.text, language, doc.date)


# --- derived mentions --------------------------------------------------------------------------------


def _token_at(sentence: Sentence, char: int) -> int:
    for i, token in enumerate(sentence.tokens):
        if token.end > char:
            return i
    return max(0, len(sentence.tokens) - 1)


_TAG_CUES = {
    "Change to group/activity": c.CHANGE,
    "Looting/property destruction": c.LOOT,
    "Arrests": c.ARREST,
    "Other": c.OTHER,
    "Disrupted weapons use": c.DISRUPT,
    "Headquarters or base established": c.HQ,
    "Agreement": c.AGREE,
    "Non-violent transfer of territory": c.TRANSFER,
}


def derived_mention(
    sentence: Sentence,
    cues: Cues,
    order: int,
    actors: Sequence[ActorMention],
    tag: str | None = None,
    hits: Sequence[VerbHit] = (),
) -> Mention | None:
    """A mention for the first event cue of a sentence the engine coded no ACLED event in (or for
    the note's tag): the actors before the cue word are its source, the first one after it its
    target. ``hits``: the sentence's verb anchors; a cue word that is the topic of a negated or
    speech verb ("did not comment on the shelling") takes no source from before that verb, and
    one that an anchor's pattern codes as an event with no ACLED type ("condemned the attack")
    derives nothing."""
    return _derive(sentence, cues, order, actors, tag, hits)[0]


def _derive(
    sentence: Sentence,
    cues: Cues,
    order: int,
    actors: Sequence[ActorMention],
    tag: str | None,
    hits: Sequence[VerbHit],
) -> tuple[Mention | None, bool]:
    """``derived_mention``, and whether its cue word is only talked about."""
    events = [(pos, kind) for kind, pos in cues.first.items() if kind in c.EVENT_KINDS]
    if tag in _TAG_CUES:
        events = [(0, _TAG_CUES[tag])]
    if not events or not sentence.tokens:
        return None, False
    pos, kind = min(events)
    anchor = _token_at(sentence, pos)
    before = [a for a in actors if a.end <= anchor]
    after = [a for a in actors if a.start > anchor]
    # a cue word inside an actor's phrase names the doers themselves («وطالب المتظاهرون
    # الحكومة», "protesters demanded"): they are its source
    inside = next((a for a in actors if a.start <= anchor < a.end), None)
    source = inside or (before[-1] if before else None)
    target = after[0] if after else None
    own = next((h for h in hits if h.start <= anchor < h.end), None)
    if own is not None and own.recoded and acled_type(own.code or "", own.acled, None, None) is None:
        return None, False  # the engine read the word as another kind of event: «أدانت الحكومة الهجوم»
    topic = topic_of(sentence, own, hits) if own is not None else None
    if source is not None and topic is not None and source.end <= topic:
        source = None
    if topic is not None and source is None and target is None:
        return None, True  # an event only talked about, with nobody in it: "did not comment on the shelling"
    if source is None and target is not None and target.inter in (1, 2, 3, 4, 8) and len(after) > 1:
        source, target = target, after[1]
    return Mention(
        sentence.index, order, _CUE_CODES[kind], source, target, anchor, anchor + 1, CUE_RULE + kind
    ), False


# --- grouping ---------------------------------------------------------------------------------------


def _actor_names(item: MentionFacts) -> set[str]:
    return {s.name for s in item.sides[:2] if s is not None and s.name}


def _compatible(a: MentionFacts, b: MentionFacts) -> bool:
    """Could two ACLED mentions of one document describe the same incident? Related types (one
    event type, or types ACLED merges: a protest and its intervention, a battle and its shelling),
    the same day when both are dated, the same admin1 when both are placed."""
    if a.kind is None or b.kind is None:
        return False
    one_type = a.kind.event_type == b.kind.event_type  # asked for every pair: no set built then
    if not one_type:
        types = frozenset({a.kind.event_type, b.kind.event_type})
        if not any(types <= related for related in _RELATED) and not (
            "Strategic developments" in types
            and types & {"Protests", "Riots"}
            and {a.kind.sub_event_type, b.kind.sub_event_type} & {"Arrests"}
        ):
            return False
    if a.sentence.index == b.sentence.index and one_type:
        return True  # one sentence's fighting "on several fronts" is told as one incident
    da, db = a.facts.date, b.facts.date
    if da is not None and db is not None and da.date != db.date:
        return False
    if a.place and b.place and a.place.admin1 and b.place.admin1 and a.place.admin1 != b.place.admin1:
        return False
    return True


_CROWDS = frozenset({"Protests", "Riots"})


def _same_parties(a: MentionFacts, b: MentionFacts) -> bool:
    """Mentions of one sentence, or naming a common actor (or no actor at all), may be one incident."""
    # asked for every pair of a group: the cheap tests first, no set built for the types, and the
    # actors' names only for mentions of different sentences
    if a.kind.event_type in _CROWDS or b.kind.event_type in _CROWDS:  # type: ignore[union-attr]
        return True  # a crowd and the police who dispersed it are named differently
    later = b.sentence.index > a.sentence.index
    if later and b.place is None and b.facts.date is None:
        return True  # a later sentence with no place or day of its own goes on telling the incident
    if a.sentence.index == b.sentence.index:
        return True
    na, nb = _actor_names(a), _actor_names(b)
    return not na or not nb or bool(na & nb)


def specificity(code: str) -> int:
    """'1951' > '195' > '190': a generic code ending in 0 says least about the act."""
    return len(code) * 2 - (1 if code.endswith("0") else 0)


def _joins(items: Sequence[MentionFacts], group: list[int], item: MentionFacts) -> bool:
    """Whether ``item`` is compatible with every mention of ``group`` and shares parties with one
    (plain loops: two generators a group cost more than the tests in them)."""
    for j in group:
        if not _compatible(items[j], item):
            return False
    for j in group:
        if _same_parties(items[j], item):
            return True
    return False


def group_incidents(items: Sequence[MentionFacts]) -> list[list[int]]:
    """Groups of mention indexes, each listed primary first: a mention of the engine's before one
    derived from cue words, one that names both its actors before one that names fewer (the
    incident's record is about who did it to whom), then the most specific code, then the
    earliest mention."""
    groups: list[list[int]] = []
    for i, item in enumerate(items):
        if item.kind is None:
            continue
        for group in groups:
            if _joins(items, group, item):
                group.append(i)
                break
        else:
            groups.append([i])
    return [
        sorted(
            g,
            key=lambda j: (
                items[j].mention.rule_id.startswith(CUE_RULE),
                items[j].mention.source is None or items[j].mention.target is None,
                -specificity(items[j].mention.code),
                j,
            ),
        )
        for g in groups
    ]


# --- the merged record ------------------------------------------------------------------------------


class Record(NamedTuple):
    kind: AcledType
    actors: AcledActors
    date: dt.date | None
    precision: int | None
    place: Place | None
    deaths: int


def _deaths(group: Sequence[MentionFacts], extra: Sequence[SentenceFacts], texts: Sequence[str]) -> int:
    seen: set[int] = set()
    found: list[FatalityMention | None] = []
    for item in group:
        if item.sentence.index not in seen:
            seen.add(item.sentence.index)
            if not item.facts.aggregate:
                found.append(item.facts.fatalities)
    found.extend(f.fatalities for f in extra if not f.aggregate)
    counted = total_fatalities(found)
    coded = coded_fatalities(" ".join(texts), counted)
    return counted if coded is None else coded


def merge(
    group: Sequence[MentionFacts],
    extra: Sequence[SentenceFacts],
    texts: Sequence[str],
    doc: Document,
    country: Country | None,
    tag: str | None = None,
) -> Record:
    primary = group[0]
    kinds = frozenset().union(*(g.kinds for g in group), *(f.cues.kinds for f in extra))
    deaths = _deaths(group, extra, texts)
    # The text's own words decide first; the codebook's codes only where the words say nothing
    # (codebooks differ and grow; ACLED's categories are about the words).
    said = frozenset().union(
        *(g.facts.cues.kinds | code_cues(None, g.mention.acled_sub_event) for g in group),
        *(f.cues.kinds for f in extra),
    )
    src, tgt = primary.mention.source, primary.mention.target
    kind = classify(None, said, src, tgt, deaths, tag) or classify(primary.base, kinds, src, tgt, deaths, tag)
    kind = kind or primary.kind
    assert kind is not None
    sides = [s for g in group for s in g.sides[:2]] + [s for g in group for s in g.sides[2:]]
    actors = assign_actors(kind, sides, kinds, country, doc.date)
    dated = next((g.facts.date for g in group if g.facts.date is not None), None)
    date, precision = (dated.date, dated.precision) if dated else (doc.date, DAY if doc.date else None)
    placed = [g.place for g in group if g.place is not None]
    place = min(placed, key=lambda p: p.precision) if placed else None
    return Record(kind, actors, date, precision, place, deaths)


def note(date, kind: AcledType, actors: AcledActors, place: Place | None, deaths: int) -> str:
    """A one-line English summary: 'On 2020-05-09, in Multan (Punjab), Protesters (Pakistan):
    Peaceful protest. Fatalities: 0.'"""
    where = ""
    if place is not None:
        where = (
            f", in {place.location}"
            + (f" ({place.admin1})" if place.admin1 and place.admin1 != place.location else "")
            + f", {place.country}"
        )
    who = actors.actor1 or "an unidentified actor"
    if actors.actor2:
        who += f" vs {actors.actor2}"
    when = date.isoformat() if date else "an unknown date"
    return f"On {when}{where}, {who}: {kind.sub_event_type}. Fatalities: {deaths}."


# --- rows -------------------------------------------------------------------------------------------

# A cache, not settings: one lite front-end per codebook and language (its word memo makes the second
# parse cheap); the codebook is kept in the value so that its id cannot be reused while cached.
_FRONTENDS: dict[tuple[int, str], tuple[CompiledCodebook, object]] = {}


def _lite(cb: CompiledCodebook, language: str):
    cached = _FRONTENDS.get((id(cb), language))
    if cached is None or cached[0] is not cb:
        from coder.frontends.lite import LiteFrontend

        vocabulary = cb.vocabulary.get(language, frozenset()) | load_tables().vocabulary(language)
        if len(_FRONTENDS) > 8:
            _FRONTENDS.clear()
        cached = _FRONTENDS[(id(cb), language)] = (cb, LiteFrontend(vocabulary=vocabulary))
    return cached[1]


def document_sentences(
    doc: Document,
    language: str,
    mentions: Sequence[tuple[Sentence, Mention]],
    cb: CompiledCodebook,
    parser: str,
) -> list[Sentence]:
    """Every sentence of the document: the lite front-end is deterministic, so parsing again gives
    the sentences the engine saw; other front-ends' sentences are known only through mentions."""
    if parser == "lite" and doc.text:
        return list(_lite(cb, language).parse(doc.text, language))
    return list({s.index: s for s, _ in mentions}.values())


def build_rows(
    doc: Document,
    language: str,
    mentions: Sequence[tuple[Sentence, Mention]],
    cb: CompiledCodebook,
    parser: str,
    sentences: Sequence[Sentence] | None = None,
    require_dyad: bool | None = None,
    readings: DocumentReadings | None = None,
) -> list[EventRow]:
    """Event rows of one document. ``sentences``: all of the document's sentences (when the caller
    has them; otherwise they are recovered, see ``document_sentences``). ``require_dyad``: the
    coder's setting (default: the codebook's); a mention derived from cue words obeys it too."""
    if require_dyad is None:
        require_dyad = cb.codebook.require_dyad
    if readings is None:
        readings = DocumentReadings(cb, doc.date)
    # events read from ACLED cue words where no verb pattern matched: the codebook's choice
    # (PETRARCH imports turn them off, since their gold expects the dictionaries' events only)
    cue_events = cb.codebook.cue_events
    taxonomy = load_taxonomy()
    tables = load_tables()
    if sentences is None:
        sentences = document_sentences(doc, language, mentions, cb, parser)
    by_index = {s.index: s for s in sentences}
    for sentence, _ in mentions:
        by_index.setdefault(sentence.index, sentence)
    ordered = [by_index[k] for k in sorted(by_index)]
    facts = {s.index: sentence_facts(s, doc, language) for s in ordered}
    found: dict[int, list[Mention]] = {}
    for sentence, mention in mentions:
        found.setdefault(sentence.index, []).append(mention)
    all_mentions: list[tuple[Sentence, Mention]] = []
    talked: set[int] = set()  # sentences whose event words are only talked about
    for sentence in ordered:
        own = found.get(sentence.index, [])
        all_mentions.extend((sentence, m) for m in own)
        typed = any(_is_typed(m) for m in own)
        if (
            cue_events
            and not typed
            and c.EVENT_KINDS & facts[sentence.index].cues.kinds
            and not _period(facts[sentence.index])
        ):
            derived, topic_only = _derive(
                sentence, facts[sentence.index].cues, len(own), readings.actors(sentence), None,
                readings.verbs(sentence),
            )
            if topic_only:
                talked.add(sentence.index)
            if derived is not None and not (
                require_dyad and (derived.source is None or derived.target is None)
            ):
                all_mentions.append((sentence, derived))  # made with the sentence's index
    tag = note_tag(doc.text) if language == "en" and cue_events else None
    if tag is not None and not any(_is_typed(m) for _, m in all_mentions) and ordered:
        first = ordered[0]
        derived = derived_mention(
            first,
            facts[first.index].cues,
            len(found.get(first.index, [])),
            readings.actors(first),
            tag,
        )
        if derived is not None and not (require_dyad and (derived.source is None or derived.target is None)):
            all_mentions.insert(len(found.get(first.index, [])), (first, derived))
    actor_countries = [a.country for _, m in all_mentions for a in (m.source, m.target) if a and a.country]
    places = resolve_places(ordered, actor_countries, tables)
    country = tables.country(places.iso2) if places.iso2 else None
    side = _sides_of(country, doc.date, cb, tables)
    doc_key = _doc_key(doc)
    items = [_facts(s, m, facts[s.index], places, side, tag, readings) for s, m in all_mentions]
    incident_of: dict[int, tuple[str, bool, Record | None]] = {}
    groups = group_incidents(items)
    owners = _sentence_owners(items, groups, ordered, facts, talked)
    for n, group in enumerate(groups):
        incident_id = _digest(f"{doc_key}\x1fincident\x1f{n}")
        members = [items[j] for j in group]
        own = {g.sentence.index for g in members}
        sentence_ids = sorted(own | {k for k, g in owners.items() if g == n})
        extra = [facts[k] for k in sentence_ids if k not in own]
        texts = [by_index[k].text for k in sentence_ids]
        record = merge(members, extra, texts, doc, country, tag)
        for k, i in enumerate(group):
            incident_of[i] = (incident_id, k == 0, record if k == 0 else None)
    return [
        _row(doc, doc_key, language, item, incident_of.get(i), cb, taxonomy, parser, places, country)
        for i, item in enumerate(items)
    ]


def _period(facts: SentenceFacts) -> bool:
    """A sentence about a period ("since the start of the year") with no day of its own."""
    return facts.aggregate and (facts.date is None or facts.date.precision != DAY)


def _is_typed(mention: Mention) -> bool:
    return (
        mention.rule_id.startswith(CUE_RULE)
        or acled_type(mention.code, mention.acled_sub_event, mention.source, mention.target) is not None
    )


def _passive_agent(sentence: Sentence, actor: ActorMention | None) -> bool:
    """ "was shot by gunmen": the actor after 'by' is the doer, though it stands after the verb."""
    return (
        actor is not None
        and sentence.language == "en"
        and any(t.key == "by" for t in sentence.tokens[max(0, actor.start - 2) : actor.start])
    )


def _passive_anchor(sentence: Sentence, mention: Mention) -> bool:
    """Whether the anchor is a passive verb ("was shot", "have been attacked") or a word right
    before its "by" phrase ("an attack by gunmen", "shot dead by"): a "by" phrase further on
    belongs to another word ("demanded an admission by Moscow")."""
    tokens = sentence.tokens
    if any(t.key in ("be", "get") for t in tokens[max(0, mention.anchor_start - 3) : mention.anchor_start]):
        return True
    return any(t.key == "by" for t in tokens[mention.anchor_end : mention.anchor_end + 2])


_OBSERVING = frozenset(
    {
        "observe",
        "observed",
        "record",
        "recorded",
        "monitor",
        "monitored",
        "document",
        "documented",
        "count",
        "counted",
        "hear",
        "heard",
    }
)


def _observer(sentence: Sentence, actor: ActorMention | None) -> bool:
    """ "the OSCE SMM observed 25 explosions": a monitor that reports an event is not its actor.
    Speech verbs ("Hungary said it will support ...") are not monitoring: the speaker is often the
    actor of what it announces."""
    if actor is None or sentence.language != "en":
        return False
    after = [t.key for t in sentence.tokens[actor.end : actor.end + 2]]
    return bool(after) and (
        after[0] in _OBSERVING
        or (len(after) > 1 and after[1] in _OBSERVING and after[0].isupper() is False and len(after[0]) <= 4)
    )


FOLLOWERS = 2  # sentences after an incident's last mention that may still describe it


def _sentence_owners(
    items: Sequence[MentionFacts],
    groups: list[list[int]],
    ordered: Sequence[Sentence],
    facts: dict[int, SentenceFacts],
    talked: frozenset[int] | set[int] = frozenset(),
) -> dict[int, int]:
    """Sentences without an ACLED mention that follow an incident closely ("... Police dispersed
    them.", "2 civilians were killed.") belong to it: their cues and deaths are its own. A
    sentence about a period ends the run; one that only talks about an event ("The army did not
    comment on the shelling") belongs to no incident."""
    first_group: dict[int, int] = {}
    for n, group in enumerate(groups):
        for j in group:
            first_group.setdefault(items[j].sentence.index, n)
    owners: dict[int, int] = {}
    current: int | None = None
    since = 0
    for sentence in ordered:
        if sentence.index in first_group:
            current, since = first_group[sentence.index], 0
        elif sentence.index in talked:
            since += 1
        elif current is not None and since < FOLLOWERS and not _period(facts[sentence.index]):
            owners[sentence.index] = current
            since += 1
        else:
            current = None
    return owners


SideOf = Callable[[ActorMention | None, bool], Side | None]


def _sides_of(country: Country | None, day: dt.date | None, cb: CompiledCodebook, tables: Tables) -> SideOf:
    """A document's ``side(actor, violent)``: an actor as ACLED names it (a country named as a
    party to violence stands for its military). Each actor is named once per document: it is
    a side of each mention of its sentence."""

    def name(iso3: str) -> str:
        iso2 = tables.iso2_of(iso3)
        found = tables.country(iso2) if iso2 else None
        return found.name if found else cb.country_name(iso3)

    # by the actor's id, with the actor kept in the value: ids are reused only once it is gone
    memo: dict[tuple[int, bool], tuple[ActorMention, Side | None]] = {}

    def side(actor: ActorMention | None, violent: bool) -> Side | None:
        if actor is None:
            return None
        known = memo.get((id(actor), violent))
        if known is not None and known[0] is actor:
            return known[1]
        found = side_of(actor, country, day, name)
        if found is None and violent:
            found = country_side(actor, country, day, name)
        memo[id(actor), violent] = (actor, found)
        return found

    return side


def _facts(
    sentence: Sentence,
    mention: Mention,
    facts: SentenceFacts,
    places: DocumentPlaces,
    side: SideOf,
    tag: str | None,
    readings: DocumentReadings,
) -> MentionFacts:
    where = place_of(places.find(sentence), mention.anchor_start)
    # with a parse the engine already read passives and speakers from the tree; word-order repairs
    # would undo correct roles ("condemned an attack by Osgiliath soldiers")
    if not sentence.has_heads and _passive_agent(sentence, mention.target) and not _passive_agent(
        sentence, mention.source
    ) and _passive_anchor(sentence, mention):
        mention = mention._replace(source=mention.target, target=mention.source)
    if not sentence.has_heads and _observer(sentence, mention.source):
        mention = mention._replace(source=None)
    derived = mention.rule_id.startswith(CUE_RULE)
    base = (
        None if derived else acled_type(mention.code, mention.acled_sub_event, mention.source, mention.target)
    )
    kind = None
    kinds: frozenset[str] = frozenset()
    deaths = 0
    if base or derived:  # a verbal event has no ACLED type: its cue words and deaths are not read
        kinds = facts.cues.kinds | code_cues(mention.code, mention.acled_sub_event)
        fat = facts.fatalities
        deaths = 0 if fat is None or fat.aggregate or facts.aggregate else fat.count
        kind = classify(base, kinds, mention.source, mention.target, deaths, tag)
    if kind is not None and _period(facts):
        kind = None  # a narrative of a period («منذ تدخل أردوغان»), not one dated incident
    violent = kind is not None and kind.event_type in ("Battles", "Explosions/Remote violence")
    source, target = mention.source, mention.target
    sides = [side(source, violent), side(target, violent)]
    if kind is not None:
        for actor in readings.actors(sentence):
            # an actor that overlaps the source or the target is one of them
            if (source is not None and source.start < actor.end and actor.start < source.end) or (
                target is not None and target.start < actor.end and actor.start < target.end
            ):
                continue
            if not _observer(sentence, actor):
                sides.append(side(actor, violent))
    return _new_facts(
        (sentence, mention, facts, where.place if where else None, base, kind, tuple(sides), kinds, deaths)
    )


# EventRow(...) by keyword costs ~3 µs a row (45 keywords matched to their places); one tuple in
# the schema's order, made into a row without the named tuple's Python-level __new__, ~0.2 µs
_new_row = functools.partial(tuple.__new__, EventRow)


def _row(
    doc: Document,
    doc_key: str,
    language: str,
    item: MentionFacts,
    incident,
    cb: CompiledCodebook,
    taxonomy,
    parser: str,
    places: DocumentPlaces,
    country: Country | None,
) -> EventRow:
    mention, sentence = item.mention, item.sentence
    incident_id, primary, record = incident if incident else (None, False, None)
    if record is not None:
        kind, actors, place, deaths = record.kind, record.actors, record.place, record.deaths
        event_date, precision = record.date, record.precision
    else:
        kind = item.kind
        actors = assign_actors(kind, item.sides, item.kinds, country, doc.date) if kind else None
        place, deaths = item.place, (item.deaths if kind else None)
        dated = item.facts.date
        event_date = dated.date if dated else doc.date
        precision = dated.precision if dated else (DAY if doc.date else None)
    if kind is not None and place is None:
        place = places.country
    info = taxonomy.cameo_info(mention.code)
    if language in PLACE_COUNTRY_LANGUAGES:
        # «المتظاهرون في أثينا»; a sentence with no place of its own is in the document's country
        where = item.place if item.place is not None else places.country
        if where is not None:
            mention = with_place_country(mention, where.iso3)
    source, target = mention.source, mention.target
    src, tgt = source is not None, target is not None
    return _new_row(
        (
            _digest(f"{doc_key}\x1f{sentence.index}\x1f{mention.order}\x1f{mention.rule_id}"),  # event_id
            incident_id,  # incident_id
            primary,  # is_primary
            doc.id,  # doc_id
            sentence.index,  # sentence_index
            sentence.text,  # sentence
            language,  # language
            doc.source,  # source
            doc.date,  # doc_date
            event_date,  # event_date
            precision,  # time_precision
            source.code if src else None,  # source_actor
            target.code if tgt else None,  # target_actor
            source.text if src else None,  # source_text
            target.text if tgt else None,  # target_text
            source.country if src else None,  # source_country
            target.country if tgt else None,  # target_country
            mention.code,  # cameo_code
            mention.code[:2],  # cameo_root
            info.quad_class if info else None,  # quad_class
            info.goldstein if info else None,  # goldstein
            (info.plover or None) if info else None,  # plover_event
            kind.disorder_type if kind else None,  # disorder_type
            kind.event_type if kind else None,  # event_type
            kind.sub_event_type if kind else None,  # sub_event_type
            actors.actor1 if actors else None,  # actor1
            None,  # assoc_actor_1
            actors.actor2 if actors else None,  # actor2
            None,  # assoc_actor_2
            actors.inter1 if actors else None,  # inter1
            actors.inter2 if actors else None,  # inter2
            actors.interaction if actors else None,  # interaction
            actors.civilian_targeting if actors else None,  # civilian_targeting
            deaths,  # fatalities
            place.country if place else None,  # country
            place.iso3 if place else None,  # iso3
            place.admin1 if place else None,  # admin1
            place.admin2 if place else None,  # admin2
            place.location if place else None,  # location
            place.latitude if place else None,  # latitude
            place.longitude if place else None,  # longitude
            place.precision if place else None,  # geo_precision
            note(event_date, kind, actors, place, deaths or 0) if kind and actors else None,  # notes
            mention.rule_id,  # rule_id
            parser,  # parser
        )
    )
