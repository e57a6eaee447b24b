"""coder.eval.report: the HTML page parses, is self-contained and lists every wrong case; baselines."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest

from coder.errors import InputError
from coder.eval.gold import GoldCase, GoldEvent, Triple, TripleGold
from coder.eval.metrics import Snapshot
from coder.eval.report import render_html, render_markdown, write_report
from coder.eval.results import EvalResult, Figure, ProducedEvent, load_snapshots
from coder.eval.score import score_case, suite_figures


def produced(code: str, source: str | None, target: str | None, rule: str) -> ProducedEvent:
    return ProducedEvent(0, "s", source, target, code, None, None, None, None, None, None, None, None, None,
                         None, None, None, None, False, None, rule)


def make_result(second_ok: bool = False) -> EvalResult:
    gold = TripleGold((GoldEvent(Triple("LBYMIL", None, "194")),))
    cases = [
        (GoldCase("ok-1", 2, "The Libyan army shelled Misrata.", dt.date(2020, 5, 1), "en", gold, "agents"),
         [produced("194", "LBYMIL", None, "verbs.txt:147+agents.txt:5")]),
        (GoldCase("wrong-<2>", 3, "قصف الجيش الليبي مدينة مصراتة & <b>", dt.date(2020, 5, 1), "ar", gold,
                  "agents"),
         [produced("194", "LBYMIL", None, "verbs.txt:147")] if second_ok
         else [produced("190", "---MIL", None, "verbs.txt:118+agents.txt:5")]),
        (GoldCase("wrong-3", 4, "Nothing happened.", dt.date(2020, 5, 1), "en", TripleGold(()), "negation"),
         [produced("010", None, None, "verbs.txt:7")]),
    ]
    pairs = [(c, score_case(c, p)) for c, p in cases]
    figures, tables = suite_figures("coder", pairs)
    figures.append(Figure("sentences_per_second", "coding speed", 1234.5, "3 sentences in 0.00 s"))
    return EvalResult("tiny", "coder", "tiny.jsonl", "lite", "abc123", 3, 0, 3, 0.0024, tuple(figures),
                      tuple(tables), tuple(r for _, r in pairs))


class Collector(HTMLParser):
    """Text, tags and attributes of a page; fails on nothing, so the test checks structure itself."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.unbalanced = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag not in ("meta", "br"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.unbalanced += 1

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Collector:
    collector = Collector()
    collector.feed(page)
    collector.close()
    return collector


def test_eval_report_html_parses_and_is_self_contained():
    page = parse(render_html(make_result()))
    assert page.unbalanced == 0 and page.stack == []
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not [v for k, v in page.attrs if k in ("src", "href") and v and "://" in v]
    text = "".join(page.text)
    assert "coder eval: tiny" in text and "Wrong cases: 2" in text


def test_eval_report_lists_every_wrong_case_with_expected_produced_and_rule():
    result = make_result()
    text = "".join(parse(render_html(result)).text)
    for needle in ("wrong-<2>", "قصف الجيش الليبي مدينة مصراتة & <b>", "LBYMIL 194 -", "---MIL 190 -",
                   "verbs.txt:118+agents.txt:5", "wrong-3", "Nothing happened.", "(no event)", "verbs.txt:7"):
        assert needle in text
    assert "ok-1" not in text  # right cases are not listed
    markdown = render_markdown(result)
    assert "#### wrong-<2> (line 3, agents)" in markdown and "#### wrong-3" in markdown
    assert "verbs.txt:118+agents.txt:5" in markdown and "ok-1" not in markdown
    assert "| exact-set rate (full code) | 0.333 | 1/3 |" in markdown


def test_eval_report_baseline_sections(tmp_path):
    old = write_report(make_result(second_ok=False), tmp_path / "old")
    baseline = load_snapshots(old.results)
    assert baseline["3:wrong-<2>"] == Snapshot(False, baseline["3:wrong-<2>"].signature)
    new = make_result(second_ok=True)
    files = write_report(new, tmp_path / "new", baseline)
    page = files.html.read_text(encoding="utf-8")
    text = "".join(parse(page).text)
    assert "Changes since the baseline" in text and "1 fixed, 0 broken, 0 different" in text
    assert "Fixed (wrong before, right now): 1" in text
    assert "1 fixed, 0 broken" in files.markdown.read_text(encoding="utf-8")
    reverse = render_markdown(make_result(second_ok=False), load_snapshots(files.results))
    assert "### Broken (right before, wrong now): 1" in reverse


def test_eval_report_results_json_round_trip(tmp_path):
    files = write_report(make_result(), tmp_path)
    data = json.loads(files.results.read_text(encoding="utf-8"))
    assert data["results_version"] == 1 and data["suite"] == "tiny"
    assert [c["key"] for c in data["cases"]] == ["2:ok-1", "3:wrong-<2>", "4:wrong-3"]
    assert data["cases"][1]["produced"][0]["rule_id"] == "verbs.txt:118+agents.txt:5"


@pytest.mark.parametrize(("content", "message"), [
    (None, "does not exist"), ("not json", "is not a results.json"),
    ('{"cases": 3}', "is not a results.json"),
])
def test_eval_report_bad_baselines(tmp_path, content, message):
    path = tmp_path / "results.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_snapshots(path)
