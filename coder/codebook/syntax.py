"""Text -> raw blocks: the line grammar of codebook files (see codebooks/FORMAT.md).

This layer knows lines, blocks and fields only; what a field means is decided in ``entries.py``.
Every problem is collected as 'FILE:LINE: reason' instead of raising at the first one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class RawField:
    name: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class RawBlock:
    kind: str
    args: str
    fields: tuple[RawField, ...]
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def strip_comment(line: str) -> str:
    """Drop a ``#`` comment; a ``#`` inside a word (``C#``) is kept."""
    pos = line.find("#")
    while pos != -1:
        if pos == 0 or line[pos - 1].isspace():
            return line[:pos].rstrip()
        pos = line.find("#", pos + 1)
    return line.rstrip()


def parse_blocks(text: str, file: str) -> tuple[list[RawBlock], list[str]]:
    """Split a codebook file into blocks of fields; returns (blocks, problems)."""
    blocks: list[RawBlock] = []
    problems: list[str] = []
    header: tuple[str, str, int] | None = None
    fields: list[RawField] = []

    def close() -> None:
        if header is not None:
            blocks.append(RawBlock(header[0], header[1], tuple(fields), file, header[2]))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = strip_comment(raw)
        if not line.strip():
            continue
        if not line[0].isspace():
            close()
            kind, _, args = line.strip().partition(" ")
            header = (kind, args.strip(), number)
            fields = []
            continue
        if header is None:
            problems.append(f"{file}:{number}: indented line outside any block")
            continue
        name, _, value = line.strip().partition(" ")
        fields.append(RawField(name, value.strip(), number))
    close()
    return blocks, problems


def read_blocks(path: Path, label: str) -> tuple[list[RawBlock], list[str]]:
    """Read and parse one file; ``label`` is the name used in messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [], [f"{label}:1: not UTF-8 ({exc.reason} at byte {exc.start})"]
    return parse_blocks(text, label)


def split_phrases(value: str) -> tuple[str, ...]:
    """``a | b c | d`` -> ('a', 'b c', 'd'); empty items dropped, inner spaces collapsed."""
    return tuple(" ".join(p.split()) for p in value.split("|") if p.strip())
