"""ACLED fields of a mention: event type, sub-event type, actors and their interaction.

The type starts from the CAMEO code (``cameo_acled.tsv``; a pattern's ``; acled`` option overrides
it) and is then decided by ACLED's rules on the cue words of the text (``cues.py``) and the actors'
types, in ACLED's order of precedence:

1. demonstrations: protest words make a Protests event, violence by the demonstrators a Riots one;
   force against peaceful protesters is an intervention, lethal force excessive force; a mob
   outside any demonstration is Mob violence;
2. territory changing hands (state forces regain, others overtake);
3. a clash between armed actors is a Battle, even when heavy weapons were used in it;
4. at-range weapons without a clash: Explosions/Remote violence (chemical, air/drone, suicide,
   shelling, remote explosive, grenade);
5. harm to unarmed people by an organised actor: Violence against civilians (sexual violence,
   abduction, attack); an attack on armed people is a Battle;
6. Strategic developments: arrests, looting and property destruction, disrupted weapons use,
   agreements, bases, changes to groups, non-violent transfers, other.

Actors are named as ACLED names them: 'Protesters (Country)', 'Rioters (Country)', 'Civilians
(Country)', 'Military Forces of Country (YYYY-)', 'Police Forces of Country (YYYY-)', 'Unidentified
Armed Group (Country)'; a state's forces outside their own country are external forces (8).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from coder.incidents import cues as c
from coder.incidents.gazetteer import Country
from coder.model import ActorMention

STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8
ARMED = frozenset({STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL})
TERRITORY = "territory"
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
TARGETING_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Riots"})


class AcledType(NamedTuple):
    disorder_type: str | None
    event_type: str
    sub_event_type: str


class AcledActors(NamedTuple):
    actor1: str | None
    inter1: int | None
    actor2: str | None
    inter2: int
    interaction: int | None
    civilian_targeting: str | None


NO_ACTORS = AcledActors(None, None, None, 0, None, None)


def taxonomy_dir() -> Path:
    from coder.codebook.load import default_codebook_path

    return default_codebook_path().parent / "taxonomy"


@lru_cache(maxsize=4)
def cameo_to_acled_table(path: Path | None = None) -> tuple[tuple[str, str, str], ...]:
    """(cameo prefix, event type, sub-event type), longest prefix first."""
    path = path or taxonomy_dir() / "cameo_acled.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        table = [(r["cameo"], r["event_type"], r["sub_event_type"]) for r in rows]
    return tuple(sorted(table, key=lambda r: -len(r[0])))


@lru_cache(maxsize=4)
def acled_categories(path: Path | None = None) -> dict[str, tuple[str, str]]:
    """sub-event type -> (event type, disorder type), from our taxonomy table."""
    path = path or taxonomy_dir() / "acled.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {r["sub_event_type"]: (r["event_type"], r["disorder_type"]) for r in rows}


@lru_cache(maxsize=256)  # a few dozen sub-event types; the records are immutable
def make_type(sub_event: str) -> AcledType:
    event_type, disorder = acled_categories()[sub_event]
    return AcledType(disorder, event_type, sub_event)


@lru_cache(maxsize=4096)  # CAMEO codes are a small set: each is looked up once, not every mention
def _code_sub_event(cameo: str) -> str | None:
    return next((s for prefix, _, s in cameo_to_acled_table() if cameo.startswith(prefix)), None)


def disorder_types() -> dict[str, str]:
    return {sub: disorder for sub, (_, disorder) in acled_categories().items()}


def acled_type(
    cameo: str, pattern_sub_event: str | None, source: ActorMention | None, target: ActorMention | None
) -> AcledType | None:
    """The ACLED type the codebook gives a mention (before the text's cues are weighed); None for
    verbal events (statements, appeals, ...)."""
    sub = (
        pattern_sub_event
        if pattern_sub_event in acled_categories() or pattern_sub_event == TERRITORY
        else None
    )
    if sub is None:
        sub = _code_sub_event(cameo)
    if sub is None:
        return None
    if sub == TERRITORY:
        state = source is not None and source.inter == STATE_FORCES
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
    kind = make_type(sub)
    if kind.event_type == "Violence against civilians" and target is not None and target.inter in ARMED:
        return make_type("Armed clash")  # an attack on an armed actor is a battle
    return kind


# The cue a CAMEO code stands for when the codebook gave it: it counts as if the text said it.
_CODE_CUES: tuple[tuple[str, str], ...] = (
    ("145", c.RIOT),
    ("14", c.PROTEST),
    ("1711", c.LOOT),
    ("171", c.LOOT),
    ("173", c.ARREST),
    ("175", c.INTERVENE),
    ("181", c.ABDUCT),
    ("1821", c.SEXUAL),
    ("1831", c.SUICIDE),
    ("183", c.IED),
    ("18", c.ATTACK),
    ("193", c.CLASH),
    ("194", c.SHELLING),
    ("195", c.AIR),
    ("196", c.CLASH),
    ("204", c.CHEMICAL),
    ("20", c.KILL),
    ("154", c.CHANGE),
    ("057", c.AGREE),
)
_SUB_CUES = {
    "Air/drone strike": c.AIR,
    "Shelling/artillery/missile attack": c.SHELLING,
    "Armed clash": c.CLASH,
    "Remote explosive/landmine/IED": c.IED,
    "Suicide bomb": c.SUICIDE,
    "Peaceful protest": c.PROTEST,
    "Arrests": c.ARREST,
    "Grenade": c.GRENADE,
    "Chemical weapon": c.CHEMICAL,
}
_WEAPON_SUB = {
    c.CHEMICAL: "Chemical weapon",
    c.AIR: "Air/drone strike",
    c.SUICIDE: "Suicide bomb",
    c.SHELLING: "Shelling/artillery/missile attack",
    c.IED: "Remote explosive/landmine/IED",
    c.GRENADE: "Grenade",
    c.EXPLOSION: "Remote explosive/landmine/IED",
}


@lru_cache(maxsize=4096)  # (code, sub-event) pairs are few; asked for every ACLED mention, often twice
def code_cues(code: str | None, pattern_sub_event: str | None) -> frozenset[str]:
    out = set()
    if pattern_sub_event in _SUB_CUES:
        out.add(_SUB_CUES[pattern_sub_event])
    if code:
        cue = next((k for prefix, k in _CODE_CUES if code.startswith(prefix)), None)
        if cue:
            out.add(cue)
    return frozenset(out)


def _victims(kinds: frozenset[str], target: ActorMention | None) -> str | None:
    """Who was harmed: 'civilian', 'armed' or None (not said). Words naming unarmed victims ("a
    man", "two farmers") outweigh the engine's target, which passive sentences ("was shot by
    gunmen") leave on the attacker."""
    if (target is not None and target.inter == CIVILIANS) or (
        c.CIVILIAN_VICTIM in kinds and c.CLASH not in kinds
    ):
        return "civilian"
    if (target is not None and target.inter in ARMED) or c.ARMED_VICTIM in kinds:
        return "armed"
    return None


def classify(
    base: AcledType | None,
    kinds: frozenset[str],
    source: ActorMention | None,
    target: ActorMention | None,
    deaths: int,
    tag: str | None = None,
) -> AcledType | None:
    """The ACLED type of an event from the codebook's type, the cue kinds of its text (the codebook
    code's own cue included) and its actors, by ACLED's precedence (module docstring). ``tag``: the
    sub-event type an ACLED note's opening tag names, which decides."""
    if tag is not None:
        return make_type(tag)
    src = source.inter if source else None
    tgt = target.inter if target else None
    demonstrators = src in (RIOTERS, PROTESTERS)
    if c.PROTEST in kinds or demonstrators or (base and base.event_type in ("Protests", "Riots")):
        if c.MOB in kinds and c.PROTEST not in kinds:
            return make_type("Mob violence")
        if c.RIOT in kinds or (base and base.sub_event_type == "Violent demonstration"):
            return make_type("Violent demonstration")
        if c.PROTEST in kinds or demonstrators or (base and base.event_type == "Protests"):
            if deaths > 0 and c.LETHAL in kinds:
                return make_type("Excessive force against protesters")
            if c.INTERVENE in kinds:
                return make_type("Protest with intervention")
            return make_type("Peaceful protest")
    if c.MOB in kinds:
        return make_type("Mob violence")
    if c.RIOTER in kinds and c.CLASH not in kinds:  # riot tactics alone ("set fire to") are no riot
        return make_type("Violent demonstration")
    if c.REGAIN in kinds or c.GAIN in kinds:
        state = src == STATE_FORCES or (c.REGAIN in kinds and src is None)
        return make_type("Government regains territory" if state else "Non-state actor overtakes territory")
    victims = _victims(kinds, target)
    weapon = next((w for w in c.WEAPONS if w in kinds), None)
    clash = (
        c.CLASH in kinds
        or (c.FIRE_AT in kinds and weapon is None)
        or (
            c.SMALL_ARMS in kinds
            and weapon in (c.SHELLING, None)
            and victims != "civilian"
            and (c.ATTACK in kinds or c.KILL in kinds)
        )
    )
    if (
        clash
        and victims != "civilian"
        and (weapon not in (c.AIR, c.SUICIDE, c.IED, c.CHEMICAL) or (weapon == c.IED and c.CLASH in kinds))
    ):
        return make_type("Armed clash")
    if weapon is not None and not (weapon in (c.IED, c.EXPLOSION) and c.DISRUPT in kinds):
        return make_type(_WEAPON_SUB[weapon])
    if c.SEXUAL in kinds:
        return make_type("Sexual violence")
    if c.ABDUCT in kinds:
        return make_type("Abduction/forced disappearance")
    developments = kinds & {c.ARREST, c.DISRUPT, c.LOOT, c.AGREE, c.CHANGE}
    harmed = (
        c.KILL in kinds
        or c.ATTACK in kinds
        or (
            base is not None
            and base.event_type in VIOLENT_TYPES
            and base.sub_event_type
            not in ("Government regains territory", "Non-state actor overtakes territory")
            and not developments
        )
    )
    if harmed and (not developments or deaths > 0 or c.KILL in kinds):
        if victims != "civilian" and (victims == "armed" or (src in ARMED and tgt in ARMED) or clash):
            return make_type("Armed clash")
        return make_type("Attack")
    for kind, sub in (
        (c.ARREST, "Arrests"),
        (c.DISRUPT, "Disrupted weapons use"),
        (c.LOOT, "Looting/property destruction"),
        (c.AGREE, "Agreement"),
        (c.HQ, "Headquarters or base established"),
        (c.TRANSFER, "Non-violent transfer of territory"),
        (c.CHANGE, "Change to group/activity"),
        (c.OTHER, "Other"),
    ):
        if kind in kinds:
            if kind == c.ARREST and src not in (None, STATE_FORCES, EXTERNAL):
                return make_type("Abduction/forced disappearance")  # arrests by non-state groups
            return make_type(sub)
    return base


def interaction_code(inter1: int | None, inter2: int) -> int | None:
    """ACLED's rule: the two codes as a two-digit number, smaller first; alone, inter1 then 0."""
    if inter1 is None:
        return None
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


# --- actors ---------------------------------------------------------------------------------------

_ROLE_NAMES = {
    "MIL": "Military Forces of {country}{regime}",
    "GOV": "Government of {country}{regime}",
    "COP": "Police Forces of {country}{regime}",
    "UAF": "Unidentified Armed Group ({country})",
    "REB": "Rebel Group ({country})",
    "CVL": "Civilians ({country})",
    "OPP": "Protesters ({country})",
    "MED": "Civilians ({country})",
    "JUD": "Government of {country}{regime}",
}


class Side(NamedTuple):
    name: str | None
    inter: int
    country: str | None = None  # ISO alpha-3 of the actor's country, when it has one
    bare: bool = False  # named from a generic role ("gunmen", "militias"), not a named actor


# Side(...) and AcledActors(...) run the named tuple's Python-level __new__ (~0.3 us); made from one
# tuple of all their fields, in order, ~0.1 us: a document makes a few per event row
_new_side = functools.partial(tuple.__new__, Side)
_new_actors = functools.partial(tuple.__new__, AcledActors)


def _country_of(actor: ActorMention) -> str | None:
    return actor.country


def side_of(
    actor: ActorMention | None, country: Country | None, day: dt.date | None, iso3_name
) -> Side | None:
    """An engine actor as ACLED names it, in the document's country when it has none of its own."""
    if actor is None or actor.inter is None:
        return None
    inter = actor.inter
    if inter == STATE_FORCES and actor.country and country is not None and actor.country != country.iso3:
        inter = EXTERNAL  # a state's forces outside its own country
    home = actor.country  # None: the document's country is assumed for its name only
    if actor.acled_name:
        return _new_side((actor.acled_name, inter, home, False))
    role = actor.role or (actor.code[3:6] if len(actor.code) >= 6 else actor.code[-3:])
    template = _ROLE_NAMES.get(role)
    where = iso3_name(actor.country) if actor.country else (country.name if country else None)
    if template is None or where is None:
        return _new_side((None, inter, home, True))
    regime = ""
    if "{regime}" in template and country is not None and (actor.country in (None, country.iso3)):
        year = country.regime_year(day)
        regime = f" ({year}-)" if year else ""
    return _new_side(
        (template.format(country=where, regime=regime), inter, home, role in ("UAF", "REB", "CVL", "OPP"))
    )


def country_side(actor: ActorMention, country: Country | None, day: dt.date | None, iso3_name) -> Side | None:
    """A country named as a party to violence ("forces of India and Pakistan exchanged fire") stands
    for its military."""
    if actor.country is None or len(actor.code) != 3 or actor.inter is not None:
        return None
    foreign = country is not None and actor.country != country.iso3
    year = country.regime_year(day) if country is not None and not foreign else None
    name = f"Military Forces of {iso3_name(actor.country)}" + (f" ({year}-)" if year else "")
    return Side(name, EXTERNAL if foreign else STATE_FORCES, actor.country)


def _identity(side: Side | None, country: Country | None, clan: bool) -> Side | None:
    """A bare armed group in a clash of clans or communities is an identity militia (4)."""
    if side is None or not side.bare or side.inter not in (REBELS, POLITICAL_MILITIA):
        return side
    kind = "Clan" if clan else "Communal"
    return Side(
        f"Unidentified {kind} Militia ({country.name})" if country else None,
        IDENTITY_MILITIA,
        side.country,
        True,
    )


_STATE = re.compile(
    r"^(?:Military Forces|Police Forces|Government) of (?:the )?(.+?)(?: \((\d{4})-\))?( .+)?$"
)


@lru_cache(maxsize=4096)  # a document's actor names are compared pairwise: each parsed once
def _state(name: str | None) -> tuple[str, str | None, str | None] | None:
    """The state an actor name belongs to: ('Syria', '2000', None) for 'Government of Syria (2000-)'
    and 'Military Forces of Syria (2000-)' alike; factions and regimes keep them apart."""
    m = _STATE.match(name or "")
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _same_state(a: Side, b: Side) -> bool:
    """Two arms of one state: 'Government of Syria (2000-)' and 'Military Forces of Syria
    (2000-)'; a name without a regime year ('Military Forces of Syria', from "Syrian
    government forces") is of that state's arms of any year when both actors are known to be
    of that country (unnamed "military forces" are only assumed to be the document's). Two
    factions or regimes are not one state."""
    sa, sb = _state(a.name), _state(b.name)
    if sa is None or sb is None:
        return False
    if sa == sb:
        return True
    return sa[0] == sb[0] and sa[2] == sb[2] and None in (sa[1], sb[1]) \
        and a.country is not None and a.country == b.country


# (template, id of the country, day) -> (the country, the name): each document names its default
# sides several times over (every incident's actors); the country kept in the value, so that its id
# cannot be reused while it is cached
_NAMED: dict[tuple[str, int, dt.date | None], tuple[Country, str]] = {}


def _named(template: str, country: Country | None, day: dt.date | None) -> str | None:
    if country is None:
        return None
    key = (template, id(country), day)
    known = _NAMED.get(key)
    if known is not None and known[0] is country:
        return known[1]
    year = country.regime_year(day)
    name = template.format(country=country.name, regime=f" ({year}-)" if year else "")
    if len(_NAMED) >= 4096:
        _NAMED.clear()
    _NAMED[key] = (country, name)
    return name


_DEFAULT_NAMES = {
    STATE_FORCES: "Police Forces of {country}{regime}",
    POLITICAL_MILITIA: "Unidentified Armed Group ({country})",
    CIVILIANS: "Civilians ({country})",
    PROTESTERS: "Protesters ({country})",
    RIOTERS: "Rioters ({country})",
}


def default_side(inter: int, country: Country | None, day: dt.date | None) -> Side:
    name = _named(_DEFAULT_NAMES[inter], country, day)
    return _new_side((name, inter, country.iso3 if country else None, True))


def military(country: Country | None, day: dt.date | None) -> Side:
    return Side(_named("Military Forces of {country}{regime}", country, day), STATE_FORCES)


def assign_actors(
    kind: AcledType,
    sides: Sequence[Side | None],
    kinds: frozenset[str],
    country: Country | None,
    day: dt.date | None,
) -> AcledActors:
    """actor1/actor2 of an event of type ``kind``: the engine's source and target (``sides[0]``,
    ``sides[1]``), then the other actors of the text, completed by ACLED's conventions."""
    if c.IDENTITY in kinds:
        clan = c.CLAN in kinds
        sides = [_identity(s, country, clan) for s in sides]
    known = [s for s in sides if s is not None]
    first, second = (sides[0] if sides else None), (sides[1] if len(sides) > 1 else None)
    # the armed sides, and the first civilians and state forces: one loop, not a list and two
    # generators (asked for every event row)
    armed: list[Side] = []
    civilians = state = None
    for s in known:
        if s.inter in ARMED:
            armed.append(s)
        if s.inter == CIVILIANS:
            if civilians is None:
                civilians = s
        elif state is None and s.inter in (STATE_FORCES, EXTERNAL):
            state = s
    event, sub = kind.event_type, kind.sub_event_type
    a1: Side | None
    a2: Side | None
    if event == "Protests":
        a1 = default_side(PROTESTERS, country, day)
        a2 = None
        if sub != "Peaceful protest":
            a2 = state or default_side(STATE_FORCES, country, day)
    elif event == "Riots":
        a1 = default_side(RIOTERS, country, day)
        a2 = state if (state and (c.STATE_SIDE in kinds or c.INTERVENE in kinds)) else None
        if sub == "Violent demonstration" and a2 is None and (c.INTERVENE in kinds or c.STATE_SIDE in kinds):
            a2 = default_side(STATE_FORCES, country, day)
        if sub == "Mob violence" and a2 is None:
            if c.STATE_SIDE in kinds:
                a2 = state or default_side(STATE_FORCES, country, day)
            elif c.MUTUAL in kinds:
                a2 = default_side(RIOTERS, country, day)
            elif c.CIVILIAN_VICTIM in kinds or c.KILL in kinds or c.ATTACK in kinds:
                a2 = civilians or default_side(CIVILIANS, country, day)
    elif event == "Violence against civilians":
        a1 = (
            armed[0]
            if armed
            else (
                _identity(default_side(POLITICAL_MILITIA, country, day), country, c.CLAN in kinds)
                if c.IDENTITY in kinds
                else default_side(POLITICAL_MILITIA, country, day)
            )
        )
        a2 = civilians or default_side(CIVILIANS, country, day)
    elif event == "Battles":
        a1 = first if first and first.inter in ARMED else (armed[0] if armed else None)

        def opposed(s: Side) -> bool:  # not a1 itself, nor another arm of the same state
            return a1 is None or (s.name != a1.name and not _same_state(s, a1))

        rest = [s for s in armed if s is not a1 and opposed(s)]
        a2 = (
            second
            if second and second.inter in ARMED and second is not a1 and opposed(second)
            else (rest[0] if rest else None)
        )
        unknown = default_side(POLITICAL_MILITIA, country, day)
        if c.IDENTITY in kinds:
            unknown = _identity(unknown, country, c.CLAN in kinds) or unknown
        if a1 is None:
            a1 = unknown
        if a2 is None:
            a2 = (
                military(country, day)
                if c.STATE_SIDE in kinds and a1.inter not in (STATE_FORCES, EXTERNAL)
                else unknown
            )
    elif event == "Explosions/Remote violence":
        # air power and artillery are mostly states' (ACLED's records agree): unknown, they are the military
        a1 = (
            armed[0]
            if armed
            else (
                military(country, day)
                if sub in ("Air/drone strike", "Shelling/artillery/missile attack") and c.UNKNOWN not in kinds
                else default_side(POLITICAL_MILITIA, country, day)
            )
        )
        # the primary mention's own target first (armed, or civilians the text says were killed:
        # "shelled villages, killing three civilians"; ACLED leaves damaged "civilian areas"
        # out), then another armed party, never another arm of a1's own state
        rest = [s for s in armed if s.name != a1.name and not _same_state(s, a1)]
        victims = c.KILL in kinds or c.CIVILIAN_VICTIM in kinds
        own = second is not None and second.name != a1.name and not _same_state(second, a1) \
            and (second.inter in ARMED or second.inter == CIVILIANS and victims)
        a2 = second if own else (rest[0] if rest else None)
        if (
            a2 is None
            and c.STATE_SIDE in kinds
            and a1.inter not in (STATE_FORCES, EXTERNAL)
            and c.CIVILIAN_VICTIM not in kinds
        ):
            a2 = military(country, day)  # "fired mortars at the governmental positions"
        if a2 is None and (c.CIVILIAN_VICTIM in kinds or civilians) and c.ARMED_VICTIM not in kinds:
            a2 = civilians or default_side(CIVILIANS, country, day)
    else:  # Strategic developments
        a1 = first or (known[0] if known else None)
        if a1 is None and sub in ("Arrests", "Disrupted weapons use"):
            a1 = default_side(STATE_FORCES, country, day)
        if a1 is None and sub == "Looting/property destruction":
            a1 = default_side(POLITICAL_MILITIA, country, day)
        rest = [s for s in known if a1 is None or s.name != a1.name]
        a2 = (
            second
            if second is not None and (a1 is None or second.name != a1.name)
            else (rest[0] if rest else None)
        )
        if sub in ("Change to group/activity", "Other", "Headquarters or base established"):
            rival = (
                second is not None
                and a1 is not None
                and second.name != a1.name
                and second.inter in ARMED
                and (_state(second.name) or ())[:2] != (_state(a1.name) or ("",))[:2]
            )
            a2 = second if rival else None  # a group's own units are no second actor
        if a2 is None and sub in ("Looting/property destruction", "Arrests"):
            a2 = civilians or default_side(CIVILIANS, country, day)
    inter2 = a2.inter if a2 else 0
    targeting = "Civilians targeted" if inter2 == CIVILIANS and event in TARGETING_TYPES else None
    if event == "Violence against civilians":
        targeting = "Civilians targeted"
    return _new_actors(
        (
            a1.name if a1 else None,
            a1.inter if a1 else None,
            a2.name if a2 else None,
            inter2,
            interaction_code(a1.inter if a1 else None, inter2),
            targeting,
        )
    )


def acled_actors(
    kind: AcledType | None,
    source: ActorMention | None,
    target: ActorMention | None,
) -> AcledActors:
    """actor1/actor2 straight from the engine's source and target (no document context)."""
    if kind is None:
        return NO_ACTORS
    inter1 = source.inter if source else None
    inter2 = (target.inter or 0) if target else 0
    targeting = "Civilians targeted" if inter2 == CIVILIANS and kind.event_type in VIOLENT_TYPES else None
    return AcledActors(
        source.acled_name if source else None,
        inter1,
        target.acled_name if target else None,
        inter2,
        interaction_code(inter1, inter2),
        targeting,
    )
