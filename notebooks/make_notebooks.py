"""Writes the four tutorial notebooks (outputs stripped). Edit here, then run: python notebooks/make_notebooks.py

Keeping the cells in one script makes notebook diffs readable in review; CI executes the .ipynb files,
copied to a folder outside the repository, against the installed package (tests/test_notebooks.py).
So a notebook never guesses where a checkout is: bundled data comes through
``mou_text.resources.data_path`` (the wheel carries it), and outputs go to ``./outputs`` of wherever
the notebook runs.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """from pathlib import Path
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import pandas as pd
import mou_text
from mou_text.resources import data_path  # the bundled data, in the installed package or a checkout

OUT = Path("outputs")  # files this notebook writes, next to wherever it runs
OUT.mkdir(exist_ok=True)
pd.set_option("display.max_colwidth", 90)"""

SHELL = '''import subprocess, sys

def mou_text_cli(*args):
    """Run the mou-text command (the same as typing `mou-text ...` in a terminal) and show what it prints."""
    done = subprocess.run([sys.executable, "-m", "mou_text", *map(str, args)], capture_output=True, text=True)
    print(done.stdout + done.stderr)
    assert done.returncode in (0, 1), f"exit code {done.returncode}"'''

NB1 = [
    new_markdown_cell(
        "# 1. Parse and explore the MOU\n\nFor researchers: load the bundled English (signed) and Spanish (the project's "
        "working translation) texts, look at the clause tree and its DataFrame, pair the two versions and compare them."
    ),
    new_code_cell(SETUP),
    new_code_cell('en = mou_text.load_mou("en")\nes = mou_text.load_mou("es")\nen'),
    new_markdown_cell("Every clause has a language-independent id, a kind, its section and area, and exact character offsets."),
    new_code_cell('frame = en.to_frame()\nframe[["id", "kind", "section", "area", "text", "start", "end"]].head(15)'),
    new_code_cell(
        'node = es["s3.iii.bullet.2"]\nassert es.text[node.start:node.end] == node.text\n'
        'pd.DataFrame({"sentence": [s.text for s in node.sentences]}).rename_axis(f"sentences of {node.id}")'
    ),
    new_code_cell("frame.groupby(['section', 'kind'], dropna=False).size().unstack(fill_value=0)"),
    new_markdown_cell("## The two versions side by side"),
    new_code_cell("par = mou_text.pair(en, es)\npar"),
    new_code_cell(
        'pairs = par.to_frame()\npairs["en_chars"] = pairs["en_text"].str.len()\npairs["es_chars"] = pairs["es_text"].str.len()\n'
        'pairs["ratio"] = pairs["es_chars"] / pairs["en_chars"]\npairs[["id", "kind", "en_chars", "es_chars", "ratio"]].describe()'
    ),
    new_markdown_cell("Spanish usually runs 10–25% longer than English; a clause far outside that band is worth a look."),
    new_code_cell(
        'fig, axes = plt.subplots(1, 2, figsize=(12, 4))\n'
        'by_section = pairs.dropna(subset=["section"]).groupby("section")[["en_chars", "es_chars"]].sum()\n'
        'by_section.plot.bar(ax=axes[0], rot=0)\n'
        'axes[0].set(title="Characters per section", xlabel="MOU section", ylabel="characters")\n'
        'axes[0].legend(["English", "Spanish"])\n'
        'axes[1].scatter(pairs["en_chars"], pairs["es_chars"], s=12)\n'
        'lim = pairs[["en_chars", "es_chars"]].max().max()\n'
        'axes[1].plot([0, lim], [0, lim * 1.15], ls="--", lw=1, color="grey", label="Spanish 15% longer")\n'
        'axes[1].set(xlabel="English clause length (characters)", ylabel="Spanish clause length (characters)", title="Clause lengths EN vs ES")\n'
        'axes[1].legend()\nplt.tight_layout()\nplt.show()'
    ),
    new_markdown_cell(
        "## Any agreement written the same way\n\nThe parser is not specific to this MOU: here is an ARTICLE/ARTÍCULO "
        "agreement in plain text with PDF-style wrapping (an invented sample shipped with the package)."
    ),
    new_code_cell(
        'water_dir = data_path("corpora", "samples", "agreements", "water")\n'
        'water_en = mou_text.parse(water_dir / "en.txt")\n'
        'water_es = mou_text.parse(water_dir / "es.txt")\n'
        'water = mou_text.pair(water_en, water_es)\n'
        'print(water, "sections:", water_es.sections)\nwater.to_frame()[["id", "kind", "en_text", "es_text"]].head(12)'
    ),
]

NB2 = [
    new_markdown_cell(
        "# 2. Tag a folder of reports by cooperation area\n\nFor evaluators and researchers: classify the sample reports shipped "
        "with the package (English and Spanish; .md .txt .docx .html) by the MOU's four cooperation areas, look at the "
        "evidence behind each label, see the portfolio, and correct the machine: the review loop from the command line."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        'folder = data_path("corpora", "samples", "reports")\n'
        'reports = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt", ".docx", ".html", ".pdf"})\n'
        'gold = pd.read_csv(folder / "labels.csv").fillna("")\n'
        'gold["labels"] = gold["labels"].map(lambda s: sorted(x for x in s.split(";") if x))\n'
        'gold[["file", "lang", "labels"]].rename_axis(f"{len(reports)} sample reports and their hand labels")'
    ),
    new_code_cell(
        "clf = mou_text.AreaClassifier.default()\npred = clf.predict(reports)\n"
        'pred["file"] = [p.name for p in reports]\n'
        'pred[["file", "lang", "economic", "social", "security", "justice", "labels", "primary"]].round(2)'
    ),
    new_markdown_cell("Every prediction frame carries the signature of the run (encoder, thresholds, label set, model hash) for reproducibility."),
    new_code_cell("pd.Series(pred.attrs['signature'], name='value').to_frame()"),
    new_code_cell(
        'areas = ["economic", "social", "security", "justice"]\n'
        'counts = pred.explode("labels")["labels"].value_counts().reindex(areas, fill_value=0)\n'
        'none = int((pred["labels"].map(len) == 0).sum())\n'
        'ax = pd.concat([counts, pd.Series({"none of the areas": none})]).plot.bar(rot=0, color="#0072B2")\n'
        'ax.set(title="Sample reports per area (a report can have several)", xlabel="cooperation area", ylabel="number of reports")\n'
        'ax.yaxis.set_major_locator(MaxNLocator(integer=True))\nplt.show()'
    ),
    new_markdown_cell(
        "## Evidence: which passage matched which MOU clause\n\nThe clause is quoted in the report's own language: "
        "an English report cites the signed English MOU, a Spanish one the Spanish text."
    ),
    new_code_cell(
        "rows = []\n"
        "for file, lang, ev in zip(pred['file'], pred['lang'], pred['evidence']):\n"
        "    for e in ev:\n"
        "        rows.append({'file': file, 'lang': lang, 'area': e['area'], 'passage': e['passage'], 'clause': e['clause'],\n"
        "                     'clause_lang': e['clause_lang'], 'clause_text': e['clause_text'], 'score': e['score']})\n"
        "evidence = pd.DataFrame(rows)\nassert (evidence['lang'] == evidence['clause_lang']).all()\nevidence.head(8)"
    ),
    new_code_cell("clf.predict_one(reports[0])"),
    new_markdown_cell("## How it compares with the hand labels"),
    new_code_cell(
        'merged = pred.merge(gold, on="file", suffixes=("", "_gold"))\n'
        'merged["exact"] = merged["labels"].map(sorted) == merged["labels_gold"]\n'
        'print(f"exact label-set match: {merged.exact.mean():.0%} of {len(merged)} reports")\n'
        'merged[["file", "labels", "labels_gold", "exact"]]'
    ),
    new_markdown_cell(
        "## The portfolio\n\nA programme officer wants the picture: how many reports per area, per language, per year "
        "(here read from the file names; a CSV or XLSX of documents with `year`, `grantee` or `state` columns gives those "
        "breakdowns directly), which ones are uncertain, and the evidence of each. `to_html` writes it as one "
        "self-contained page (inline SVG charts, no network)."
    ),
    new_code_cell(
        'pred["year"] = [name[:4] for name in pred["file"]]\n'
        "portfolio = mou_text.Portfolio.from_predictions(pred)\n"
        'portfolio.to_html(OUT / "portfolio.html")\n'
        'portfolio.to_html(OUT / "portafolio.html", lang="es")\n'
        "portfolio"
    ),
    new_code_cell('portfolio.counts("lang")'),
    new_markdown_cell(
        "## From the shell: classify, review, fit\n\n`mou-text classify` tags a folder (or a table of documents) into a "
        "CSV, JSONL or a formatted workbook, with the portfolio page next to it. `mou-text review` picks what a person "
        "should look at into a workbook with one column per area to confirm or correct; `mou-text fit` trains a head on "
        "the answers plus the shipped training data, and prints how it does on the corrected documents held out, next "
        "to the head you had. Here the cells call the command through Python, as a terminal would."
    ),
    new_code_cell(SHELL),
    new_code_cell('mou_text_cli("classify", folder, "--out", OUT / "results.xlsx", "--html", OUT / "portfolio_cli.html", "--no-progress")'),
    new_code_cell(
        'sheet = pd.read_excel(OUT / "results.xlsx", sheet_name="areas")\n'
        'sheet[["path", "economic", "social", "security", "justice", "labels", "primary", "evidence_text"]].head(4)'
    ),
    new_code_cell('mou_text_cli("review", OUT / "results.xlsx", "--out", OUT / "review.xlsx", "--all")'),
    new_markdown_cell(
        "An evaluator now opens `review.xlsx`, reads the evidence and puts 1 or 0 (or x) under each area, and an x under "
        "*reviewed*. Here the hand labels of `labels.csv` stand in for that person:"
    ),
    new_code_cell(
        "from openpyxl import load_workbook\n"
        'truth = dict(zip(gold["file"], gold["labels"]))\n'
        'book = load_workbook(OUT / "review.xlsx")\nsheet = book["review"]\nheader = [c.value for c in sheet[1]]\n'
        "for row in sheet.iter_rows(min_row=2):\n"
        "    labels = truth[Path(row[0].value).name]\n"
        "    for area in areas:\n"
        '        row[next(i for i, h in enumerate(header) if h.startswith(area + " ·"))].value = 1 if area in labels else 0\n'
        '    row[header.index("reviewed · revisado (x)")].value = "x"\n'
        'book.save(OUT / "review.xlsx")\n'
        'pd.read_excel(OUT / "review.xlsx").iloc[:, [0, 2, *range(9, 14)]].head()'
    ),
    new_code_cell('mou_text_cli("fit", OUT / "review.xlsx", "--out", OUT / "my-head")'),
    new_code_cell('mou_text_cli("classify", folder, "--model", OUT / "my-head", "--no-progress")'),
    new_markdown_cell(
        "The same in Python: `mou_text.classify.fit_corrections(texts, labels, base=...)` returns the new classifier "
        "and a `FitComparison` (`to_frame()`), and `AreaClassifier.load(\"outputs/my-head\")` loads the saved head."
    ),
]

NB3 = [
    new_markdown_cell(
        "# 3. Verify a translation\n\nFor translators: check a Spanish version against the signed English text. "
        "The package ships Spanish versions with known, injected divergences (`corpora/altered`, see its `manifest.json`)."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        "import json\n"
        'altered = data_path("corpora", "altered")\n'
        'manifest = json.loads((altered / "manifest.json").read_text(encoding="utf-8"))\n'
        "name = next(f for f, cases in manifest.items() if len(cases) >= 3)  # a version with several injected divergences\n"
        "pd.DataFrame(manifest[name])"
    ),
    new_code_cell('en = mou_text.load_mou("en")\nreport = mou_text.check(en, altered / name)\nreport  # the summary, then the findings'),
    new_code_cell('report.to_frame()[["kind", "severity", "en_id", "es_id", "message"]]'),
    new_code_cell('report.to_frame(lang="es")[["kind", "severity", "es_id", "message"]].head()'),
    new_code_cell(
        'df = report.to_frame()\n'
        'order = ["info", "minor", "major", "critical"]\n'
        'table = pd.crosstab(df["kind"], df["severity"]).reindex(columns=[s for s in order if s in set(df["severity"])])\n'
        'ax = table.plot.barh(stacked=True, color={"info": "#56B4E9", "minor": "#E69F00", "major": "#D55E00", "critical": "#8B0000"})\n'
        'ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts are whole findings\n'
        'ax.set(title="Findings by kind and severity", xlabel="number of findings", ylabel="kind of divergence")\n'
        'ax.legend(title="severity")\nplt.tight_layout()\nplt.show()\ntable'
    ),
    new_markdown_cell(
        "## Clause-by-clause similarity\n\nThe multilingual encoder puts English and Spanish in one space: a faithful pair "
        "sits on the diagonal. A clause omitted from the Spanish has no bright cell in its row (marked in red)."
    ),
    new_code_cell(
        "from mou_text.embed import get_encoder\n"
        "import numpy as np\n"
        "enc = get_encoder()\n"
        "es_doc = report.es\n"
        "E = enc.encode([n.text for n in en.nodes])\nS = enc.encode([n.text for n in es_doc.nodes])\n"
        "sim = E @ S.T\n"
        "fig, ax = plt.subplots(figsize=(11, 10))\n"
        'im = ax.imshow(sim, cmap="viridis", vmin=0, vmax=1)\n'
        "en_ids, es_ids = [n.id for n in en.nodes], [n.id for n in es_doc.nodes]\n"
        "ax.set_yticks(range(len(en_ids)), en_ids, fontsize=6)\n"
        "ax.set_xticks(range(len(es_ids)), es_ids, fontsize=6, rotation=90)\n"
        'omitted = [f.en_id for f in report.findings if f.kind == "omission" and f.en_id in en_ids]\n'
        "from matplotlib.patches import Rectangle\n"
        "for clause in omitted:  # outline the row, label it on a white box\n"
        "    row = en_ids.index(clause)\n"
        '    ax.add_patch(Rectangle((-0.5, row - 0.5), len(es_ids), 1, fill=False, edgecolor="red", lw=2))\n'
        '    ax.annotate(f"{clause}: omitted in the Spanish (no bright cell in its row)", xy=(len(es_ids) * 0.5, row), xytext=(len(es_ids) * 0.3, row - 6),\n'
        '                color="red", fontsize=10, bbox={"facecolor": "white", "edgecolor": "red"}, arrowprops={"arrowstyle": "->", "color": "red"})\n'
        'ax.set(xlabel="Spanish clause (id)", ylabel="English clause (id)", title="Cross-lingual similarity of every clause pair")\n'
        'fig.colorbar(im, label="cosine similarity", shrink=0.8)\nplt.tight_layout()\nplt.show()\nomitted'
    ),
    new_markdown_cell("## Export the report\n\nThe HTML page is self-contained (works offline, no CDN): side-by-side text, highlighted spans, a severity filter."),
    new_code_cell(
        'report.to_html(OUT / "report.html")\nreport.to_json(OUT / "report.json")\nreport.to_xlsx(OUT / "report.xlsx", lang="es")\n'
        'pd.DataFrame({"file": sorted(p.name for p in OUT.iterdir() if p.name.startswith("report"))})'
    ),
    new_code_cell('faithful = mou_text.check(en, mou_text.load_mou("es"))\nprint(faithful.summary())'),
]

NB4 = [
    new_markdown_cell(
        "# 4. Check a translation memory: TMX and XLIFF in, an annotated file out\n\nFor translators who work in a CAT tool "
        "(OmegaT, Trados, memoQ): the English source and Spanish draft of an agreement usually live in an XLIFF file or a "
        "TMX memory, not in two documents. mou-text reads either into a `ParallelDocument` whose clauses carry the units' "
        "ids, checks it, and the findings can go back into the file as notes the CAT tool shows next to each segment. The "
        "sample files hold the bundled MOU and a Spanish draft with three injected divergences."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        'cat = data_path("corpora", "samples", "cat")\n'
        'memory = mou_text.pair_from_xliff(cat / "mou_draft_es.xlf")\n'
        'print(memory)\nmemory.to_frame()[["id", "en_text", "es_text"]].head(8)'
    ),
    new_markdown_cell("Check the two sides the file holds, paired unit by unit:"),
    new_code_cell(
        "report = mou_text.check(memory.en, memory.es)\n"
        'findings = report.to_frame()[["kind", "severity", "en_id", "message"]]\nfindings'
    ),
    new_markdown_cell("The TMX memory of the same draft gives the same findings: the format does not change the verdict."),
    new_code_cell(
        'tmx = mou_text.pair_from_tmx(cat / "mou_draft_es.tmx")\n'
        "from_tmx = mou_text.check(tmx.en, tmx.es)\n"
        'same = sorted(from_tmx.to_frame()["kind"]) == sorted(findings["kind"])\n'
        'pd.DataFrame({"file": ["XLIFF", "TMX"], "findings": [len(report.findings), len(from_tmx.findings)], "same kinds": [same, same]})'
    ),
    new_code_cell(
        'ax = report.to_frame()["severity"].value_counts().reindex(["critical", "major", "minor", "info"], fill_value=0).plot.bar(\n'
        '    rot=0, color=["#8B0000", "#D55E00", "#E69F00", "#56B4E9"])\n'
        'ax.yaxis.set_major_locator(MaxNLocator(integer=True))\n'
        'ax.set(title="Findings in the XLIFF draft by severity", xlabel="severity", ylabel="number of findings")\nplt.show()'
    ),
    new_markdown_cell(
        "## The annotated file\n\nEach finding becomes a `<note>` in the unit it concerns (XLIFF 1.2 `note`, with a "
        "priority: 1 for critical, 2 for major), so the translator sees it in the CAT tool next to the segment. The file is "
        "otherwise unchanged and still reads back."
    ),
    new_code_cell(
        "from lxml import etree\n"
        'NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}\n'
        "tree = etree.parse(str(cat / \"mou_draft_es.xlf\"), etree.XMLParser(resolve_entities=False, no_network=True))\n"
        "units = {u.get(\"resname\") or u.get(\"id\"): u for u in tree.iterfind(\".//x:trans-unit\", NS)}\n"
        'priority = {"critical": "1", "major": "2", "minor": "3", "info": "5"}\n'
        "annotated = 0\n"
        "for f in report.findings:\n"
        "    unit = units.get(f.en_id) if f.en_id in units else units.get(f.es_id)\n"
        "    if unit is None:\n"
        "        continue  # a finding about the whole file\n"
        '    note = etree.SubElement(unit, f"{{{NS[\'x\']}}}note", {"from": "mou-text", "priority": priority[f.severity]})\n'
        '    note.text = f"[{f.severity}] {f.kind}: {f.message} / {f.message_es}"\n'
        "    annotated += 1\n"
        'checked = OUT / "mou_draft_es.checked.xlf"\n'
        'tree.write(str(checked), xml_declaration=True, encoding="UTF-8")\n'
        "again = mou_text.pair_from_xliff(checked)  # still a valid XLIFF file\n"
        'print(f"{annotated} notes written to {checked}; {len(again)} units read back")\n'
        'print(etree.tostring(next(iter(tree.iterfind(".//x:note", NS))).getparent(), encoding="unicode")[:900])'
    ),
    new_markdown_cell(
        "From the shell, `mou-text check` reads the two texts (or the documents of a CAT file) and writes the HTML, JSON and "
        "workbook reports; `mou-text export-tm` writes a checked pair as TMX or XLIFF for the CAT tool."
    ),
    new_code_cell(SHELL),
    new_code_cell('mou_text_cli("export-tm", "--xliff", OUT / "mou_bundled.xlf")\nmou_text.pair_from_xliff(OUT / "mou_bundled.xlf")'),
]


def write(name: str, cells: list) -> None:
    for n, cell in enumerate(cells):
        cell["id"] = f"cell-{n:02d}"  # stable ids: a regenerated notebook diffs only where a cell changed
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, HERE / name)


if __name__ == "__main__":
    write("01_parse_and_explore.ipynb", NB1)
    write("02_tag_reports.ipynb", NB2)
    write("03_verify_translation.ipynb", NB3)
    write("04_translation_memories.ipynb", NB4)
