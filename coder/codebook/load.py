"""Read a codebook folder: validate every file, collect every problem, hash the content."""

from __future__ import annotations

import hashlib
import importlib.resources
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from coder.codebook.entries import (
    ActorEntry,
    AgentEntry,
    DiscardEntry,
    Problems,
    SynsetEntry,
    VerbEntry,
    duplicate_codes,
    read_actor,
    read_agent,
    read_discard,
    read_synset,
    read_verb,
)
from coder.codebook.syntax import RawBlock, read_blocks
from coder.errors import CodebookError

KINDS = ("actors", "agents", "verbs", "synsets", "discards")
BLOCK_KIND = {"actors": "actor", "agents": "agent", "verbs": "verb", "synsets": "synset", "discards": "discard"}
SETTINGS = {"name", "description", "require_dyad", "languages", "strict", "cue_events"}


@dataclass(frozen=True, slots=True, eq=False)
class Codebook:
    """A validated codebook; ``version`` is a hash of every file's content."""

    name: str
    description: str
    path: Path
    version: str
    require_dyad: bool
    languages: tuple[str, ...]
    actors: tuple[ActorEntry, ...]
    agents: tuple[AgentEntry, ...]
    verbs: tuple[VerbEntry, ...]
    synsets: tuple[SynsetEntry, ...]
    discards: tuple[DiscardEntry, ...]
    warnings: tuple[str, ...]
    # events the incident layer reads from ACLED cue words in sentences no verb pattern coded
    cue_events: bool = True


def default_codebook_path() -> Path:
    """The codebook shipped with the package (the repo's ``codebooks/default``)."""
    packaged = Path(str(importlib.resources.files("coder.codebooks"))) / "default"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "codebooks" / "default"


def codebook_files(directory: Path) -> dict[str, list[Path]]:
    """The files of each kind (``actors*.txt`` ...), sorted so the hash and order are stable."""
    return {kind: sorted(directory.glob(f"{kind}*.txt")) for kind in KINDS}


def content_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    paths = [directory / "codebook.toml"] + [p for ps in codebook_files(directory).values() for p in ps]
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _settings(directory: Path, problems: Problems) -> dict[str, object]:
    path = directory / "codebook.toml"
    if not path.is_file():
        problems.add(f"{path.name}:1", "codebook.toml is missing (name, require_dyad, languages)")
        return {}
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problems.add(f"{path.name}:1", f"not valid TOML: {exc}")
        return {}
    for key in settings:
        if key not in SETTINGS:
            problems.add(f"{path.name}:1", f"unknown setting {key!r} (known: {', '.join(sorted(SETTINGS))})")
    for flag in ("require_dyad", "strict", "cue_events"):
        if not isinstance(settings.get(flag, False), bool):
            problems.add(f"{path.name}:1", f"{flag} must be true or false")
    return settings


def load_codebook(directory: Path, *, is_cameo: Callable[[str], bool] | None = None,
                  strict: bool | None = None) -> Codebook:
    """Read and validate a codebook folder; raises CodebookError listing every problem.

    ``strict`` (default: the ``strict`` setting, true for our own codebooks) turns problems that
    imported PETRARCH dictionaries are known to have (unknown codes, bad date ranges, duplicate
    phrases) into errors; otherwise they are warnings and the entry is skipped or kept.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise CodebookError(f"codebook folder {directory} does not exist")
    if is_cameo is None:
        from coder.codebook.taxonomy import load_taxonomy

        is_cameo = load_taxonomy().is_cameo
    problems = Problems()
    settings = _settings(directory, problems)
    if strict is None:
        strict = bool(settings.get("strict", True))
    files = codebook_files(directory)
    blocks: dict[str, list[RawBlock]] = {}
    for kind, paths in files.items():
        blocks[kind] = []
        for path in paths:
            found, syntax_problems = read_blocks(path, path.name)
            problems.errors.extend(syntax_problems)
            for block in found:
                if block.kind != BLOCK_KIND[kind]:
                    problems.add(block.where, f"a {kind} file holds '{BLOCK_KIND[kind]}' blocks, "
                                 f"not {block.kind!r}")
                else:
                    blocks[kind].append(block)
    synsets = tuple(read_synset(b, problems) for b in blocks["synsets"])
    names = {s.name for s in synsets}
    actors = tuple(a for b in blocks["actors"] if (a := read_actor(b, problems, strict)) is not None)
    agents = tuple(a for b in blocks["agents"] if (a := read_agent(b, problems)) is not None)
    verbs = tuple(v for b in blocks["verbs"]
                  if (v := read_verb(b, problems, is_cameo, strict, names)) is not None)
    discards = tuple(read_discard(b, problems) for b in blocks["discards"])
    duplicate_codes(actors, problems, strict)
    if problems.errors:
        raise CodebookError(f"codebook {directory} is invalid ({len(problems.errors)} problems):",
                            tuple(problems.errors))
    languages = settings.get("languages", ["en", "ar"])
    return Codebook(
        name=str(settings.get("name", directory.name)),
        description=str(settings.get("description", "")),
        path=directory,
        version=content_hash(directory),
        require_dyad=bool(settings.get("require_dyad", False)),
        languages=tuple(str(x) for x in languages) if isinstance(languages, list) else ("en", "ar"),
        actors=actors, agents=agents, verbs=verbs, synsets=synsets, discards=discards,
        warnings=tuple(problems.warnings),
        cue_events=bool(settings.get("cue_events", True)),
    )


@lru_cache(maxsize=8)
def _cached(directory: Path, version: str) -> Codebook:
    return load_codebook(directory)


def load_codebook_cached(directory: Path | None = None) -> Codebook:
    """Load once per process and content version (an edit to a file is picked up)."""
    directory = Path(directory) if directory is not None else default_codebook_path()
    if not directory.is_dir():
        raise CodebookError(f"codebook folder {directory} does not exist")
    return _cached(directory.resolve(), content_hash(directory))
