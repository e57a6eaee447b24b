"""Attacks and the casualties they caused: «انفجرت سيارة مفخخة مما أدى إلى مقتل عشرة أشخاص».

Arabic news names the victims of an attack in a clause of result: a verb of causing («أدى إلى»,
«أسفر عن», «خلّف», «أوقع», «تسبب في») followed by a killing or an injury. The attack then has no
target of its own, and the killing no doer of its own: each takes what the other names (the
victims become the attack's target, the attacker the killing's source).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from coder.frontends.keys import match_key
from coder.model import Mention, Sentence

# CAMEO roots of violence: an attack (18), a fight (19), mass violence (20)
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
# verbs of causing that lead from an attack to its casualties
RESULT_WORDS = {
    "ar": frozenset(match_key(w, None, "ar") for w in (
        "أدى", "أدت", "يؤدي", "تؤدي", "أسفر", "أسفرت", "يسفر", "تسفر", "خلف", "خلفت", "أوقع", "أوقعت", "تسبب",
        "تسببت", "نتج")),
}
# how far before the casualty's anchor the verb of causing may stand («أدى إلى مقتل»)
RESULT_REACH = 3


def _is_violence(mention: Mention) -> bool:
    return mention.code[:2] in VIOLENCE_ROOTS


def _caused(sentence: Sentence, cause: Mention, effect: Mention, words: frozenset[str]) -> bool:
    """Whether a verb of causing stands between the two anchors, just before the effect's."""
    if effect.anchor_start <= cause.anchor_end:
        return False
    start = max(cause.anchor_end, effect.anchor_start - RESULT_REACH)
    return any(t.key in words for t in sentence.tokens[start:effect.anchor_start])


def link_consequences(sentence: Sentence, mentions: Sequence[Mention]) -> list[Mention]:
    """Give an attack without a target the victims of the casualties it caused, and those
    casualties without a doer the attack's source."""
    words = RESULT_WORDS.get(sentence.language)
    if not words or len(mentions) < 2:
        return list(mentions)
    anchors = sorted({(m.anchor_start, m.anchor_end) for m in mentions if _is_violence(m)})
    out = list(mentions)
    for cause_span, effect_span in zip(anchors, anchors[1:]):
        causes = [m for m in out if (m.anchor_start, m.anchor_end) == cause_span and _is_violence(m)]
        effects = [m for m in out if (m.anchor_start, m.anchor_end) == effect_span and _is_violence(m)]
        if not _caused(sentence, causes[0], effects[0], words):
            continue
        victims = [m.target for m in effects if m.target is not None]
        doers = [m.source for m in causes if m.source is not None]
        replaced: list[Mention] = []
        for m in out:
            span = (m.anchor_start, m.anchor_end)
            if span == cause_span and m.target is None and victims and _is_violence(m):
                replaced.extend(dataclasses.replace(m, target=v) for v in _distinct(victims, m))
            elif span == effect_span and m.source is None and doers and _is_violence(m):
                replaced.extend(dataclasses.replace(m, source=d) for d in _distinct(doers, m))
            else:
                replaced.append(m)
        out = replaced
    return out


def _distinct(actors, mention: Mention) -> list:
    """The actors, each once, leaving out the one the mention already has in its other role."""
    other = mention.source or mention.target
    seen: set[tuple[int, str]] = set()
    found = []
    for actor in actors:
        key = (actor.start, actor.code)
        if key in seen or (other is not None and other.code == actor.code):
            continue
        seen.add(key)
        found.append(actor)
    return found or [None]
