"""An evaluation as a report: Markdown and one self-contained HTML page (no external assets).

Both list the figures, the tables (by category, confusion), the cases whose coding changed since a
baseline, and every wrong case with its sentence, what the gold expects, what was produced and the
rule that fired (``rule_id``: the codebook lines a person can open).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coder.eval.metrics import BaselineDiff, Snapshot, diff_snapshots
from coder.eval.results import CaseResult, EvalResult, Figure, ProducedEvent, Table, save_results

CHANGE_KINDS = (("broken", "Broken (right before, wrong now)"), ("fixed", "Fixed (wrong before, right now)"),
                ("different", "Different (wrong before and now, other output)"))


@dataclass(frozen=True, slots=True)
class ReportFiles:
    markdown: Path
    html: Path
    results: Path


def format_value(figure: Figure) -> str:
    if figure.value is None:
        return "-"
    if figure.key == "sentences_per_second":
        return f"{figure.value:,.0f}"
    if figure.key.endswith("_mae") or figure.key == "forbidden_unchecked":
        return f"{figure.value:.2f}"
    return f"{figure.value:.3f}"


def _produced_lines(case: CaseResult) -> list[str]:
    return [f"{p.summary()}  [{p.rule_id}]" + (f" (sentence {p.sentence_index})" if p.sentence_index else "")
            for p in case.produced]


def _header(result: EvalResult) -> list[tuple[str, str]]:
    return [("gold", f"{result.gold_path} ({result.format} format)"), ("parser", result.parser),
            ("codebook version", result.codebook_version),
            ("cases", f"{result.n_cases} scored, {result.n_skipped} skipped (evaluate: false)"),
            ("wrong cases", str(len(result.wrong))),
            ("coding", f"{result.n_sentences} sentences in {result.seconds:.2f} s")]


def changed_cases(result: EvalResult, baseline: Mapping[str, Snapshot] | None) -> BaselineDiff | None:
    return diff_snapshots(baseline, result.snapshots()) if baseline is not None else None


# --- Markdown ------------------------------------------------------------------------------------

def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_md(c) for c in row) + " |" for row in rows)
    return lines


def _md_case(case: CaseResult, before: Snapshot | None = None) -> list[str]:
    lines = [f"#### {case.id} (line {case.position}{', ' + case.category if case.category else ''})", "",
             f"> {_md(case.text.strip())}", "", f"- expected: {case.expected}", "- produced:"]
    produced = _produced_lines(case)
    lines.extend(f"  - {line}" for line in produced or ["(no event)"])
    for check in case.failed:
        lines.append(f"- wrong {check.name}: expected {check.expected}; produced {check.produced}")
    if before is not None:
        lines.append(f"- before: {'right' if before.ok else 'wrong'}; {before.signature}")
    if case.note:
        lines.append(f"- note: {case.note}")
    lines.append("")
    return lines


def render_markdown(result: EvalResult, baseline: Mapping[str, Snapshot] | None = None) -> str:
    lines = [f"# coder eval: {result.suite}", ""]
    lines.extend(f"- {name}: {value}" for name, value in _header(result))
    lines += ["", "## Figures", ""]
    lines += _md_table(("figure", "value", "detail"),
                       [(f.label, format_value(f), f.detail) for f in result.figures])
    for table in result.tables:
        lines += ["", f"## {table.title}", ""]
        if table.note:
            lines += [table.note, ""]
        lines += _md_table(table.header, table.rows)
    diff = changed_cases(result, baseline)
    by_key = {c.key: c for c in result.cases}
    if diff is not None and baseline is not None:
        lines += ["", "## Changes since the baseline", "",
                  f"{len(diff.fixed)} fixed, {len(diff.broken)} broken, {len(diff.different)} different; "
                  f"{len(diff.added)} new cases, {len(diff.removed)} cases gone", ""]
        for kind, title in CHANGE_KINDS:
            keys = getattr(diff, kind)
            if keys:
                lines += [f"### {title}: {len(keys)}", ""]
                for key in keys:
                    lines += _md_case(by_key[key], baseline.get(key))
    lines += ["", f"## Wrong cases: {len(result.wrong)}", ""]
    for case in result.wrong:
        lines += _md_case(case)
    return "\n".join(lines).rstrip() + "\n"


# --- HTML ----------------------------------------------------------------------------------------

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:3px 7px;vertical-align:top;text-align:left}
th{background:#f0f0f0} td.n{text-align:right;font-variant-numeric:tabular-nums}
.case td{max-width:40em} .wrong{color:#a00} .rule{color:#666;font-size:12px}
.ok{color:#070} ul{margin:0;padding-left:1.2em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(_cell(c, i) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _cell(value: str, index: int) -> str:
    numeric = index > 0 and value.replace(".", "", 1).replace("-", "", 1).replace(",", "").isdigit()
    return f'<td class="n">{_e(value)}</td>' if numeric else f'<td dir="auto">{_e(value)}</td>'


def _html_produced(produced: Sequence[ProducedEvent]) -> str:
    if not produced:
        return "(no event)"
    items = "".join(f'<li dir="auto">{_e(p.summary())} <span class="rule">{_e(p.rule_id)}</span></li>'
                    for p in produced)
    return f"<ul>{items}</ul>"


def _html_cases(cases: Sequence[CaseResult], baseline: Mapping[str, Snapshot] | None = None) -> str:
    header = ["case", "sentence", "expected", "produced [rule]", "wrong"]
    if baseline is not None:
        header.append("before")
    rows = []
    for case in cases:
        failed = "".join(f"<li><b>{_e(c.name)}</b>: expected {_e(c.expected)}; produced {_e(c.produced)}</li>"
                         for c in case.failed)
        note = f'<div class="rule">{_e(case.note)}</div>' if case.note else ""
        cells = [f"{_e(case.id)}<div class=\"rule\">line {case.position} {_e(case.category or '')}</div>",
                 f'<span dir="auto">{_e(case.text.strip())}</span>{note}', _e(case.expected),
                 _html_produced(case.produced), f'<ul class="wrong">{failed}</ul>' if failed else ""]
        if baseline is not None:
            before = baseline.get(case.key)
            cells.append(_e(("right; " if before.ok else "wrong; ") + before.signature) if before else "")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    return f'<table class="case"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _html_table_block(table: Table) -> str:
    note = f"<p>{_e(table.note)}</p>" if table.note else ""
    return f"<h2>{_e(table.title)}</h2>{note}{_html_table(table.header, table.rows)}"


def render_html(result: EvalResult, baseline: Mapping[str, Snapshot] | None = None) -> str:
    parts = [f"<h1>coder eval: {_e(result.suite)}</h1>",
             "<table>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in _header(result))
             + "</table>",
             "<h2>Figures</h2>",
             _html_table(("figure", "value", "detail"),
                         [(f.label, format_value(f), f.detail) for f in result.figures]),
             *(_html_table_block(t) for t in result.tables)]
    diff = changed_cases(result, baseline)
    if diff is not None:
        by_key = {c.key: c for c in result.cases}
        parts.append("<h2>Changes since the baseline</h2>")
        parts.append(f"<p>{len(diff.fixed)} fixed, {len(diff.broken)} broken, "
                     f"{len(diff.different)} different; {len(diff.added)} new cases, "
                     f"{len(diff.removed)} cases gone</p>")
        for kind, title in CHANGE_KINDS:
            keys = getattr(diff, kind)
            if keys:
                parts.append(f'<h3 id="{kind}">{_e(title)}: {len(keys)}</h3>')
                parts.append(_html_cases([by_key[k] for k in keys], baseline))
    parts.append(f'<h2 id="wrong">Wrong cases: {len(result.wrong)}</h2>')
    parts.append(_html_cases(result.wrong))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>coder eval: {_e(result.suite)}</title><style>{_CSS}</style></head>"
            f"<body>{''.join(parts)}</body></html>\n")


def write_report(result: EvalResult, directory: Path, baseline: Mapping[str, Snapshot] | None = None
                 ) -> ReportFiles:
    """Write report.md, report.html and results.json (the next run's baseline) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    markdown = directory / "report.md"
    markdown.write_text(render_markdown(result, baseline), encoding="utf-8")
    page = directory / "report.html"
    page.write_text(render_html(result, baseline), encoding="utf-8")
    return ReportFiles(markdown, page, save_results(result, directory / "results.json"))
