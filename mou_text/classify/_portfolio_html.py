"""The portfolio as one self-contained HTML page: inline SVG charts, no script, every string escaped.

Charts are drawn here as SVG rather than with a plotting library, so the page needs nothing at run
time (offline, no CDN, no matplotlib in the install) and every label is text a browser can search and
a screen reader can read. Breakdowns are small multiples (one panel per area on one scale), the form
that stays honest when a document counts in several areas. A document's evidence sits in a
``<details>`` element: it opens on click with no JavaScript.
"""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING

from ..lang import CLASSIFY_TEXT, REVIEW_REASONS, area_name, check_lang

if TYPE_CHECKING:
    from ._portfolio import Portfolio, PortfolioDoc

__all__ = ["bars_svg", "render", "summary_html"]

#: One colour per area (colour-blind safe, Okabe–Ito), grey for "none".
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
NONE_COLOUR = "#999999"

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:1.5em auto;max-width:1150px;color:#222;padding:0 1em}
h1{margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.cards{display:flex;gap:1em;flex-wrap:wrap;margin:1em 0}.card{border:1px solid #ddd;border-radius:6px;padding:.6em 1em;min-width:8em}
.card b{display:block;font-size:1.8em}.panels{display:flex;flex-wrap:wrap;gap:.5em}
table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right}details{border:1px solid #e3e3e3;border-radius:4px;margin:.3em 0;padding:.3em .6em}
summary{cursor:pointer}summary .tags{color:#555}.ev{margin:.4em 0 .6em 1em}.ev blockquote{margin:.2em 0 .2em 1em;padding-left:.6em;border-left:3px solid #ccc}
.clause{color:#444;font-size:.92em}.reason{display:inline-block;background:#fff3cd;border-radius:3px;padding:0 4px;margin-right:3px;font-size:.9em}
.muted{color:#666}svg text{font-family:inherit}
"""


def bars_svg(labels: list[str], values: list[int], vmax: int, *, title: str, xlabel: str, colours: list[str] | str, width: int = 420) -> str:
    """A horizontal bar chart as inline SVG: one bar per label, its count at its end, an x axis with
    integer ticks and a label, and a title; ``vmax`` fixes the scale so panels compare."""
    left, right, top, bar, gap = min(170, 12 + 7 * max((len(x) for x in labels), default=4)), 40, 28, 18, 6
    plot = width - left - right
    height = top + len(labels) * (bar + gap) + 42
    vmax = max(vmax, 1)
    step = max(1, _nice_step(vmax))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
           f"<title>{escape(title)}</title>",
           f'<text x="{width / 2:.0f}" y="16" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>']
    axis_y = top + len(labels) * (bar + gap)
    for t in range(0, vmax + 1, step):
        x = left + plot * t / vmax
        out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{axis_y}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 14}" text-anchor="middle" font-size="11">{t}</text>')
    for i, (label, v) in enumerate(zip(labels, values)):
        y = top + i * (bar + gap)
        colour = colours if isinstance(colours, str) else colours[i % len(colours)]
        w = plot * v / vmax
        out.append(f'<text x="{left - 6}" y="{y + bar - 5}" text-anchor="end" font-size="12">{escape(label)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}"><title>{escape(label)}: {v}</title></rect>')
        out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar - 5}" font-size="12">{v}</text>')
    out.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + plot}" y2="{axis_y}" stroke="#333"/>')
    out.append(f'<text x="{min(left + plot / 2, width / 2):.0f}" y="{axis_y + 32}" text-anchor="middle" font-size="12">{escape(xlabel)}</text>')
    out.append("</svg>")
    return "".join(out)


def _nice_step(vmax: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if vmax / step <= 8:
            return step
    return max(1, vmax // 8)


def _pct(v: float | None) -> str:
    return "" if v is None else f"{v:.0%}"


def _labels_text(d: PortfolioDoc, lang: str) -> str:
    return ", ".join(area_name(a, lang) for a in d.labels) or CLASSIFY_TEXT[lang]["none"]


def _group_name(dim: str, value: str, lang: str) -> str:
    t = CLASSIFY_TEXT[lang]
    return t["langs"].get(value, value) if dim == "lang" else (value or "—")


def _breakdown(p: Portfolio, dim: str, lang: str) -> str:
    t = CLASSIFY_TEXT[lang]
    counts = p.counts(dim)
    groups = [str(g) for g in counts.index]
    names = [_group_name(dim, g, lang) for g in groups]
    dim_name = t["lang"] if dim == "lang" else dim
    vmax = int(counts[[*p.areas, "none"]].to_numpy().max()) if len(counts) else 1
    panels = [
        bars_svg(names, [int(counts.loc[g, a]) for g in groups], vmax, title=area_name(a, lang), xlabel=t["count"], colours=COLOURS[k % len(COLOURS)], width=222)
        for k, a in enumerate(p.areas)
    ]
    panels.append(bars_svg(names, [int(counts.loc[g, "none"]) for g in groups], vmax, title=t["none_long"], xlabel=t["count"], colours=NONE_COLOUR, width=222))
    head = "".join(f"<th>{escape(h)}</th>" for h in [dim_name, *(area_name(a, lang) for a in p.areas), t["none"], t["uncertain"], t["documents"]])
    body = "".join(
        "<tr><td>" + escape(n) + "</td>" + "".join(f'<td class="n">{int(counts.loc[g, c])}</td>' for c in [*p.areas, "none", "uncertain", "documents"]) + "</tr>"
        for g, n in zip(groups, names)
    )
    return (f'<section class="breakdown" data-dim="{escape(dim)}"><h2>{escape(t["per"].format(dim=dim_name))}</h2>'
            f'<div class="panels">{"".join(panels)}</div><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>')


def _evidence(d: PortfolioDoc, p: Portfolio, lang: str) -> str:
    t = CLASSIFY_TEXT[lang]
    if d.error:
        return f"<p><b>{escape(t['error'])}:</b> {escape(d.error)}</p>"
    meta = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in d.meta.items() if v)
    scores = "".join(f"<tr><th>{escape(area_name(a, lang))}</th><td class='n'>{_pct(s)}</td></tr>" for a, s in d.scores.items())
    items = "".join(
        f'<div class="ev" data-area="{escape(e.area)}"><b>{escape(area_name(e.area, lang))}</b> '
        f'<span class="muted">({escape(t["score"])} {_pct(e.score)})</span><blockquote>{escape(e.passage)}</blockquote>'
        f'<div class="clause">{escape(t["clause"])} <code>{escape(e.clause)}</code>: “{escape(e.clause_text)}”</div></div>'
        for e in d.evidence
    ) or f'<p class="muted">{escape(t["no_evidence"])}</p>'
    return f"<table>{scores}{meta}</table>{items}"


def _doc_details(d: PortfolioDoc, p: Portfolio, lang: str) -> str:
    t = CLASSIFY_TEXT[lang]
    reasons = "".join(f'<span class="reason">{escape(REVIEW_REASONS[lang][r])}</span>' for r in d.reasons)
    tags = escape(d.error and t["error"] or _labels_text(d, lang))
    return (f'<details class="doc" data-uncertain="{int(d.uncertain)}"><summary><b>{escape(d.key)}</b> '
            f'<span class="tags">— {tags}</span> {reasons}</summary>{_evidence(d, p, lang)}</details>')


def render(p: Portfolio, lang: str = "en") -> str:
    """The whole page in ``lang`` ('en' or 'es')."""
    check_lang(lang)
    t = CLASSIFY_TEXT[lang]
    ok = [d for d in p.docs if not d.error]
    cards = [(len(p.docs), t["documents"]), (sum(bool(d.labels) for d in ok), t["labelled"]),
             (sum(not d.labels for d in ok), t["none_long"]), (len(p.uncertain), t["uncertain"]), (len(p.docs) - len(ok), t["errors"])]
    total = p.counts()
    area_counts = [int(total.iloc[0][a]) if len(total) else 0 for a in p.areas]
    none = int(total.iloc[0]["none"]) if len(total) else 0
    main_chart = bars_svg([area_name(a, lang) for a in p.areas] + [t["none_long"]], area_counts + [none], max(area_counts + [none, 1]),
                          title=t["per_area"], xlabel=t["count"], colours=[*COLOURS[: len(p.areas)], NONE_COLOUR], width=620)
    sections = [_breakdown(p, "lang", lang)] + [_breakdown(p, dim, lang) for dim in p.dimensions]
    unc_rows = "".join(
        f"<tr><td>{escape(d.key)}</td><td>{escape(t['langs'].get(d.lang or '', d.lang or ''))}</td>"
        + "".join(f"<td class='n'>{_pct(d.scores.get(a))}</td>" for a in p.areas)
        + f"<td>{escape(_labels_text(d, lang))}</td><td>{escape(', '.join(REVIEW_REASONS[lang][r] for r in d.reasons))}</td></tr>"
        for d in p.uncertain
    )
    unc_head = "".join(f"<th>{escape(h)}</th>" for h in [t["document"], t["lang"], *(area_name(a, lang) for a in p.areas), t["labels"], t["reasons"]])
    uncertain = (f'<table id="uncertain"><thead><tr>{unc_head}</tr></thead><tbody>{unc_rows}</tbody></table>' if unc_rows
                 else f'<p id="uncertain" class="muted">{escape(t["no_uncertain"])}</p>')
    sig = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str))}</td></tr>" for k, v in p.signature.items())
    return "".join([
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        f"<title>{escape(t['title'])}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(t['title'])}</h1><p>{escape(t['intro'])}</p>",
        '<div class="cards">' + "".join(f'<div class="card"><b>{n}</b>{escape(label)}</div>' for n, label in cards) + "</div>",
        f'<section id="areas">{main_chart}</section>',
        *sections,
        f'<h2>{escape(t["uncertain_title"])}</h2><p>{escape(t["uncertain_intro"].format(margin=p.margin, confident=p.confident))}</p>{uncertain}',
        f'<h2>{escape(t["all_title"])}</h2><p>{escape(t["all_intro"])}</p><div id="documents">',
        *(_doc_details(d, p, lang) for d in p.docs),
        f'</div><h2>{escape(t["signature"])}</h2><table id="signature">{sig}</table></body></html>',
    ])


def summary_html(p: Portfolio) -> str:
    """The notebook view: the per-area counts and the number of uncertain documents."""
    return (f"<p><b>Portfolio</b>: {len(p.docs)} documents, {len(p.uncertain)} uncertain; "
            f"breakdowns by {escape(', '.join(['lang', *p.dimensions]))}</p>" + p.counts().to_html())
