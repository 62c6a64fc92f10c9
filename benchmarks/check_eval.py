"""How well ``mou_text.check`` finds injected divergences, next to a string-rule baseline.

Runs the checker on every file of ``corpora/altered/manifest.json`` against the signed English MOU
and prints markdown tables: recall per kind of injected divergence, false alarms per file, major
findings on the style-only rewordings, and the same for a CheckMate/Xbench-style baseline (per
id-paired segment: digits and glossary terms only), so the table shows what alignment, structure,
modality and negation add.

Matching. An injected divergence counts as *found* when a finding of its kind family (below) shares
an English or a Spanish clause id with it (ids of merged/split pairs are split on '+'). A finding
that shares ids with no injected divergence is a *false alarm*; one that shares ids with an injected
divergence but is of another family is *collateral* (a real consequence of the edit, e.g. a
modality finding on a clause whose sentence was dropped) and is counted apart, neither credited nor
charged.

    python benchmarks/check_eval.py                  # markdown tables (USE encoder)
    python benchmarks/check_eval.py --json out.json  # also write every number and finding as JSON
    python benchmarks/check_eval.py --details        # list each finding with its verdict
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mou_text import load_mou, parse
from mou_text.check import SEVERITY_RANK, Finding
from mou_text.glossary import glossary_of

ALTERED = ROOT / "corpora" / "altered"

#: Injected kind → finding kinds that count as finding it.
FAMILIES: dict[str, set[str]] = {
    "omission": {"omission"},
    "addition": {"addition"},
    "merge": {"merge", "omission"},  # a merge seen as the second clause missing is still found
    "split": {"split", "addition"},
    "reorder": {"reorder"},
    "sentence_omission": {"omission", "length"},  # sentence-level omission, or the clause much shorter
    "number": {"number", "date"},
    "date": {"date", "number"},
    "cross_reference": {"cross_reference", "number"},
    "name": {"name"},
    "defined_term": {"defined_term"},
    "acronym": {"acronym", "term_consistency"},
    "modality_strengthened": {"modality"},
    "modality_weakened": {"modality"},
    "negation": {"negation"},
    "scope_limiter": {"scope_limiter"},
    "untranslated": {"language", "similarity"},
    "semantic": {"similarity", "defined_term"},
    "phrase_addition": {"phrase_addition"},  # words added inside an aligned sentence (content rule)
    "phrase_omission": {"phrase_omission"},
    "wrong_sense": {"wrong_sense"},  # a term rendered with a false friend (senses rule)
}
MAJOR = SEVERITY_RANK["major"]


def ids(value: str | None) -> set[str]:
    return set(value.split("+")) if value else set()


def list_key(node_id: str) -> str:
    """``s3.ii.bullet.2`` → ``s3.ii``: the list a bullet or item belongs to."""
    return re.sub(r"\.(bullet|item)\.[^.]+$", "", node_id)


def overlaps(f: Finding, div: dict[str, Any]) -> bool:
    """Same clause on either side; a list-count finding is about the whole list its ids stand for."""
    if f.kind == "list_count":
        mine = {list_key(i) for i in ids(f.en_id) | ids(f.es_id)}
        theirs = {list_key(i) for i in ids(div.get("en_id")) | ids(div.get("es_id"))}
        return bool(mine & theirs)
    return bool(ids(f.en_id) & ids(div.get("en_id")) or ids(f.es_id) & ids(div.get("es_id")))


def score(findings: list[Finding], divs: list[dict[str, Any]]) -> dict[str, Any]:
    """Which divergences were found, and which findings are false alarms or collateral."""
    found = [any(f.kind in FAMILIES[d["kind"]] and overlaps(f, d) for f in findings) for d in divs]
    verdicts = []
    for f in findings:
        if any(f.kind in FAMILIES[d["kind"]] and overlaps(f, d) for d in divs):
            verdicts.append("match")
        elif any(overlaps(f, d) for d in divs):
            verdicts.append("collateral")
        else:
            verdicts.append("false_alarm")
    fa = [f for f, v in zip(findings, verdicts) if v == "false_alarm"]
    return {
        "found": found,
        "verdicts": verdicts,
        "false_alarms": len(fa),
        "major_false_alarms": sum(SEVERITY_RANK[f.severity] >= MAJOR for f in fa),
        "collateral": verdicts.count("collateral"),
        "major_findings": sum(SEVERITY_RANK[f.severity] >= MAJOR for f in findings),
    }


# --- the systems ---------------------------------------------------------------------------------


def run_system(en, es, encoder: str) -> tuple[list[Finding], str]:
    try:
        from mou_text.check import check
    except ImportError:  # the aligner and report are another module's; rule checks still run
        return run_rules_only(en, es), "rule checks on id-paired clauses (mou_text.check unavailable)"
    report = check(en, es, encoder=encoder)
    return list(report.findings), "mou_text.check"


def run_rules_only(en, es) -> list[Finding]:
    from mou_text.check.rules import modality, names, negation, numbers, senses, terms
    from mou_text.align import AlignedPair, pair
    from mou_text.check import CheckContext

    pairs = [AlignedPair((p.en,) if p.en else (), (p.es,) if p.es else (),
                         "1-1" if p.en and p.es else ("1-0" if p.en else "0-1")) for p in pair(en, es)]
    ctx = CheckContext(en, es)
    out: list[Finding] = []
    for mod in (numbers, names, terms, modality, negation, senses):
        out.extend(mod.check(pairs, ctx))
    return out


_DIGITS = re.compile(r"\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?")


def run_baseline(en, es) -> list[Finding]:
    """CheckMate/Xbench-style string rules per segment paired by id: digits, then glossary terms."""
    from mou_text.align import pair

    glossary = glossary_of(None)
    from mou_text.check.rules.terms import group

    kind_of = {"institution": "name", "place": "name", "person": "name", "term": "defined_term", "acronym": "acronym"}
    out: list[Finding] = []
    for p in pair(en, es):
        if p.en is None or p.es is None:
            continue  # a string checker only compares segments it has on both sides
        a = Counter(re.sub(r"\D", "", m) for m in _DIGITS.findall(p.en.text))
        b = Counter(re.sub(r"\D", "", m) for m in _DIGITS.findall(p.es.text))
        if a != b:
            out.append(_base_finding("number", "major", p.id, f"digits differ: {sorted(a.elements())} vs {sorted(b.elements())}"))
        es_concepts = {m.concept.id for m in glossary.find(p.es.text, "es")}
        seen: set[int] = set()
        for m in glossary.find(p.en.text, "en"):
            if m.concept.id in es_concepts or m.concept.id in seen:
                continue
            seen.add(m.concept.id)
            kind = kind_of[m.concept.type]
            major = kind == "name" or group(m.concept) in ("party", "instrument")
            out.append(_base_finding(kind, "major" if major else "minor", p.id,
                                     f"glossary term '{m.text}' has no target term"))
    return out


def _base_finding(kind: str, severity: str, node_id: str, message: str) -> Finding:
    return Finding(kind, severity, node_id, node_id, None, None, None, None, message, message, "baseline")


# --- tables --------------------------------------------------------------------------------------


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", metavar="PATH", help="also write results as JSON to PATH ('-' for stdout)")
    ap.add_argument("--encoder", default="use", help="encoder for mou_text.check (default: use)")
    ap.add_argument("--details", action="store_true", help="list every finding with its verdict")
    ap.add_argument("--only", nargs="*", help="evaluate only these manifest files")
    args = ap.parse_args(argv)

    manifest: dict[str, list[dict[str, Any]]] = json.loads((ALTERED / "manifest.json").read_text(encoding="utf-8"))
    files = [f for f in manifest if not args.only or f in args.only]
    en = load_mou("en")
    controls = [("faithful: corpora/mou/es.md", load_mou("es"))]
    alt = ROOT / "tests" / "data" / "mou_es_alt.md"
    if alt.exists() and not args.only:
        controls.append(("faithful: tests/data/mou_es_alt.md", parse(alt, lang="es")))

    results: dict[str, Any] = {"files": {}, "controls": {}}
    system_name = ""
    t0 = time.perf_counter()
    for name in files:
        es = parse(ALTERED / name, lang="es")
        sys_f, system_name = run_system(en, es, args.encoder)
        base_f = run_baseline(en, es)
        results["files"][name] = {
            "divergences": manifest[name],
            "system": {**score(sys_f, manifest[name]), "findings": [f.to_dict() for f in sys_f]},
            "baseline": {**score(base_f, manifest[name]), "findings": [f.to_dict() for f in base_f]},
        }
    for label, es in controls:
        sys_f, system_name = run_system(en, es, args.encoder)
        base_f = run_baseline(en, es)
        results["controls"][label] = {
            "system": {**score(sys_f, []), "findings": [f.to_dict() for f in sys_f]},
            "baseline": {**score(base_f, []), "findings": [f.to_dict() for f in base_f]},
        }
    elapsed = time.perf_counter() - t0

    # recall per kind
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, system, baseline
    for name in files:
        r = results["files"][name]
        for d, s, b in zip(r["divergences"], r["system"]["found"], r["baseline"]["found"]):
            per_kind[d["kind"]][0] += 1
            per_kind[d["kind"]][1] += s
            per_kind[d["kind"]][2] += b
    n_all = sum(v[0] for v in per_kind.values())
    s_all = sum(v[1] for v in per_kind.values())
    b_all = sum(v[2] for v in per_kind.values())

    lines = [f"# Alignment checker evaluation ({system_name}; encoder {args.encoder}; {elapsed:.0f} s)", ""]
    lines += ["## Recall per kind of injected divergence", "",
              "| kind | injected | system | recall | baseline | recall |", "|---|---:|---:|---:|---:|---:|"]
    for kind in FAMILIES:
        if kind in per_kind:
            n, s, b = per_kind[kind]
            lines.append(f"| {kind} | {n} | {s} | {pct(s, n)} | {b} | {pct(b, n)} |")
    lines.append(f"| **all** | **{n_all}** | **{s_all}** | **{pct(s_all, n_all)}** | **{b_all}** | **{pct(b_all, n_all)}** |")

    lines += ["", "## Per file", "",
              "| file | injected | found | false alarms | major+ FA | collateral | baseline found | baseline FA | baseline major+ FA |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    style_rows = []
    for name in files:
        r = results["files"][name]
        s, b = r["system"], r["baseline"]
        n = len(r["divergences"])
        if n == 0:
            style_rows.append((name, s, b))
            continue
        lines.append(f"| {name} | {n} | {sum(s['found'])} | {s['false_alarms']} | {s['major_false_alarms']} | "
                     f"{s['collateral']} | {sum(b['found'])} | {b['false_alarms']} | {b['major_false_alarms']} |")
    lines += ["", "## Style-only rewordings and faithful texts (no finding should be major)", "",
              "| text | system findings | system major+ | baseline findings | baseline major+ |", "|---|---:|---:|---:|---:|"]
    for name, s, b in style_rows:
        lines.append(f"| {name} | {len(s['verdicts'])} | {s['major_findings']} | {len(b['verdicts'])} | {b['major_findings']} |")
    for label, r in results["controls"].items():
        s, b = r["system"], r["baseline"]
        lines.append(f"| {label} | {len(s['verdicts'])} | {s['major_findings']} | {len(b['verdicts'])} | {b['major_findings']} |")

    altered = [results["files"][f] for f in files if manifest[f]]
    targets = {
        "recall_overall>=95%": n_all > 0 and s_all / n_all >= 0.95,
        "every_kind>=80%": all(v[1] / v[0] >= 0.8 for v in per_kind.values()),
        "style_no_major": all(s["major_findings"] == 0 for _, s, _ in style_rows),
        "<=1_major_false_alarm_per_document": all(r["system"]["major_false_alarms"] <= 1 for r in altered),
        "faithful_no_major": all(r["system"]["major_findings"] == 0 for r in results["controls"].values()),
    }
    lines += ["", "## Targets", "", "| target | met |", "|---|---|"]
    lines += [f"| {k} | {'yes' if v else '**no**'} |" for k, v in targets.items()]
    results["per_kind"] = {k: {"injected": v[0], "system": v[1], "baseline": v[2]} for k, v in per_kind.items()}
    results["targets"] = targets
    results["system_name"] = system_name

    if args.details:
        lines += ["", "## Findings", ""]
        for name in files + list(results["controls"]):
            r = results["files"].get(name) or results["controls"][name]
            lines.append(f"### {name}")
            for d, ok in zip(r.get("divergences", []), r["system"]["found"]):
                lines.append(f"- {'FOUND' if ok else 'MISSED'} {d['kind']} {d['en_id']} / {d['es_id']}: {d['description']}")
            for f, v in zip(r["system"]["findings"], r["system"]["verdicts"]):
                lines.append(f"  - [{v}] {f['severity']} {f['kind']} {f['en_id']} / {f['es_id']}: {f['message'][:140]}")
    print("\n".join(lines))
    if args.json:
        text = json.dumps(results, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            from mou_text._io import atomic_write_text

            atomic_write_text(args.json, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
