"""The facts every codebook shares: CAMEO event codes, PLOVER types, ACLED categories, actor codes.

The tables live in the repo's ``codebooks/taxonomy/`` (installed as ``coder.codebooks/taxonomy``) and are
written by ``codebooks/taxonomy/generate.py``. They are small tab-separated files read with plain string
splitting (a few milliseconds), once per folder.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from coder.errors import CodebookError

TABLES = ("cameo.tsv", "acled.tsv", "acled_actor_types.tsv", "actor_roles.tsv")

# Older exports and acledR spell it "protestors"; the current codebook says "protesters".
_ACLED_SPELLINGS = {"Excessive force against protestors": "Excessive force against protesters"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its GDELT quad class and Goldstein value and its PLOVER type.

    ``plover`` is empty for the codes PLOVER does not code (roots 01 and 02: comments and appeals).
    """

    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover: str
    plover_mode: str = ""
    plover_context: str = ""


@dataclass(frozen=True, slots=True)
class AcledSubEvent:
    """One ACLED sub-event type; ``precedence`` is ACLED's hierarchy order (1 = highest)."""

    event_type: str
    sub_event_type: str
    disorder_type: str
    precedence: int


@dataclass(frozen=True)
class Taxonomy:
    """The shared tables, read-only; build it with :func:`load_taxonomy`."""

    cameo: Mapping[str, CameoCode]
    acled: Mapping[str, AcledSubEvent]
    actor_types: Mapping[int, str]
    roles: Mapping[str, str]
    path: Path | None = None

    def cameo_info(self, code: str) -> CameoCode | None:
        """The entry of a zero-padded CAMEO code (``"195"``, ``"0874"``, root ``"19"``); None if unknown."""
        return self.cameo.get(code.strip()) if isinstance(code, str) else None

    def is_cameo(self, code: str) -> bool:
        """Whether ``code`` is a CAMEO event code (zero-padded string)."""
        return self.cameo_info(code) is not None

    def acled_info(self, sub_event_type: str) -> AcledSubEvent | None:
        """The entry of an ACLED sub-event type, spelled as ACLED does (older spellings accepted)."""
        name = sub_event_type.strip()
        return self.acled.get(_ACLED_SPELLINGS.get(name, name))

    def plover(self, code: str) -> str | None:
        """The PLOVER type of a CAMEO code; None when the code is unknown or PLOVER does not code it."""
        info = self.cameo_info(code)
        return info.plover or None if info else None

    def actor_type_name(self, inter: int) -> str | None:
        """ACLED's text value of an inter code 1-8 (``"State forces"``); None otherwise."""
        return self.actor_types.get(inter)


def default_taxonomy_path() -> Path:
    """The taxonomy folder shipped with the package (the repo's ``codebooks/taxonomy``)."""
    try:
        packaged = Path(str(importlib.resources.files("coder.codebooks"))) / "taxonomy"
    except ModuleNotFoundError:  # a source checkout that is not installed: codebooks/ is no package
        packaged = None
    if packaged is not None and (packaged / "cameo.tsv").is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "codebooks" / "taxonomy"


def load_taxonomy(directory: Path | None = None) -> Taxonomy:
    """Read the taxonomy tables of ``directory`` (default: the packaged ones); cached per folder.

    Raises CodebookError listing every malformed row as 'FILE:LINE: reason'.
    """
    if directory is None:
        return _load_default()
    return _load(Path(directory).resolve())


@lru_cache(maxsize=1)
def _load_default() -> Taxonomy:
    # resolving the packaged folder costs more than reading the cached tables: do it once
    return _load(default_taxonomy_path().resolve())


@lru_cache(maxsize=8)
def _load(folder: Path) -> Taxonomy:
    problems: list[str] = []
    cameo: dict[str, CameoCode] = {}
    acled: dict[str, AcledSubEvent] = {}
    actor_types: dict[int, str] = {}
    roles: dict[str, str] = {}

    for where, row in _rows(folder / "cameo.tsv", 8, problems):
        code, name, root, quad, goldstein, plover, mode, context = row
        try:
            entry = CameoCode(code, name, root, int(quad), float(goldstein), plover, mode, context)
        except ValueError:
            problems.append(f"{where}: quad_class and goldstein must be numbers, not {quad!r}, {goldstein!r}")
            continue
        if not (code.isdigit() and 2 <= len(code) <= 4 and code.startswith(root) and len(root) == 2):
            problems.append(f"{where}: {code!r} is no zero-padded CAMEO code of root {root!r}")
        elif code in cameo:
            problems.append(f"{where}: CAMEO code {code} is listed twice")
        else:
            cameo[code] = entry

    for where, row in _rows(folder / "acled.tsv", 4, problems):
        precedence, event_type, sub_event_type, disorder_type = row
        if not precedence.isdigit():
            problems.append(f"{where}: precedence must be a number, not {precedence!r}")
        elif sub_event_type in acled:
            problems.append(f"{where}: sub-event type {sub_event_type!r} is listed twice")
        else:
            acled[sub_event_type] = AcledSubEvent(event_type, sub_event_type, disorder_type, int(precedence))

    for where, row in _rows(folder / "acled_actor_types.tsv", 3, problems):
        if row[0].isdigit():
            actor_types[int(row[0])] = row[1]
        else:
            problems.append(f"{where}: inter must be a number, not {row[0]!r}")

    for _where, row in _rows(folder / "actor_roles.tsv", 2, problems):
        roles[row[0]] = row[1]

    if problems:
        raise CodebookError(f"the taxonomy tables in {folder} are invalid; fix them or rerun "
                            "codebooks/taxonomy/generate.py", tuple(problems))
    return Taxonomy(MappingProxyType(cameo), MappingProxyType(acled), MappingProxyType(actor_types),
                    MappingProxyType(roles), folder)


def _rows(path: Path, width: int, problems: list[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """('FILE:LINE', cells) for each data row; the comment line and the header row are skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(f"{path.name}:1: cannot read the table ({exc.strerror or exc})")
        return
    header_seen = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        cells = tuple(line.rstrip("\r").split("\t"))
        if len(cells) < width:
            problems.append(f"{path.name}:{number}: expected {width} tab-separated columns, "
                            f"found {len(cells)}")
            continue
        yield f"{path.name}:{number}", cells[:width]
