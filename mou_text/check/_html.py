"""The side-by-side HTML page of a :class:`~mou_text.report.CheckReport`.

One self-contained file: inline CSS and a few lines of plain JavaScript, no CDN, no font, no
network, so it opens the same on an air-gapped laptop years later. Every string that comes from a
document or a finding goes through :func:`html.escape` (a clause may contain ``<script>``). Spans
are marked with ``<mark data-f="f3 f7" data-sev="major minor">`` so the page can filter by severity
and, when a finding is clicked, scroll to and light up exactly its words in both columns.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from ._finding import SEVERITIES, SEVERITY_RANK, Finding

if TYPE_CHECKING:
    from ..document import Node
    from ._report import CheckReport

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d232a;background:#fafbfc}
header,section{padding:12px 24px}
h1{font-size:20px;margin:4px 0}h2{font-size:17px;margin:12px 0 6px}
pre.summary{background:#fff;border:1px solid #d9dee3;padding:10px;white-space:pre-wrap}
.ok{color:#17663a;font-weight:600}.ko{color:#a4161a;font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #e1e5ea;padding:6px 8px;vertical-align:top;text-align:left}
th{background:#f0f3f6;position:sticky;top:0}
#findings tbody tr{cursor:pointer}#findings tbody tr:hover{background:#eef5ff}
#findings tr.hidden,mark.hidden{display:none}
.filters label{margin-right:14px;white-space:nowrap}
.sev{font-weight:600;border-radius:3px;padding:0 5px;font-size:12px}
.sev-critical{background:#5c0a0f;color:#fff}.sev-major{background:#d62828;color:#fff}
.sev-minor{background:#f4a261}.sev-info{background:#a8dadc}
.alt{color:#5b6670;font-size:13px}
td.id{font:12px ui-monospace,Menlo,Consolas,monospace;color:#5b6670;white-space:nowrap}
td.missing{background:#fdecec;color:#8a1c1c;font-style:italic}
tr.moved td.id{color:#8a4b00}
mark{background:#ffe08a;padding:0 1px;border-radius:2px}
mark[data-top=major],mark[data-top=critical]{background:#ffb3b3}
mark[data-top=info]{background:#d7f0f1}
mark.off{background:none}
mark.active{outline:3px solid #1f6feb;background:#cfe3ff}
tr.active{background:#cfe3ff}
"""

_JS = """
(function(){
  var boxes=document.querySelectorAll('.filters input[data-sev]');
  function shown(){var s={};boxes.forEach(function(b){s[b.dataset.sev]=b.checked;});return s;}
  function apply(){
    var s=shown();
    document.querySelectorAll('#findings tbody tr').forEach(function(r){r.classList.toggle('hidden',!s[r.dataset.sev]);});
    document.querySelectorAll('mark[data-sev]').forEach(function(m){
      var on=m.dataset.sev.split(' ').some(function(v){return s[v];});m.classList.toggle('off',!on);});
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  function focus(row){
    document.querySelectorAll('.active').forEach(function(e){e.classList.remove('active');});
    row.classList.add('active');
    var marks=document.querySelectorAll('mark[data-f~="'+row.dataset.f+'"]');
    marks.forEach(function(m){m.classList.add('active');});
    var target=marks.length?marks[0]:document.getElementById(row.dataset.row);
    if(target){target.scrollIntoView({behavior:'smooth',block:'center'});
      if(!marks.length){target.classList.add('active');}}
  }
  document.querySelectorAll('#findings tbody tr').forEach(function(r){
    r.addEventListener('click',function(){focus(r);});
    r.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();focus(r);}});
  });
  apply();
})();
"""


def _esc(text: object) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _spans_by_side(findings: tuple[Finding, ...]) -> dict[str, list[tuple[int, int, int]]]:
    out: dict[str, list[tuple[int, int, int]]] = {"en": [], "es": []}
    for k, f in enumerate(findings):
        if f.en_span and f.en_span[1] > f.en_span[0]:
            out["en"].append((f.en_span[0], f.en_span[1], k))
        if f.es_span and f.es_span[1] > f.es_span[0]:
            out["es"].append((f.es_span[0], f.es_span[1], k))
    return out


def _both(key: str, lang: str, sep: str = " · ") -> str:
    """A heading in the page's language, then the other one: ``'Findings · Hallazgos'`` /
    ``'Hallazgos · Findings'`` (a translator reads both versions, so the page speaks both)."""
    from ..lang import REPORT_TEXT

    other = "es" if lang == "en" else "en"
    return f"{REPORT_TEXT[lang][key]}{sep}{REPORT_TEXT[other][key]}"


def _mark_title(k: int, f: Finding, lang: str) -> str:
    """A highlight's tooltip: ``#3 major: omission`` (the codes) in English, the labels in Spanish."""
    from ..lang import finding_terms

    severity, kind = finding_terms(f.severity, f.kind, lang)
    return f"#{k + 1} {severity}: {kind}"


def _marked(node: Node, spans: list[tuple[int, int, int]], findings: tuple[Finding, ...], lang: str = "en") -> str:
    """The node's text, escaped, with every finding span inside it wrapped in one ``<mark>`` per segment."""
    a, b = node.start, node.end
    inside = [(max(s, a), min(e, b), k) for s, e, k in spans if s < b and e > a]
    cuts = sorted({a, b, *(s for s, _, _ in inside), *(e for _, e, _ in inside)})
    parts = []
    for lo, hi in zip(cuts, cuts[1:]):
        seg = _esc(node.text[lo - a : hi - a]).replace("\n", "<br>")
        cover = [k for s, e, k in inside if s <= lo and e >= hi]
        if not cover:
            parts.append(seg)
            continue
        sevs = sorted({findings[k].severity for k in cover}, key=lambda s: -SEVERITY_RANK.get(s, 0))
        ids = " ".join(f"f{k + 1}" for k in cover)
        title = _esc(" | ".join(_mark_title(k, findings[k], lang) for k in cover))
        parts.append(f'<mark data-f="{ids}" data-sev="{" ".join(sevs)}" data-top="{sevs[0]}" title="{title}">{seg}</mark>')
    return "".join(parts)


def render(report: CheckReport, lang: str = "en") -> str:
    from ..lang import NO_DIVERGENCE, REPORT_TEXT, kind_label, severity_label

    other = "es" if lang == "en" else "en"
    findings = report.findings
    spans = _spans_by_side(findings)
    row_of: dict[tuple[str, str], str] = {}
    body = []
    for k, p in enumerate(report.pairs):
        rid = f"p{k + 1}"
        for n in p.en:
            row_of.setdefault(("en", n.id), rid)
        for n in p.es:
            row_of.setdefault(("es", n.id), rid)
        cells = []
        for side, nodes in (("en", p.en), ("es", p.es)):
            if nodes:
                inner = "<br>".join(_marked(n, spans[side], findings, lang) for n in nodes)
                cells.append(f'<td lang="{side}">{inner}</td>')
            else:
                cells.append(f'<td lang="{side}" class="missing">— {_both("no_counterpart", lang)} —</td>')
        ids = _esc(p.en_id or "—") + "<br>" + _esc(p.es_id or "—")
        extra = f" · {_esc(p.shape)}" if p.shape != "1-1" else ""
        extra += " · " + _both("moved", lang, "/") if p.reordered else ""
        cls = ' class="moved"' if p.reordered else ""
        unit = report.units.get(p.en_id or p.es_id or "") if report.units else None
        if unit:  # a CAT file's unit: what the tool says about it (state, qualifier, approval, notes)
            status = " · ".join(str(v) for v in (unit.get("state"), unit.get("state_qualifier")) if v)
            status += " · " + _both("approved", lang, "/") if unit.get("approved") else ""
            notes = " | ".join(unit.get("notes") or [])
            extra += f'<div class="alt">{_esc(status)}</div>' if status else ""
            extra += f'<div class="alt" title="{_esc(notes)}">✎ {_esc(notes[:60])}</div>' if notes else ""
        body.append(
            f'<tr id="{rid}"{cls} data-en="{_esc(p.en_id or "")}" data-es="{_esc(p.es_id or "")}">'
            f'<td class="id">{ids}{extra}</td>{"".join(cells)}</tr>'
        )

    frows = []
    for k, f in enumerate(findings):
        rid = ""
        for side, ids in (("en", f.en_id), ("es", f.es_id)):
            for i in (ids or "").split("+"):
                rid = rid or row_of.get((side, i), "")
        primary = f.message_es if lang == "es" else f.message
        secondary = f.message if lang == "es" else f.message_es
        quote = f.en_text if f.en_text else f.es_text
        frows.append(
            f'<tr data-f="f{k + 1}" data-sev="{_esc(f.severity)}" data-row="{rid}" tabindex="0">'
            f"<td>{k + 1}</td>"
            f'<td><span class="sev sev-{_esc(f.severity)}">{_esc(severity_label(f.severity, lang))}</span></td>'
            f"<td>{_esc(kind_label(f.kind, lang))}</td>"
            f'<td class="id">{_esc(f.en_id or "—")}<br>{_esc(f.es_id or "—")}</td>'
            f'<td><div lang="{lang}">{_esc(primary)}</div><div class="alt" lang="{other}">{_esc(secondary)}</div>'
            + (f'<div class="alt">“{_esc(quote if len(quote) <= 160 else quote[:157] + "…")}”</div>' if quote else "")
            + "</td></tr>"
        )
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
    filters = "".join(
        f'<label><input type="checkbox" data-sev="{s}" checked> <span class="sev sev-{s}">{severity_label(s, lang)} · '
        f'{severity_label(s, other)}</span> ({counts[s]})</label>'
        for s in reversed(SEVERITIES)
    )
    verdict_ok = report.is_conformant
    n_sub = len(report.at_least("major"))
    divergent = REPORT_TEXT[lang]["divergent_one" if n_sub == 1 else "divergent_many"].format(n=n_sub)
    verdict = (
        f'<p class="ok">{NO_DIVERGENCE[lang].capitalize()} · {NO_DIVERGENCE[other].capitalize()}</p>'
        if verdict_ok
        else f'<p class="ko">{divergent} · {REPORT_TEXT[other]["divergent"]}</p>'
    )
    heading = _both("title", lang)
    title = f"{heading} — {report.en.source or 'EN'} / {report.es.source or 'ES'}"
    signature = json.dumps(report.signature, ensure_ascii=False, indent=1, default=str)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{heading}</h1>{verdict}"
        f'<pre class="summary" lang="{lang}">{_esc(report.summary(lang))}</pre>'
        f"<details><summary>{_both('signature', lang)}</summary><pre>{_esc(signature)}</pre></details></header>\n"
        f'<section id="findings"><h2>{_both("findings", lang)}</h2>'
        f'<div class="filters">{_both("show", lang)}: {filters}</div>'
        f"<table><thead><tr><th>#</th><th>{_both('severity', lang)}</th><th>{_both('kind', lang)}</th><th>EN / ES</th>"
        f"<th>{_both('message', lang)}</th></tr></thead><tbody>"
        + "".join(frows)
        + "</tbody></table>"
        + ("" if frows else f"<p>{_both('no_findings', lang)}</p>")
        + "</section>\n"
        f'<section id="text"><h2>{_both("side_by_side", lang)}</h2>'
        f'<table class="parallel"><thead><tr><th>id</th><th lang="en">{_both("english", lang)}</th>'
        f'<th lang="es">{_both("spanish", lang)}</th></tr></thead><tbody>'
        + "\n".join(body)
        + "</tbody></table></section>\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )


