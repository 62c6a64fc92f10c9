"""Screenshots of the classifier's outputs for the docs: docs/img/portfolio.png and docs/img/classify_xlsx.png.

    mou-text classify corpora/samples/portfolio.csv --out results.xlsx --html portfolio.html
    python docs/make_screenshots.py results.xlsx portfolio.html

The portfolio page is shot as it is, in headless Chromium. The workbook is shot through an HTML
rendering of its first sheet made here from what openpyxl reads back (no spreadsheet program is
needed): column widths, hidden columns, the header's fill and filter buttons, number formats, text
wrapping and the colour scale's colours, with Excel's column letters and row numbers around it (each
row is cut at six lines, so that several fit the picture; a spreadsheet shows a wrapped cell whole). It
shows what the file asks a spreadsheet to display, which is what the tests check; the rendering is
not Excel's or LibreOffice's own. PNGs are reduced to a 256-colour palette to stay small.
"""

from __future__ import annotations

import html
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
IMG = HERE / "img"
PX_PER_CHAR = 7


def _scale_colour(value: float, start: str = "FFFFFF", end: str = "63BE7B") -> str:
    a = [int(start[i : i + 2], 16) for i in (0, 2, 4)]
    b = [int(end[i : i + 2], 16) for i in (0, 2, 4)]
    v = min(1.0, max(0.0, value))
    return "#" + "".join(f"{round(x + (y - x) * v):02X}" for x, y in zip(a, b))


def sheet_html(xlsx: Path, rows: int = 14) -> str:
    """The first sheet of ``xlsx`` as an HTML table that looks like a spreadsheet window."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(xlsx)
    ws = wb.worksheets[0]
    scaled: set[str] = set()
    for cf in ws.conditional_formatting:
        if any(r.type == "colorScale" for r in cf.rules):
            for rng in cf.sqref.ranges:
                for row in ws[rng.coord]:
                    scaled.update(c.coordinate for c in row)
    cols = [c for c in range(1, ws.max_column + 1) if not ws.column_dimensions[get_column_letter(c)].hidden]
    width = {c: int((ws.column_dimensions[get_column_letter(c)].width or 10) * PX_PER_CHAR) for c in cols}
    head = "".join(f'<th class="letter" style="width:{width[c]}px">{get_column_letter(c)}</th>' for c in cols)
    out = [f'<table style="width:{34 + sum(width.values())}px"><colgroup><col style="width:34px">{"".join(f"<col style=width:{width[c]}px>" for c in cols)}</colgroup>',
           f'<tr><th class="letter"></th>{head}</tr>']
    for r in range(1, min(ws.max_row, rows) + 1):
        cells = []
        for c in cols:
            cell = ws.cell(row=r, column=c)
            v = cell.value
            text = "" if v is None else (f"{v:.0%}" if cell.number_format == "0%" and isinstance(v, (int, float)) else str(v))
            style = []
            if cell.fill is not None and cell.fill.fgColor is not None and cell.fill.fill_type == "solid":
                style.append(f"background:#{str(cell.fill.fgColor.rgb)[-6:]}")
            if cell.coordinate in scaled and isinstance(v, (int, float)):
                style.append(f"background:{_scale_colour(float(v))}")
            if cell.font is not None and cell.font.bold:
                style.append("font-weight:bold")
            if isinstance(v, (int, float)):
                style.append("text-align:right")
            wrap = "wrap" if cell.alignment is not None and cell.alignment.wrap_text else "nowrap"
            button = '<span class="filter">▾</span>' if r == 1 and ws.auto_filter.ref else ""
            cells.append(f'<td class="{wrap}" style="{";".join(style)}"><div class="cell">{html.escape(text)}{button}</div></td>')
        out.append(f'<tr><th class="num">{r}</th>{"".join(cells)}</tr>')
    out.append("</table>")
    css = ("body{margin:0;font:12px Calibri,Carlito,'Liberation Sans',Arial,sans-serif;background:#fff}"
           "table{border-collapse:collapse;table-layout:fixed}td,th{border:1px solid #d4d4d4;padding:2px 4px;vertical-align:top;overflow:hidden}"
           "td.nowrap{white-space:nowrap;text-overflow:ellipsis}td.wrap{white-space:pre-wrap}.letter,.num{background:#efefef;color:#555;font-weight:normal;text-align:center}"
           ".filter{float:right;border:1px solid #999;font-size:9px;padding:0 2px;margin-left:3px;background:#fff}"
           "tr:nth-child(2) td{border-bottom:2px solid #888}.cell{max-height:7.5em;overflow:hidden}")
    caption = f'<div style="padding:4px 8px;background:#217346;color:#fff">{html.escape(xlsx.name)} — sheet “{html.escape(ws.title)}” (frozen at {ws.freeze_panes}, filter {ws.auto_filter.ref})</div>'
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{css}</style></head><body>{caption}{''.join(out)}</body></html>"


def shoot(page: Path, png: Path, size: str) -> None:
    chromium = next((c for c in ("chromium", "chromium-browser", "google-chrome") if subprocess.run(["which", c], capture_output=True).returncode == 0), None)
    if chromium is None:
        sys.exit("headless Chromium is needed (apt-get install chromium)")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={size}",
                    f"--screenshot={png}", page.as_uri()], check=True, capture_output=True)
    from PIL import Image

    Image.open(png).convert("RGB").quantize(256).save(png, optimize=True)


def main(xlsx: str, portfolio: str) -> None:
    IMG.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "sheet.html"
        page.write_text(sheet_html(Path(xlsx)), encoding="utf-8")
        shoot(page, IMG / "classify_xlsx.png", "1500,620")
    shoot(Path(portfolio).resolve(), IMG / "portfolio.png", "1200,1500")
    for name in ("classify_xlsx.png", "portfolio.png"):
        print(IMG / name, (IMG / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main(*sys.argv[1:3])
