"""The context-free English lemmatizer of the lite front-end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coder.frontends.lite.english import lemmatize

CASES = {
    # irregular verbs
    "fought": "fight", "took": "take", "taken": "take", "shot": "shoot", "struck": "strike",
    "led": "lead", "held": "hold", "met": "meet", "said": "say", "told": "tell", "fled": "flee",
    "withdrew": "withdraw", "overthrown": "overthrow", "left": "leave", "began": "begin",
    "broken": "break", "drawn": "draw", "risen": "rise", "sent": "send", "won": "win",
    # be, have, do, contractions, pronouns
    "was": "be", "were": "be", "is": "be", "been": "be", "being": "be", "has": "have",
    "had": "have", "did": "do", "does": "do", "n't": "not", "wo": "will", "ca": "can", "an": "a",
    "their": "they", "his": "he", "its": "its", "us": "us",
    # regular verbs
    "seized": "seize", "stopped": "stop", "attacking": "attack", "killed": "kill", "used": "use",
    "dies": "die", "died": "die", "dying": "die", "denied": "deny", "agreed": "agree",
    "shelled": "shell", "bombed": "bomb", "raided": "raid", "injured": "injure",
    "kidnapped": "kidnap", "arrested": "arrest", "captured": "capture", "released": "release",
    "fired": "fire", "targeted": "target", "executed": "execute", "massacred": "massacre",
    "demonstrated": "demonstrate", "accused": "accuse", "criticized": "criticize",
    "welcomed": "welcome", "urged": "urge", "negotiated": "negotiate", "expelled": "expel",
    "controlled": "control", "patrolling": "patrol", "retreated": "retreat", "guided": "guide",
    "acquired": "acquire", "toppled": "topple", "boycotted": "boycott", "added": "add",
    "developed": "develop", "hoped": "hope", "invited": "invite", "visited": "visit",
    "voted": "vote", "rioted": "riot", "included": "include", "exploded": "explode",
    "needed": "need", "making": "make", "striking": "strike", "hitting": "hit",
    "changing": "change", "hanging": "hang", "questioned": "question", "pardoned": "pardon",
    "postponed": "postpone", "convened": "convene", "declared": "declare", "cleared": "clear",
    "occurred": "occur", "ruled": "rule", "failed": "fail", "argued": "argue",
    "continuing": "continue", "focusing": "focus", "alleged": "allege", "besieged": "besiege",
    "seizes": "seize", "rallied": "rally", "clashed": "clash", "trashed": "trash",
    # nouns
    "troops": "troop", "soldiers": "soldier", "protesters": "protester", "forces": "force",
    "militias": "militia", "clashes": "clash", "casualties": "casualty", "allies": "ally",
    "women": "woman", "men": "man", "children": "child", "people": "people", "gunmen": "gunman",
    "countries": "country", "villages": "village", "houses": "house", "ties": "tie",
    "crises": "crisis", "buses": "bus", "processes": "process", "taxes": "tax", "heroes": "hero",
    "embargoes": "embargo", "bombings": "bomb", "meetings": "meet", "states": "state",
    "arms": "arm",
    # words that only look inflected
    "news": "news", "this": "this", "bus": "bus", "crisis": "crisis", "analysis": "analysis",
    "series": "series", "species": "species", "as": "as", "always": "always",
    "sometimes": "sometimes", "police": "police", "hamas": "hamas", "yemen": "yemen",
    "during": "during", "thing": "thing", "king": "king", "morning": "morning", "bed": "bed",
    "need": "need", "hundred": "hundred", "mohammed": "mohammed",
    # tokens that are not plain words
    "turkish-backed": "turkish-back", "pro-government": "pro-government", "u.s.": "u.s.",
    "1990s": "1990s", "3.5": "3.5", "'s": "'s", "": "",
}


@pytest.mark.parametrize(("word", "expected"), sorted(CASES.items()))
def test_english_lemmatize_cases(word: str, expected: str) -> None:
    assert lemmatize(word) == expected


@pytest.mark.parametrize("base", ["attack", "seize", "kill", "force", "troop", "clash", "protest", "fight"])
def test_english_lemmatize_keeps_bases(base: str) -> None:
    assert lemmatize(base) == base


@given(st.text(max_size=20))
def test_english_lemmatize_never_raises(word: str) -> None:
    assert isinstance(lemmatize(word.lower()), str)
