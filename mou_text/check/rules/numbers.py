"""Numbers, dates and cross-references that differ between the two versions of a clause.

A changed figure is the divergence a reader trusts a translation least to keep and a proof-reader
most often misses when it is written in words ("noventa (60) días", "el diecinueve de septiembre").
Each side of a pair is read into three multisets (plain numbers with their unit, calendar dates,
references to sections/articles/annexes) and the multisets are compared; whatever is left over on
one side is reported, as a change when the other side has a leftover of the same kind, with both
spans. Words that are numbers only sometimes ("one", "un", "both", "ambos", "first") may answer a
number on the other side but never raise a finding themselves, which keeps faithful texts silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...align import AlignedPair
from ...lang import MONTH_NAMES, DateMention, NumMention, fold, read_mentions
from .._finding import CheckContext, Finding
from ._side import Hit, Side, each_pair, make_finding, nearest, operative

CHECK = "numbers"

def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Figures, dates and references on one side only, or changed, in each aligned clause pair."""
    return each_pair(pairs, compare)


def compare(pair: AlignedPair, en: Side, es: Side) -> list[Finding]:
    a = read_mentions(en.text, "en", en.is_upper())
    b = read_mentions(es.text, "es", es.is_upper())
    sev = "critical" if operative(pair) else "major"
    out: list[Finding] = []

    # references and dates: exact keys
    for kind, xs, ys in (("cross_reference", a.refs, b.refs), ("date", a.dates, b.dates)):
        left_x, left_y = _match(xs, ys, key=lambda m: m.key)
        if kind == "cross_reference":
            # 'Article 5(2)' = 'Artículo 5, párrafo 2': a sub-label may stand as a reference of its own
            left_x = [r for r in left_x if not any(y.sub == r.label for y in ys)]
            left_y = [r for r in left_y if not any(x.sub == r.label for x in xs)]
            for x in xs:
                twin = next((y for y in ys if y.key == x.key and x.sub and y.sub and y.sub != x.sub), None)
                if twin is not None:
                    left_x.append(x)
                    left_y.append(twin)
        if kind == "date":
            left_x = [d for d in left_x if not _date_in_numbers(d, b.numbers, es.text) and not _bare_month(d, es.text)]
            left_y = [d for d in left_y if not _date_in_numbers(d, a.numbers, en.text) and not _bare_month(d, en.text)]
        out.extend(_report(kind, sev, pair, en, es, left_x, left_y))

    # numbers: value and unit, then value alone (a changed unit), then soft words
    hard_a = [m for m in a.numbers if not m.soft]
    hard_b = [m for m in b.numbers if not m.soft]
    left_a, left_b = _match(hard_a, hard_b, key=lambda m: (m.value, m.unit))
    left_a, same_value, left_b = _pair_by_value(left_a, left_b)
    unit_changes = [(m, twin) for m, twin in same_value if m.unit and twin.unit and m.unit != twin.unit]
    soft_b = [m for m in b.numbers if m.soft]
    soft_a = [m for m in a.numbers if m.soft]
    left_a = _pair_by_value(left_a, soft_b)[0]
    left_b = _pair_by_value(left_b, soft_a)[0]
    left_a = [m for m in left_a if not _number_in_dates(m, b.dates)]
    left_b = [m for m in left_b if not _number_in_dates(m, a.dates)]
    for m, n in unit_changes:
        out.append(make_finding(
            CHECK, "number", sev, pair, en, es, Hit(m.start, m.end, m.text), Hit(n.start, n.end, n.text),
            f"'{m.text}' means {m.show('en')} in English but {n.show('en')} in Spanish ('{n.text}')",
            f"'{n.text}' significa {n.show('es')} en español, pero {m.show('es')} en inglés ('{m.text}')",
        ))
    # a value the other side states answers its repetitions ('… 4.0 International — CC BY 4.0'):
    # at most a minor finding, since the figure itself is right
    vals_a, vals_b = {m.value for m in a.numbers}, {m.value for m in b.numbers}
    again_a = [m for m in left_a if m.value in vals_b]
    again_b = [m for m in left_b if m.value in vals_a]
    left_a = [m for m in left_a if m not in again_a]
    left_b = [m for m in left_b if m not in again_b]
    out.extend(_report("number", sev, pair, en, es, left_a, left_b))
    out.extend(_report("number", "minor", pair, en, es, again_a, again_b))
    return out


def _match(xs: list, ys: list, key) -> tuple[list, list]:
    rest = list(ys)
    left = []
    for x in xs:
        for y in rest:
            if key(x) == key(y):
                rest.remove(y)
                break
        else:
            left.append(x)
    return left, rest


def _pair_by_value(
    xs: list[NumMention], pool: list[NumMention]
) -> tuple[list[NumMention], list[tuple[NumMention, NumMention]], list[NumMention]]:
    """Each of ``xs`` paired with the first mention of ``pool`` of the same value not yet taken:
    the unpaired of ``xs``, the pairs, and what is left of ``pool``."""
    rest = list(pool)
    left, pairs = [], []
    for m in xs:
        twin = next((n for n in rest if n.value == m.value), None)
        if twin is None:
            left.append(m)
        else:
            rest.remove(twin)
            pairs.append((m, twin))
    return left, pairs, rest


def _date_in_numbers(d: DateMention, numbers: list[NumMention], other_text: str) -> bool:
    """A date the other side's reader did not assemble, but whose day and year it does state."""
    vals = [n.value for n in numbers]
    parts = [p for p in (d.day, d.year) if p is not None]
    if not parts or not all(p in vals for p in parts):
        return False
    folded = fold(other_text)
    return d.month is None or any(
        re.search(rf"\b{fold(name)[:3]}", folded) for name in (MONTH_NAMES["en"][d.month - 1], MONTH_NAMES["es"][d.month - 1])
    )


def _bare_month(d: DateMention, other_text: str) -> bool:
    """A month alone ("Mayo") answered by the month's name on the other side, which that side's reader
    leaves out when it is ambiguous ("May" is also the modal verb): written with its capital, it is
    the month ("May" → "Mayo" in a calendar)."""
    if d.month is None or d.day is not None or d.year is not None:
        return False
    names = (MONTH_NAMES["en"][d.month - 1], MONTH_NAMES["es"][d.month - 1].capitalize())
    return any(re.search(rf"(?<!\w){name}(?!\w)", other_text) for name in names)


def _number_in_dates(m: NumMention, dates: list[DateMention]) -> bool:
    return any(m.value in (d.day, d.year) for d in dates)


def _report(kind: str, sev: str, pair: AlignedPair, en: Side, es: Side, left_en: list, left_es: list) -> list[Finding]:
    out = []
    left_es = list(left_es)
    from ...lang import KIND_LABELS

    label = KIND_LABELS[kind]
    for m in left_en:
        hit = Hit(m.start, m.end, m.text)
        twin = None
        if left_es:
            twin_hit = nearest([Hit(x.start, x.end, x.text) for x in left_es], hit, len(en.text), len(es.text))
            twin = next(x for x in left_es if x.start == twin_hit.start)  # type: ignore[union-attr]
            left_es.remove(twin)
        if twin is not None:
            out.append(make_finding(
                CHECK, kind, sev, pair, en, es, hit, Hit(twin.start, twin.end, twin.text),
                f"{label[0].capitalize()} changed: '{m.text}' ({m.show('en')}) is '{twin.text}' ({twin.show('en')}) in Spanish",
                f"{label[1].capitalize()} {'distinto' if kind == 'number' else 'distinta'}: '{twin.text}' ({twin.show('es')}) en español, '{m.text}' ({m.show('es')}) en inglés",
            ))
        else:
            out.append(make_finding(
                CHECK, kind, sev, pair, en, es, hit, None,
                f"{label[0].capitalize()} '{m.text}' ({m.show('en')}) has no counterpart in the Spanish text",
                f"{'La' if kind != 'number' else 'El'} {label[1]} '{m.text}' ({m.show('es')}) del inglés no aparece en el texto en español",
            ))
    for y in left_es:
        out.append(make_finding(
            CHECK, kind, sev, pair, en, es, None, Hit(y.start, y.end, y.text),
            f"{label[0].capitalize()} '{y.text}' ({y.show('en')}) in the Spanish text has no counterpart in English",
            f"{'La' if kind != 'number' else 'El'} {label[1]} '{y.text}' ({y.show('es')}) del español no aparece en el texto en inglés",
        ))
    return out
