import gc

import pytest

from coder.collector import CODING_THRESHOLDS, collector_for_run, paused_collector


def test_collector_for_run_freezes_what_preload_made_and_restores_everything():
    before = gc.get_threshold()
    loaded = []
    with collector_for_run(lambda: loaded.extend([{"n": n} for n in range(1000)])):
        assert gc.get_threshold() == CODING_THRESHOLDS
        assert gc.get_freeze_count() >= 1000
        assert gc.isenabled()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_collector_for_run_restores_on_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), collector_for_run(lambda: None):
        raise RuntimeError("boom")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_paused_collector_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with paused_collector():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
