"""Alignment and check time at 100 / 1k / 10k clauses, with nltk's Gale–Church on the same pairs.

Long pairs are synthesised from the bundled MOU: copy k of its 53 clause pairs gets renumbered
sections (``s3`` → ``s{3 + 4k}``) and prefixed unsectioned ids (``c7.recital.2``), and the Spanish
side of three copies in four is altered with a known gold alignment: one bullet omitted (later
bullets renumbered, as the parser would), two adjacent bullets merged, or two adjacent bullets
swapped.

Columns: ``align`` is mou-text's aligner with a fresh embedding cache, so it pays for every distinct
text once (the repeated MOU texts are deduplicated by the content-hash cache; ``--unique`` makes
every copy's texts distinct); ``of which USE`` is the time spent inside the model, which depends on
machine load far more than the DP does. ``align, no ids`` re-runs it with every Spanish id
scrambled, which forces the banded DP over the whole document. ``full check`` is the whole
``mou_text.check`` (every check module) on the warm cache, after one warm-up call that loads the
modules' tables. Gale–Church is ``nltk.translate.gale_church.align_blocks`` on character lengths,
given the gold copy boundaries as hard delimiters (its full O(n·m) DP over 10,000 × 10,000 clauses
would take hours; that is how it is used anyway, on sentences within aligned paragraphs). Accuracy
is link F1 against the gold alignment (links = aligned (EN clause, ES clause) pairs; 1-0/0-1 have none).

    python benchmarks/check_scale.py [--sizes 100,1000,10000] [--unique] [--no-check]
"""

from __future__ import annotations

import argparse
import math
import random
import time

from mou_text import load_mou
from mou_text.align import align
from mou_text.check import check
from mou_text.document import Document, Node, Sentence
from mou_text.embed import CachedEncoder, get_encoder


def gale_church(en_lengths: list[int], es_lengths: list[int]) -> list[tuple[int, int]]:
    """Gale–Church (1993) links between two blocks of clause lengths, via nltk (a test extra)."""
    from nltk.translate.gale_church import align_blocks

    return align_blocks(en_lengths, es_lengths)


# -- synthesis ----------------------------------------------------------------------------------------
def _renamed(node: Node, k: int, sections: int) -> str:
    if node.section is None:
        return f"c{k}.{node.id}"
    head, _, rest = node.id.partition(".")
    return f"s{int(head[1:]) + sections * k}" + (f".{rest}" if rest else "")


def _build(lang: str, rows: list[tuple[str, Node, str]]) -> Document:
    """A Document from (id, template node, text) rows; offsets and sentences rebuilt to match."""
    parts, nodes, pos = [], [], 0
    for node_id, tpl, text in rows:
        start, end = pos, pos + len(text)
        if text == tpl.text:
            sents = tuple(Sentence(s.text, s.start - tpl.start + start, s.end - tpl.start + start) for s in tpl.sentences)
        else:
            sents = (Sentence(text, start, end),)
        section = int(node_id[1:].split(".")[0]) if node_id.startswith("s") and node_id[1:2].isdigit() else None
        nodes.append(Node(node_id, tpl.kind, section, tpl.area, text, start, end, sents, tpl.label, tpl.title))
        parts.append(text)
        pos = end + 2
    return Document(lang=lang, text="\n\n".join(parts), nodes=tuple(nodes), source=f"synthetic-{lang}")


def synthesise(n_clauses: int, seed: int = 0, unique: bool = False):
    """(en, es, gold links) with about ``n_clauses`` English clauses."""
    en_mou, es_mou = load_mou("en"), load_mou("es")
    assert en_mou.ids == es_mou.ids, "the bundled pair is expected to pair 1-1 by id"
    sections = max(en_mou.sections)
    rng = random.Random(seed)
    copies = max(1, math.ceil(n_clauses / len(en_mou)))
    en_rows, es_rows, gold = [], [], []
    blocks: list[tuple[int, int, int, int]] = []  # (en_start, en_end, es_start, es_end) per copy
    lists: dict[str, list[int]] = {}
    for idx, node in enumerate(en_mou.nodes):
        if node.kind == "bullet":
            lists.setdefault(node.id.rsplit(".", 1)[0], []).append(idx)
    list_keys = sorted(lists)
    for k in range(copies):
        tag = f"({k + 1}) " if unique else ""
        e0, s0 = len(en_rows), len(es_rows)
        en_ids = [_renamed(n, k, sections) for n in en_mou.nodes]
        for n, i in zip(en_mou.nodes, en_ids):
            en_rows.append((i, n, tag + n.text))
        es_texts = [(n, tag + n.text, [e0 + j]) for j, n in enumerate(es_mou.nodes)]  # (template, text, gold EN rows)
        alteration = k % 4
        members = lists[rng.choice(list_keys)]
        at = rng.randrange(len(members) - 1)
        a, b = members[at], members[at + 1]
        if alteration == 1:  # omit one bullet
            es_texts[a] = None  # type: ignore[call-overload]
        elif alteration == 2:  # merge two adjacent bullets
            tpl, text, _ = es_texts[a]
            es_texts[a] = (tpl, text.rstrip(";. y") + ", y " + es_mou.nodes[b].text[0].lower() + es_mou.nodes[b].text[1:], [e0 + a, e0 + b])
            es_texts[b] = None  # type: ignore[call-overload]
        elif alteration == 3:  # swap two adjacent bullets
            es_texts[a], es_texts[b] = es_texts[b], es_texts[a]
        # renumber bullets positionally, as the parser does
        count: dict[str, int] = {}
        for j, entry in enumerate(es_texts):
            if entry is None:
                continue
            tpl, text, gold_en = entry
            node_id = _renamed(es_mou.nodes[j], k, sections)
            if tpl.kind == "bullet":
                key = node_id.rsplit(".", 1)[0]
                count[key] = count.get(key, 0) + 1
                node_id = f"{key}.{count[key]}"
            for g in gold_en:
                gold.append((g, len(es_rows)))
            es_rows.append((node_id, tpl, text))
        blocks.append((e0, len(en_rows), s0, len(es_rows)))
    return _build("en", en_rows), _build("es", es_rows), set(gold), blocks


def _scrambled(doc: Document) -> Document:
    nodes = tuple(Node(f"x{k}", n.kind, n.section, n.area, n.text, n.start, n.end, n.sentences, n.label, n.title) for k, n in enumerate(doc.nodes))
    return Document(doc.lang, doc.text, nodes, doc.source)


def links_of(pairs, en: Document, es: Document) -> set[tuple[int, int]]:
    en_pos = {n.id: i for i, n in enumerate(en.nodes)}
    es_pos = {n.id: j for j, n in enumerate(es.nodes)}
    return {(en_pos[a.id], es_pos[b.id]) for p in pairs for a in p.en for b in p.es}


def f1(found: set, gold: set) -> float:
    if not found or not gold:
        return 0.0
    tp = len(found & gold)
    if tp == 0:
        return 0.0
    prec, rec = tp / len(found), tp / len(gold)
    return 2 * prec * rec / (prec + rec)


class _Timed:
    """An encoder wrapper that adds up the time spent inside the model."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.dim, self.seconds = inner, inner.name, inner.dim, 0.0

    def encode(self, texts):
        t = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--unique", action="store_true", help="prefix every copy's texts with its number, so no text repeats and every clause is encoded")
    ap.add_argument("--no-check", action="store_true", help="skip the full check column")
    args = ap.parse_args()

    model = get_encoder("use", cache=False)  # load once (~2 s), outside every timing
    model.encode(["warm up"])
    gale_church([10, 20], [11, 22])  # import nltk outside the timings
    if not args.no_check:  # load every check module's tables outside the timings
        check(load_mou("en"), load_mou("es"), encoder=CachedEncoder(model))
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        en, es, gold, blocks = synthesise(size, unique=args.unique)
        timed = _Timed(model)
        enc = CachedEncoder(timed)  # fresh cache: this size pays for each distinct text once
        t = time.perf_counter()
        pairs = align(en, es, enc)
        t_align = time.perf_counter() - t
        t_model = timed.seconds
        f_ours = f1(links_of(pairs, en, es), gold)
        encoded = enc.misses

        es_x = _scrambled(es)
        timed.seconds = 0.0
        t = time.perf_counter()
        pairs_x = align(en, es_x, enc)
        t_noid = time.perf_counter() - t
        t_noid_model = timed.seconds
        f_noid = f1(links_of(pairs_x, en, es_x), gold)

        t_check = float("nan")
        if not args.no_check:
            t = time.perf_counter()
            report = check(en, es, encoder=enc)
            t_check = time.perf_counter() - t
            assert report.pairs

        t = time.perf_counter()
        gc_links = set()
        en_len = [len(n.text) for n in en.nodes]
        es_len = [len(n.text) for n in es.nodes]
        for e0, e1, s0, s1 in blocks:
            gc_links.update((e0 + i, s0 + j) for i, j in gale_church(en_len[e0:e1], es_len[s0:s1]))
        t_gc = time.perf_counter() - t
        f_gc = f1(gc_links, gold)
        rows.append((len(en), len(es), encoded, t_align, t_model, f_ours, t_noid, t_noid_model, f_noid, t_check, t_gc, f_gc))

    print(
        "| EN clauses | ES clauses | texts encoded | align (s) | of which USE (s) | align F1 | align, no ids (s) "
        "| of which USE (s) | no-ids F1 | full check, warm cache (s) | Gale–Church (s) | Gale–Church F1 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, m, encoded, ta, tm, fa, tn, tnm, fn, tc, tg, fg in rows:
        print(
            f"| {n:,} | {m:,} | {encoded:,} | {ta:.2f} | {tm:.2f} | {fa:.3f} | {tn:.2f} | {tnm:.2f} | {fn:.3f} | {tc:.2f} "
            f"| {tg:.2f} | {fg:.3f} |"
        )


if __name__ == "__main__":
    main()
