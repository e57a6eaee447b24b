"""The ACLED sub-event type a verb anchor carries: its pattern's, else its block's, unless the
pattern makes it another kind of event."""

from __future__ import annotations

import pytest

from coder.codebook.compile import compile_codebook
from coder.codebook.load import default_codebook_path, load_codebook
from coder.engine.verbs import find_verbs
from coder.frontends.lite import LiteFrontend


@pytest.fixture(scope="module")
def cb():
    return compile_codebook(load_codebook(default_codebook_path()))


@pytest.mark.parametrize("text, language, anchor, code, acled, recoded", [
    # "condemned the attack": the attack word, recoded a condemnation, is no armed clash
    ("وأدانت الحكومة اليمنية الهجوم.", "ar", "الهجوم", "111", None, True),
    ("Rebel forces attacked the army base.", "en", "attacked", "190", "Armed clash", False),
    # a block with no ACLED type ("deploy", CAMEO 07) has none to lose
    ("Turkish troops deployed reinforcements to the border.", "en", "deployed", "154", None, False),
])
def test_engine_verbs_recoded_pattern_is_not_the_blocks_acled_event(cb, text, language, anchor, code, acled,
                                                                    recoded):
    (sentence,) = LiteFrontend().parse(text, language)
    hit = next(h for h in find_verbs(sentence, cb) if sentence.tokens[h.start].form == anchor)
    assert hit.code == code
    assert (hit.acled, hit.recoded) == (acled, recoded)
