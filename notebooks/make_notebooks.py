"""Writes the three tutorial notebooks (outputs stripped). Edit here, then run: python notebooks/make_notebooks.py

Keeping the cells in one script makes notebook diffs readable in review; CI executes the .ipynb files.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SETUP = """from pathlib import Path
import matplotlib.pyplot as plt
import pandas as pd
import mou_text

ROOT = Path.cwd().parent if Path.cwd().name == "notebooks" else Path.cwd()
pd.set_option("display.max_colwidth", 90)"""

NB1 = [
    new_markdown_cell(
        "# 1. Parse and explore the MOU\n\nFor researchers: load the bundled English (signed) and Spanish (the project's "
        "working translation) texts, look at the clause tree and its DataFrame, pair the two versions and compare them."
    ),
    new_code_cell(SETUP),
    new_code_cell('en = mou_text.load_mou("en")\nes = mou_text.load_mou("es")\nen'),
    new_markdown_cell("Every clause has a language-independent id, a kind, its section and area, and exact character offsets."),
    new_code_cell('frame = en.to_frame()\nframe[["id", "kind", "section", "area", "text", "start", "end"]].head(15)'),
    new_code_cell('node = es["s3.iii.bullet.2"]\nassert es.text[node.start:node.end] == node.text\nnode.text, [s.text for s in node.sentences]'),
    new_code_cell("frame.groupby(['section', 'kind'], dropna=False).size().unstack(fill_value=0)"),
    new_markdown_cell("## The two versions side by side"),
    new_code_cell("par = mou_text.pair(en, es)\nprint(par)\npar"),
    new_code_cell(
        'pairs = par.to_frame()\npairs["en_chars"] = pairs["en_text"].str.len()\npairs["es_chars"] = pairs["es_text"].str.len()\n'
        'pairs["ratio"] = pairs["es_chars"] / pairs["en_chars"]\npairs[["id", "kind", "en_chars", "es_chars", "ratio"]].describe()'
    ),
    new_markdown_cell("Spanish usually runs 10–25% longer than English; a clause far outside that band is worth a look."),
    new_code_cell(
        'fig, axes = plt.subplots(1, 2, figsize=(12, 4))\n'
        'by_section = pairs.dropna(subset=["section"]).groupby("section")[["en_chars", "es_chars"]].sum()\n'
        'by_section.plot.bar(ax=axes[0], title="Characters per section")\n'
        'axes[1].scatter(pairs["en_chars"], pairs["es_chars"], s=12)\n'
        'lim = pairs[["en_chars", "es_chars"]].max().max()\n'
        'axes[1].plot([0, lim], [0, lim * 1.15], ls="--", lw=1, color="grey")\n'
        'axes[1].set(xlabel="English clause length", ylabel="Spanish clause length", title="Clause lengths EN vs ES")\n'
        'plt.tight_layout()\nplt.show()'
    ),
    new_markdown_cell("## Any agreement written the same way\n\nThe parser is not specific to this MOU: here is an ARTICLE/ARTÍCULO agreement in plain text with PDF-style wrapping."),
    new_code_cell(
        'water_en = mou_text.parse(ROOT / "tests/data/agreements/water/en.txt")\n'
        'water_es = mou_text.parse(ROOT / "tests/data/agreements/water/es.txt")\n'
        'water = mou_text.pair(water_en, water_es)\n'
        'print(water, water_es.sections)\nwater.to_frame()[["id", "kind", "en_text", "es_text"]].head(12)'
    ),
]

NB2 = [
    new_markdown_cell(
        "# 2. Tag a folder of reports by cooperation area\n\nFor evaluators and researchers: classify the sample reports shipped "
        "under `corpora/samples/reports` (English and Spanish; .md .txt .docx .html) by the MOU's four cooperation areas, "
        "look at the evidence behind each label, and adapt the classifier with a handful of labelled examples."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        'folder = ROOT / "corpora/samples/reports"\n'
        'reports = sorted(p for p in folder.iterdir() if p.suffix in {".md", ".txt", ".docx", ".html", ".pdf"})\n'
        'gold = pd.read_csv(folder / "labels.csv").fillna("")\n'
        'gold["labels"] = gold["labels"].map(lambda s: sorted(x for x in s.split(";") if x))\n'
        'len(reports), gold.head()'
    ),
    new_code_cell(
        "clf = mou_text.AreaClassifier.default()\npred = clf.predict(reports)\n"
        'pred["file"] = [Path(p).name for p in reports]\n'
        'pred[["file", "lang", "economic", "social", "security", "justice", "labels", "primary"]].round(2)'
    ),
    new_markdown_cell("Every prediction frame carries the signature of the run (encoder, thresholds, label set, model hash) for reproducibility."),
    new_code_cell("pred.attrs['signature']"),
    new_code_cell(
        'counts = pred.explode("labels")["labels"].value_counts().reindex(["economic", "social", "security", "justice"], fill_value=0)\n'
        'none = int((pred["labels"].map(len) == 0).sum())\n'
        'ax = pd.concat([counts, pd.Series({"none": none})]).plot.bar(title="Sample reports per area", rot=0)\n'
        'plt.show()'
    ),
    new_markdown_cell("## Evidence: which passage matched which MOU clause"),
    new_code_cell(
        "rows = []\n"
        "for file, ev in zip(pred['file'], pred['evidence']):\n"
        "    for e in ev:\n"
        "        rows.append({'file': file, **e})\n"
        "evidence = pd.DataFrame(rows)\nevidence.head(10)"
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
        "## Adapting to your own labels\n\nA head on frozen embeddings learns from a few labelled examples. Here we fit one on "
        "24 documents from the project's labelled corpus (train split) and compare with the zero-shot prototypes alone."
    ),
    new_code_cell(
        "from mou_text.classify import load_labelled\n"
        'train = load_labelled("train")  # the project\'s labelled corpus, fixed train split\n'
        "few = pd.concat([train[train['labels'].map(lambda ls, a=a: a in ls)].head(5) for a in ['economic', 'social', 'security', 'justice']]\n"
        "                + [train[train['labels'].map(len) == 0].head(4)])\n"
        'len(few), few["lang"].value_counts().to_dict()'
    ),
    new_code_cell(
        "zero_shot = mou_text.AreaClassifier.default(model=None)\n"
        'adapted = mou_text.AreaClassifier.default(model=None).fit(few["text"].tolist(), few["labels"].tolist())\n'
        'truth = gold.set_index("file").loc[[r.name for r in reports], "labels"].tolist()\n'
        "def exact_match(model):\n"
        '    predicted = model.predict(reports)["labels"]\n'
        "    return sum(sorted(p) == t for p, t in zip(predicted, truth)) / len(truth)\n"
        'pd.Series({"zero-shot prototypes": exact_match(zero_shot), "fitted on 24 examples": exact_match(adapted), '
        '"shipped head": exact_match(clf)}, name="exact label-set match on the samples")'
    ),
]

NB3 = [
    new_markdown_cell(
        "# 3. Verify a translation\n\nFor translators: check a Spanish version against the signed English text. "
        "`corpora/altered/` holds Spanish versions with known, injected divergences (see its `manifest.json`)."
    ),
    new_code_cell(SETUP),
    new_code_cell(
        "import json\n"
        'manifest = json.loads((ROOT / "corpora/altered/manifest.json").read_text(encoding="utf-8"))\n'
        "name = next(f for f, cases in manifest.items() if len(cases) >= 3)  # a version with several injected divergences\n"
        "pd.DataFrame(manifest[name])"
    ),
    new_code_cell(
        'en = mou_text.load_mou("en")\nreport = mou_text.check(en, ROOT / "corpora/altered" / name)\nprint(report.summary())\nreport'
    ),
    new_code_cell('report.to_frame()[["kind", "severity", "en_id", "es_id", "message"]]'),
    new_code_cell('report.to_frame(lang="es")[["kind", "severity", "es_id", "message"]].head()'),
    new_code_cell(
        'df = report.to_frame()\n'
        'order = ["info", "minor", "major", "critical"]\n'
        'table = pd.crosstab(df["kind"], df["severity"]).reindex(columns=[s for s in order if s in set(df["severity"])])\n'
        'table.plot.barh(stacked=True, title="Findings by kind and severity")\nplt.show()\ntable'
    ),
    new_markdown_cell("## Clause-by-clause similarity\n\nThe multilingual encoder puts English and Spanish in one space: a faithful pair sits on the diagonal."),
    new_code_cell(
        "from mou_text.embed import get_encoder\n"
        "enc = get_encoder()\n"
        "es_doc = report.es\n"
        "E = enc.encode([n.text for n in en.nodes])\nS = enc.encode([n.text for n in es_doc.nodes])\n"
        "sim = E @ S.T\n"
        "fig, ax = plt.subplots(figsize=(7, 6))\n"
        'im = ax.imshow(sim, cmap="viridis", vmin=0, vmax=1)\n'
        'ax.set(xlabel="Spanish clause", ylabel="English clause", title="Cross-lingual similarity")\n'
        "fig.colorbar(im)\nplt.show()"
    ),
    new_markdown_cell("## Export the report\n\nThe HTML page is self-contained (works offline, no CDN): side-by-side text, highlighted spans, a severity filter."),
    new_code_cell(
        'out = ROOT / "test-artifacts" / "notebook03"\nout.mkdir(parents=True, exist_ok=True)\n'
        'report.to_html(out / "report.html")\nreport.to_json(out / "report.json")\n'
        'sorted(p.name for p in out.iterdir())'
    ),
    new_code_cell('faithful = mou_text.check(en, mou_text.load_mou("es"))\nprint(faithful.summary())'),
]


def write(name: str, cells: list) -> None:
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, HERE / name)


if __name__ == "__main__":
    write("01_parse_and_explore.ipynb", NB1)
    write("02_tag_reports.ipynb", NB2)
    write("03_verify_translation.ipynb", NB3)
