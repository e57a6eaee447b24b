"""Write the taxonomy tables of this folder from the reference tables of facts.

Run by hand when the reference tables change:

    python codebooks/taxonomy/generate.py /work/shared/reference

It reads ``cameo_event_codes.tsv``, ``CAMEO2PLOVER-2021.txt``, ``acled_event_categories.csv``,
``acled_interaction_codes.csv`` and ``cameo_actor_type_codes.tsv`` and writes, next to itself,
``cameo.tsv``, ``acled.tsv``, ``acled_actor_types.tsv`` and ``actor_roles.tsv``: our own tables in our
own layout (one comment line, a header row, rows sorted by their key). The committed tables are what the
coder reads; the reference folder is needed only to regenerate them.

PLOVER types: a CAMEO code that the CAMEO->PLOVER 2021 table does not list takes the type of its nearest
listed parent (0211 -> 021 -> 02). The table lists no code of roots 01 (MAKE PUBLIC STATEMENT) and 02
(APPEAL): PLOVER does not code comments or appeals, so those codes keep an empty PLOVER type. Where the
table lists a code twice (root 08 as CONCEDE and as RETREAT), the first listing wins.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent

# GDELT's quad classes by CAMEO root; checked against the reference table's quad_class_gdelt column.
QUAD_CLASS = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4) for r in range(1, 21)}

# ACLED's hierarchy of sub-event types (1 = highest), from the ACLED codebook's ordering.
ACLED_PRECEDENCE = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Armed clash",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
    "Violent demonstration",
    "Mob violence",
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
    "Sexual violence",
    "Attack",
    "Abduction/forced disappearance",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
)

# Disorder types, spelled as ACLED does; the one exception to "by event type" is listed by sub-event.
DISORDER_BY_EVENT_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
DISORDER_BY_SUB_EVENT = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations",
    "Mob violence": "Political violence",
}

# Current ACLED text values of inter codes (the reference CSV holds the older labels).
ACLED_ACTOR_TYPES = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def write_table(path: Path, comment: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write one TSV table: a comment line, a header row, then the rows; returns the row count."""
    lines = [f"# {comment}", "\t".join(header)]
    for row in rows:
        cells = ["" if cell is None else str(cell) for cell in row]
        if any("\t" in cell or "\n" in cell for cell in cells):
            raise ValueError(f"{path.name}: a cell holds a tab or a newline: {cells}")
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 2


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read_plover(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (PLOVER type, mode, context); the first listing of a code wins."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PLOVER_LINE.match(line.strip())
        if not match:
            continue
        code, event = match[1], match[2]
        mode = " ".join((match[3] or "").split())
        context = " ".join((match[4] or "").split())
        table.setdefault(code, (event, mode, context))
    return table


def plover_of(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """The listing of ``code`` or of its nearest listed parent; empty when none is listed."""
    candidate = code
    while len(candidate) >= 2:
        if candidate in table:
            event, mode, context = table[candidate]
            # an inherited listing gives the type only: the parent's mode does not describe the child
            return (event, mode, context) if candidate == code else (event, "", "")
        candidate = candidate[:-1]
    return ("", "", "")


def cameo_rows(reference: Path) -> list[tuple[object, ...]]:
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    rows = []
    for record in read_tsv(reference / "cameo_event_codes.tsv"):
        code, root = record["cameo_code"], record["root_code"]
        quad = int(record["quad_class_gdelt"])
        if QUAD_CLASS[root] != quad:
            raise ValueError(f"{code}: quad class {quad} breaks the GDELT convention for root {root}")
        goldstein = float(record["goldstein_gdelt"])
        event, mode, context = plover_of(code, plover)
        rows.append((code, record["name"], root, quad, f"{goldstein:.1f}", event, mode, context))
    return sorted(rows, key=lambda row: str(row[0]))


def acled_rows(reference: Path) -> list[tuple[object, ...]]:
    rows = []
    with (reference / "acled_event_categories.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            event_type, sub = record["event_type"], record["sub_event_type"]
            disorder = DISORDER_BY_SUB_EVENT.get(sub) or DISORDER_BY_EVENT_TYPE[event_type]
            rows.append((ACLED_PRECEDENCE.index(sub) + 1, event_type, sub, disorder))
    if len(rows) != len(ACLED_PRECEDENCE):
        raise ValueError(f"expected {len(ACLED_PRECEDENCE)} ACLED sub-event types, found {len(rows)}")
    return sorted(rows)


def actor_type_rows(reference: Path) -> list[tuple[object, ...]]:
    legacy = {}
    with (reference / "acled_interaction_codes.csv").open(encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle):
            if record and record[1].replace(".", "", 1).isdigit():
                legacy[int(float(record[1]))] = record[0]
    return [(code, name, legacy.get(code, "")) for code, name in sorted(ACLED_ACTOR_TYPES.items())]


def role_rows(reference: Path) -> list[tuple[object, ...]]:
    rows = []
    for record in read_tsv(reference / "cameo_actor_type_codes.tsv"):
        label = record["label_gdelt"].split(" (")[0].strip()
        rows.append((record["code"], label, record["phoenix_primary_agent"], record["phoenix_root_actor"]))
    return sorted(rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="folder holding the reference tables")
    parser.add_argument("-o", "--out", type=Path, default=HERE, help="where to write (default: here)")
    args = parser.parse_args(argv)
    ref, out = args.reference, args.out
    counts = {
        "cameo.tsv": write_table(
            out / "cameo.tsv",
            "generated by generate.py from cameo_event_codes.tsv and CAMEO2PLOVER-2021.txt; facts: CAMEO "
            "event codes, GDELT quad classes and Goldstein values, PLOVER 2021 types (inherited from the "
            "nearest listed parent; none for roots 01 and 02)",
            ("code", "name", "root", "quad_class", "goldstein", "plover", "plover_mode", "plover_context"),
            cameo_rows(ref)),
        "acled.tsv": write_table(
            out / "acled.tsv",
            "generated by generate.py from acled_event_categories.csv and acled_codebook_notes.md; facts: "
            "ACLED event types, sub-event types, disorder types and their hierarchy (1 = highest)",
            ("precedence", "event_type", "sub_event_type", "disorder_type"),
            acled_rows(ref)),
        "acled_actor_types.tsv": write_table(
            out / "acled_actor_types.tsv",
            "generated by generate.py from acled_interaction_codes.csv and acled_codebook_notes.md; facts: "
            "ACLED inter codes, current text values and older labels",
            ("inter", "name", "legacy_name"),
            actor_type_rows(ref)),
        "actor_roles.tsv": write_table(
            out / "actor_roles.tsv",
            "generated by generate.py from cameo_actor_type_codes.tsv; facts: CAMEO actor role codes "
            "(GDELT labels; Phoenix primary-agent and root-actor flags)",
            ("code", "label", "primary_agent", "root_actor"),
            role_rows(ref)),
    }
    for name, count in counts.items():
        sys.stderr.write(f"{name}: {count} rows\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
