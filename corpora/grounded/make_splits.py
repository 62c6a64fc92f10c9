"""Writes corpora/grounded/splits.json: the fixed train/dev/test split of the real-grounded corpus.

    python corpora/grounded/make_splits.py

Documents that share a source URL or read as near-copies of each other (ten or more shared 8-word
runs) form one group, and a group goes to one split only, so a test document never has a twin in
training. Groups are dealt to train/dev/test (70/15/15) within each stratum (language × first label,
'none' for negatives) in a seeded order. The split is never chosen on results.

A split once written is **kept**: when documents are added (a new ``part_*.jsonl``), every id already in
``splits.json`` stays where it is, a new document that shares a source or reads as a near-copy of an
assigned one joins that document's split, and only the remaining new groups are dealt, the same way,
from a seeded stream of their own (``SEED`` + the number of releases so far). So adding documents never
moves a test document into training or the other way round, and re-running changes nothing.
"""

from __future__ import annotations

import json
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2026
DEAL = ("train",) * 14 + ("dev",) * 3 + ("test",) * 3


def _grams(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def main() -> None:
    rows = [json.loads(line) for f in sorted(HERE.glob("part_*.jsonl")) for line in f.open(encoding="utf-8") if line.strip()]
    parent = {r["id"]: r["id"] for r in rows}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_url: dict[str, str] = {}
    grams = {r["id"]: _grams(r["text"]) for r in rows}
    for r in rows:
        if r["source_url"] in by_url:
            parent[find(r["id"])] = find(by_url[r["source_url"]])
        by_url.setdefault(r["source_url"], r["id"])
    ids = [r["id"] for r in rows]
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if len(grams[a] & grams[b]) >= 10:
                parent[find(a)] = find(b)
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[find(r["id"])].append(r)
    strata: dict[tuple[str, str], list[list[dict]]] = defaultdict(list)
    for members in groups.values():
        head = min(members, key=lambda r: r["id"])
        strata[(head["lang"], head["labels"][0] if head["labels"] else "none")].append(members)
    out = HERE / "splits.json"
    before = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    fixed = {i: name for name in ("train", "dev", "test") for i in before.get(name, [])}
    releases = int(before.get("releases", 1 if fixed else 0))
    split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for key in list(strata):
        kept = []
        for members in strata[key]:
            held = {fixed[r["id"]] for r in members if r["id"] in fixed}
            if len(held) > 1:
                raise SystemExit(f"documents {sorted(r['id'] for r in members)} share a source or near-copy text but sit in "
                                 f"splits {sorted(held)}: drop or rewrite the new one so it does not bridge them")
            if held:
                split[held.pop()].extend(r["id"] for r in members)
            else:
                kept.append(members)
        strata[key] = kept
    dealt = any(strata.values())
    rng = random.Random(SEED + releases)
    for key in sorted(strata):
        bucket = sorted(strata[key], key=lambda m: min(r["id"] for r in m))
        rng.shuffle(bucket)
        offset = rng.randrange(len(DEAL))
        for k, members in enumerate(bucket):
            split[DEAL[(k + offset) % len(DEAL)]].extend(r["id"] for r in members)
    for name in split:
        split[name].sort()
    missing = set(fixed) - {i for ids in split.values() for i in ids}
    if missing:
        raise SystemExit(f"splits.json names documents no part_*.jsonl has: {sorted(missing)[:5]}; restore them or start a new split")
    body = {"seed": SEED, "releases": releases + dealt, **split}
    tmp = out.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out)
    print({k: len(v) for k, v in split.items()}, "(new documents dealt)" if dealt else "(unchanged)")


if __name__ == "__main__":
    main()
