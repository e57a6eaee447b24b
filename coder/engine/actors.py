"""Find the actors of a sentence: named actors, demonyms and agents, composed into one code.

"Libyan army" and «الجيش الليبي» are a demonym and an agent next to each other: one actor, LBYMIL.
"the spokesman of the Libyan National Army" is an agent joined to a named actor by glue words
("of", "the", «باسم»): the spokesman takes the army's code. Agents side by side all count, in
the order of their codes ("Danish Islamist media" -> DNK + MUS + MED).

``find_actors`` groups pieces by word order (the lite front-end); the dependency engine
(``coder.engine.tree``) groups the same pieces by noun phrase and calls ``compose``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from coder.codebook.compile import CompiledCodebook, Match, ref_index, ref_kind
from coder.frontends.keys import english_key
from coder.model import ActorMention, Sentence

# Words that may sit between the parts of one actor phrase ("forces of Libya", "Libya's army").
GLUE = {
    "en": frozenset({"of", "'s", "the", "for", "'", "from"}),
    "ar": frozenset({"باسم", "في", "ل", "التابع", "التابعه", "التابعين", "من"}),
}
UNKNOWN_COUNTRY = "---"
# "their forces": the forces of an actor named before the possessive
POSSESSIVES = frozenset({"its", "their", "his", "her", "whose"})
ARABIC_ARTICLE = ("ال", "أل", "ٱل")
# nisba adjectives («الحكومية», «العسكري», «اللبنانيون»): they agree with the noun before them
ARABIC_ADJECTIVE_ENDINGS = ("ي", "ية", "يه", "يون", "يين", "يان", "يتين", "يات")
# English modifiers between a country and its agent: "Israel's high court", "Taiwan's Vice Foreign
# Minister", "the Latvian Constitutional Court". At most this many words, none of them a word
# that ends a noun phrase's modifiers (function words) or anchors a verb pattern ("Israeli said").
MODIFIER_WORDS = 3
NOT_MODIFIERS = frozenset({
    "of", "in", "on", "at", "to", "from", "by", "with", "for", "and", "or", "but", "the", "a", "an",
    "that", "which", "who", "as", "be", "have", "do", "will", "would", "could", "can", "may", "must",
    "should", "not", "he", "she", "it", "they", "we", "its", "their", "his", "her", "said", "say",
})


class Piece(NamedTuple):
    """One actor, demonym or agent phrase of a sentence. A named tuple with its kind and index
    read once from the match's payload: the grouping rules ask for them many times a piece."""

    kind: str  # 'actor', 'demonym' or 'agent'
    index: int  # the index of the actor (for a demonym: its actor) or of the agent
    start: int
    end: int


def _piece(match: Match[int]) -> Piece:
    return Piece(ref_kind(match.payload), ref_index(match.payload), match.start, match.end)


def scan_pieces(sentence: Sentence, cb: CompiledCodebook) -> list[Piece]:
    """Every actor, demonym and agent phrase of the sentence, longest first, not overlapping."""
    pieces = [_piece(m) for m in cb.actor_index(sentence.language).scan(sentence.keys)]
    dateline = _dateline(sentence, pieces)
    if dateline is not None:
        pieces = [p for p in pieces if not (dateline.start <= p.start < dateline.stop)]
    if sentence.language == "en":
        pieces = [p for p in pieces if not _english_verb_form(sentence, p, cb)]
        led = _english_led(sentence, pieces, cb)
        if led:
            pieces = sorted(pieces + led, key=lambda p: p.start)
    return pieces


# A news dateline opens a report, or follows its headline after "*": where it was filed, and by
# whom («بانكوك ـ رويترز:», «لندن ـ «الشرق الأوسط»:», "GAZA CITY - AFP:"). Its place is no actor.
HEADLINE_END = "*"
DATELINE_DASHES = frozenset({"ـ", "-", "–", "—"})
DATELINE_REACH = 8  # words from the place to the colon that closes the dateline


def _dateline(sentence: Sentence, pieces: Sequence[Piece]) -> range | None:
    """The tokens of a dateline whose place is an actor piece, if the sentence has one."""
    tokens = sentence.tokens
    for place in pieces:
        start = place.start
        if start and tokens[start - 1].form != HEADLINE_END or place.end >= len(tokens):
            continue
        after = tokens[place.end]
        if after.upos != "PUNCT" and after.form not in DATELINE_DASHES:
            continue
        for end in range(place.end, min(len(tokens), start + DATELINE_REACH)):
            if ":" in tokens[end].form:
                return range(start, end + 1)
    return None


def _english_led(sentence: Sentence, pieces: Sequence[Piece], cb: CompiledCodebook) -> list[Piece]:
    """"Vietnamese-led forces", "US-led coalition": forces led by a country are that country's
    (one word; "Syrian-backed militia" is no Syrian militia)."""
    keys = sentence.keys
    if "-lead" not in " ".join(keys):
        return []  # most sentences: nothing led by anyone (one scan in C, not a call a word)
    led = [i for i, key in enumerate(keys) if key.endswith("-lead")]
    if not led:
        return []  # most sentences: nothing led by anyone
    covered = {i for p in pieces for i in range(p.start, p.end)}
    index = cb.actor_index("en")
    found = []
    for i in led:
        token = sentence.tokens[i]
        if i in covered:
            continue
        head = token.form.rpartition("-")[0]
        match = index.longest_at([english_key(head)], 0) if head else None
        if match is not None and match.end == 1 and ref_kind(match.payload) in ("actor", "demonym"):
            found.append(_piece(Match(i, i + 1, match.payload)))
    return found


def _english_verb_form(sentence: Sentence, piece: Piece, cb: CompiledCodebook) -> bool:
    """An agent matched by a verb's past form: "forced" has the key of "forces" ("the army
    forced out refugees"). Agents written in that form ("the displaced") are not verbs."""
    if piece.kind != "agent":
        return False
    form = sentence.tokens[piece.end - 1].form.lower()
    if not form.endswith("ed"):
        return False
    return not any(lang == "en" and phrase.lower().split()[-1] == form
                   for lang, phrase in cb.codebook.agents[piece.index].phrases)


def _is_glue(sentence: Sentence, start: int, end: int) -> bool:
    glue = GLUE.get(sentence.language, frozenset())
    return all(t.key in glue for t in sentence.tokens[start:end])


def _english_modifiers(sentence: Sentence, entity: Piece, agent: Piece, cb: CompiledCodebook | None) -> bool:
    """Whether the words between a country (or demonym) and an agent are modifiers of the
    agent's noun: after a possessive ("Israel's high court", "Iraq's interim government") or an
    adjective demonym ("Latvian Constitutional Court", "French paper workers"). A plural
    demonym is a noun, so the words after it may be its verb ("Israelis fear militants")."""
    tokens = sentence.tokens
    words = list(tokens[entity.end:agent.start])
    if words and words[0].key == "'s" and entity.kind == "actor":
        words = words[1:]
    elif entity.kind == "demonym" and entity.end - entity.start == 1:
        form = tokens[entity.start].form.lower()
        if form.endswith("s") and not form.endswith(("ese", "ss")):
            return False
    else:
        return False
    if not 0 < len(words) <= MODIFIER_WORDS:
        return False
    index = cb.verb_index(sentence.language) if cb is not None else None
    for i, t in enumerate(words, start=agent.start - len(words)):
        if t.upos in ("PUNCT", "NUM") or not t.form.replace("-", "").isalpha() or t.key in NOT_MODIFIERS:
            return False
        if index is not None and index.all_at(sentence.keys, i):
            return False
    return True


def _arabic_new_phrase(sentence: Sentence, last: Piece, piece: Piece) -> bool:
    """Whether an agent noun right after a definite word begins a phrase of its own: only the
    last word of an Arabic construct («قوات مكافحة الشغب») is definite, and an adjective agrees
    with its noun in definiteness, so an indefinite noun after a definite one is a new phrase
    («رشق المتظاهرون قوات الأمن»: the protesters, then the security forces)."""
    before = sentence.tokens[last.end - 1].form
    after = sentence.tokens[piece.start].form
    if not before.startswith(ARABIC_ARTICLE):
        # a name, then a definite agent noun: someone else's title («استقبل الرئيس الإندونيسي
        # سوسيلو بامبانغ يودويونو الرئيس الأميركي»: two presidents)
        return last.kind == "actor" and after.startswith(ARABIC_ARTICLE) \
            and not after.endswith(ARABIC_ADJECTIVE_ENDINGS)
    if not after.startswith(ARABIC_ARTICLE):
        return True
    # two definite agent nouns side by side are two phrases («طالب المتظاهرون الحكومة»: the
    # protesters, then the government), unless the second is an adjective («القوات الحكومية»)
    return last.kind == "agent" and not after.endswith(ARABIC_ADJECTIVE_ENDINGS)


def _english_people_of(sentence: Sentence, last: Piece, piece: Piece) -> bool:
    """A demonym adjective before another demonym names a people living in the first country:
    "Bosnian Serbs", "Iraqi Kurds", "Croatian Serb refugees" (the first one's country)."""
    if sentence.language != "en" or last.kind != "demonym" or piece.kind != "demonym":
        return False
    if last.end != piece.start or last.end - last.start != 1:
        return False
    form = sentence.tokens[last.start].form.lower()
    return not form.endswith("s") or form.endswith(("ese", "ss"))


def _english_title(sentence: Sentence, last: Piece, piece: Piece, cb: CompiledCodebook | None) -> bool:
    """Whether a named actor right after an agent is the name that the title before it
    introduces: "Russian Foreign Minister Andrei Kozyrev", "Libyan leader Muammar Gaddafi".
    Only a name with a full code (a person or an organisation, not a bare country)."""
    if sentence.language != "en" or cb is None or piece.kind != "actor" or last.kind != "agent":
        return False
    return last.end == piece.start and all(len(c.code) >= 6 for c in cb.codebook.actors[piece.index].codes)


def _arabic_title(sentence: Sentence, group: Sequence[Piece], piece: Piece, cb: CompiledCodebook | None) -> bool:
    """Whether a named person or organisation right after an Arabic title (an agent and its
    adjectives) is the one it introduces: «الرئيس الإندونيسي سوسيلو بامبانغ يودويونو»."""
    if sentence.language != "ar" or cb is None or piece.kind != "actor" or group[0].kind != "agent" \
            or group[-1].end != piece.start or any(p.kind == "actor" for p in group):
        return False
    return all(len(c.code) >= 6 for c in cb.codebook.actors[piece.index].codes)


def _group(sentence: Sentence, pieces: Sequence[Piece], cb: CompiledCodebook | None = None,
           ) -> list[list[Piece]]:
    """Adjacent pieces (or pieces joined by glue words) form one actor phrase."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups:
            last = groups[-1][-1]
            gap_start, gap_end = last.end, piece.start
            adjacent = gap_start == gap_end or _is_glue(sentence, gap_start, gap_end)
            if not adjacent and sentence.language == "en" and piece.kind == "agent" and last.kind != "agent":
                adjacent = _english_modifiers(sentence, last, piece, cb)
            if adjacent and sentence.language == "ar" and piece.kind == "agent" and gap_start == gap_end:
                adjacent = not _arabic_new_phrase(sentence, last, piece)
            only_agents = all(p.kind == "agent" for p in groups[-1])
            # two named actors side by side are two actors ("Arnor attacked Gondor" in Arabic order)
            second_entity = piece.kind != "agent" and not only_agents
            if second_entity and (_english_title(sentence, last, piece, cb)
                                  or _arabic_title(sentence, groups[-1], piece, cb)):
                second_entity = False  # "Russian Foreign Minister Andrei Kozyrev": one person
            if second_entity and _english_people_of(sentence, last, piece) and len(groups[-1]) == 1:
                second_entity = False  # "Bosnian Serbs", "Iraqi Kurds": a people of a country
            if adjacent and not second_entity:
                groups[-1].append(piece)
                continue
        groups.append([piece])
    return groups


def _head_agents(agents: list[Piece], language: str) -> list[Piece]:
    """The agents that name the phrase's role: the run of adjacent agents at the head of the
    phrase (English puts the head last, "the spokesman of the army" -> army; Arabic first),
    in code order (English word order, Arabic reversed: «الإعلام الإسلامي» -> MUS + MED)."""
    runs: list[list[Piece]] = []
    for piece in agents:
        if runs and runs[-1][-1].end == piece.start:
            runs[-1].append(piece)
        else:
            runs.append([piece])
    if language == "ar":
        return list(reversed(runs[0]))
    return runs[-1]


def _span_text(sentence: Sentence, start: int, end: int) -> str:
    first, last = sentence.tokens[start], sentence.tokens[end - 1]
    if first.start >= 0 and last.end >= 0:
        return sentence.text[first.start:last.end]
    return " ".join(t.form for t in sentence.tokens[start:end])


def compose(pieces: Sequence[Piece], sentence: Sentence, cb: CompiledCodebook, day: dt.date | None,
            chain: bool = False) -> ActorMention:
    """One actor from the pieces of a phrase (in word order): the named actor (or demonym)
    followed by the codes of its head agents (``chain``: of all its agents, when the pieces
    are known to form one noun phrase). An agent alone is '---' + its role ('---GOV'); an
    actor coded '---' names somebody who is coded as nobody (it keeps that code)."""
    codebook = cb.codebook
    # one pass over the pieces (a call per phrase of every sentence): the named actor with the
    # longest code on the day, else the first demonym; the agents in order
    entity_piece: Piece | None = None
    entity_code = ""
    demonym: Piece | None = None
    agent_pieces: list[Piece] = []
    start, end = pieces[0].start, pieces[0].end
    for p in pieces:
        kind = p.kind
        if kind == "agent":
            agent_pieces.append(p)
        elif kind == "actor":
            found = codebook.actors[p.index].code_on(day)
            if entity_piece is None or len(found) > len(entity_code):
                entity_piece, entity_code = p, found
        elif demonym is None:
            demonym = p
        if p.start < start:
            start = p.start
        if p.end > end:
            end = p.end
    agents = []
    if agent_pieces:
        # roles written before the code ("MSF Arnor diplomat" -> NGO + ARN + GOV) wherever they
        # stand; the others from the head of the phrase
        before = [codebook.agents[p.index] for p in agent_pieces
                  if codebook.agents[p.index].before]
        after = [p for p in agent_pieces if not codebook.agents[p.index].before]
        if after and not chain:
            after = _head_agents(after, sentence.language)
        elif after and sentence.language == "ar":
            after = list(reversed(after))
        agents = before + [codebook.agents[p.index] for p in after]
    is_actor = entity_piece is not None
    if entity_piece is None:
        entity_piece = demonym
    text = _span_text(sentence, start, end)
    rules = []
    entity = codebook.actors[entity_piece.index] if entity_piece is not None else None
    code = (entity_code if is_actor else entity.code_on(day)) if entity is not None else UNKNOWN_COUNTRY
    country = entity.country if entity is not None else None
    if entity is not None:
        rules.append(entity.where)
    role = code[3:6] if len(code) >= 6 else None
    acled = entity.acled if is_actor and entity is not None else None
    inter = entity.inter if is_actor and entity is not None else None
    # a country or group code composes with its agents ("LBY" + "MIL", "DNK" + "MUS" + "MED");
    # a full code such as a named leader's ("LBYGOV") is not changed by the agent naming his office
    composes = entity is None or len(code) == 3
    for agent in agents:
        rules.append(agent.where)
        if composes:
            if agent.before:
                code = code if code.startswith(agent.code) else agent.code + code
            elif not code.endswith(agent.code):
                code = code + agent.code
                role = agent.code
        if acled is None and country:
            acled = cb.agent_acled_name(agent, country)
        if inter is None:
            inter = agent.inter
    return ActorMention(code=code, text=text, country=country, acled_name=acled, inter=inter,
                        start=start, end=end, rule="+".join(rules), role=role)


def find_actors(sentence: Sentence, cb: CompiledCodebook, day: dt.date | None) -> list[ActorMention]:
    """Every actor phrase of the sentence, left to right, not overlapping (word order)."""
    actors = [compose(group, sentence, cb, day) for group in _group(sentence, scan_pieces(sentence, cb), cb)]
    if sentence.language == "en":
        actors = _possessed(sentence, _without_glosses(sentence, actors), cb)
    return actors


def _without_glosses(sentence: Sentence, actors: list[ActorMention]) -> list[ActorMention]:
    """Without the actors of a parenthesis that glosses the actor before it: "Hizbollah (Party
    of God)", "Islamic Salvation Front (FIS)" name one actor, once."""
    tokens = sentence.tokens
    kept: list[ActorMention] = []
    for actor in actors:
        opening = actor.start - 1
        while opening >= 0 and tokens[opening].form not in ("(", ")") and actor.start - opening <= 4:
            opening -= 1
        glossed = (opening > 0 and tokens[opening].form == "(" and bool(kept)
                   and kept[-1].end == opening)
        if not glossed:
            kept.append(actor)
    return kept


def _possessed(sentence: Sentence, actors: list[ActorMention], cb: CompiledCodebook) -> list[ActorMention]:
    """An agent after a possessive pronoun belongs to the nearest actor before it that has a
    country: "Bosnian Serbs said their forces had withdrawn" -> the Bosnian Serbs' forces,
    "Putin said his government" -> Russia's government."""
    out = list(actors)
    for i, actor in enumerate(out):
        if actor.country is not None or actor.role is None or actor.start == 0:
            continue
        if sentence.tokens[actor.start - 1].form.lower() not in POSSESSIVES:
            continue
        owner = next((o for o in reversed(out[:i]) if o.country is not None), None)
        if owner is None:
            continue
        acled = actor.acled_name
        if acled is None:
            acled = cb.agent_acled_name(cb.agent(actor.role), owner.country)
        out[i] = actor._replace(code=owner.country + actor.code[len(UNKNOWN_COUNTRY):],
                                country=owner.country, acled_name=acled,
                                rule=actor.rule + "+" + owner.rule)
    return out
