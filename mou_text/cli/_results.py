"""The results file of ``mou-text classify``: one record per file, streamed to ``F.partial`` while a
run goes, read back for ``--resume`` (from ``F.partial`` or a finished CSV/JSONL/XLSX), and written out
as the final CSV, JSONL or XLSX one record at a time, so no list of all rows is ever held.

Why this module is long: each format's writer sits next to the reader that takes it back for
``--resume`` (and the record check both use), so a change to one cannot drift from the other.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

#: Largest CSV cell read back (csv's default of 128 KB is less than a long evidence passage list).
CSV_FIELD_LIMIT = 2**31 - 1
#: Output formats by extension.
FORMATS = (".csv", ".xlsx", ".jsonl")
#: The sidecar results stream next to ``--out F`` while a run is going: ``F.partial``.
PARTIAL = ".partial"
#: Version of the ``.partial`` layout, stored in its header line.
PARTIAL_VERSION = 1
#: Signature keys allowed to differ between a run and its ``--resume`` (none yet: every key, the
#: library version included, can change a result).
VOLATILE: frozenset[str] = frozenset()


def partial_path(out: Path) -> Path:
    """Where the results of a run writing ``out`` accumulate until it ends."""
    return out.with_name(out.name + PARTIAL)


# -- one record per file ------------------------------------------------------------------------------


def columns(areas: Iterable[str]) -> list[str]:
    return ["path", "lang", *areas, "labels", "primary", "confidence", "evidence", "error"]


def record(pred: Any, areas: tuple[str, ...]) -> dict[str, Any]:
    """A prediction as plain JSON data: labels and evidence as lists, no score (None) for a failed file."""
    rec: dict[str, Any] = {"path": pred.path, "lang": pred.lang}
    rec.update({a: (None if pred.error else float(pred.scores[a])) for a in areas})
    rec["labels"] = list(pred.labels)
    rec["primary"] = pred.primary
    rec["confidence"] = pred.confidence
    rec["evidence"] = [e.to_dict() for e in pred.evidence]
    rec["error"] = pred.error or ""
    return rec


#: A CSV cell starting with one of these is a formula to Excel and LibreOffice (CSV injection): it is
#: written with a leading apostrophe, which spreadsheets hide, and read back without it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: Any) -> Any:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _csv_unsafe(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def _cells(rec: dict[str, Any], areas: tuple[str, ...]) -> list[Any]:
    """A record as a CSV/XLSX row: labels ';'-joined, evidence as JSON text, missing values empty."""
    return [
        rec["path"],
        rec["lang"] or "",
        *(rec[a] for a in areas),
        ";".join(rec["labels"]),
        rec["primary"] or "",
        rec.get("confidence") or "",
        json.dumps(rec["evidence"], ensure_ascii=False),
        rec["error"] or "",
    ]


def _from_cells(row: dict[str, Any], areas: tuple[str, ...]) -> dict[str, Any]:
    """The inverse of :func:`_cells`, for a row read back from a finished CSV or XLSX."""

    def text(v: Any) -> str:
        return "" if v is None else _csv_unsafe(str(v))

    rec: dict[str, Any] = {"path": text(row["path"]), "lang": text(row["lang"]) or None}
    for a in areas:
        v = row[a]
        rec[a] = None if v is None or v == "" or (isinstance(v, float) and math.isnan(v)) else float(v)
    rec["labels"] = [x for x in text(row["labels"]).split(";") if x]
    rec["primary"] = text(row["primary"]) or None
    rec["confidence"] = text(row.get("confidence")) or None
    ev = text(row["evidence"])
    rec["evidence"] = json.loads(ev) if ev else []
    rec["error"] = text(row["error"])
    return rec


def note(message: str) -> None:
    print(f"mou-text classify: note: {message}", file=sys.stderr)



def append(fh: IO[bytes], rec: dict[str, Any]) -> int:
    """Append one record, flushed so that it survives Ctrl-C or a crash of this process; its offset."""
    offset = fh.tell()
    fh.write((json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8"))
    fh.flush()
    return offset


def _start(partial: Path, header: dict[str, Any]) -> IO[bytes]:
    partial.parent.mkdir(parents=True, exist_ok=True)
    fh = open(partial, "wb")  # noqa: SIM115 - the caller closes it
    append(fh, header)
    return fh


def open_partial(out: Path, partial: Path, header: dict[str, Any], areas: tuple[str, ...], index: dict[str, tuple[int, bool]], *, resume: bool) -> IO[bytes]:
    """``F.partial`` open for appending, with ``index`` filled from the results it already holds.

    Without ``resume`` it starts empty. With it, an earlier ``F.partial`` is kept (an incomplete last
    line, from a run cut off while writing it, is cut away); failing that, a finished ``F`` is copied in.
    """
    from ..errors import ConfigError

    if not resume:
        if partial.exists():
            note(f"{partial} from an unfinished run is replaced; this run starts over (--resume would continue it)")
        return _start(partial, header)
    earlier = _scan_partial(partial, areas) if partial.exists() else None
    if earlier is not None:
        before, found, end, cut = earlier
        _same_settings(before, header, partial)
        if cut:
            note(f"ignored an incomplete last line in {partial} (the run was cut off while writing it)")
        fh = open(partial, "r+b")  # noqa: SIM115 - the caller closes it
        fh.truncate(end)
        fh.seek(end)
        index.update(found)
        return fh
    if out.exists():
        try:
            before_sig, records = _read_finished(out, areas)
        except UnicodeDecodeError as exc:
            raise ConfigError(
                f"--resume from '{out}'", f"it is not UTF-8 text (byte {exc.start}): not a results file written by mou-text classify",
                "drop --resume to start over, or give --out a new file name", path=out, code="E264",
            ) from None
        if before_sig is None:
            note(f"{out} records no signature (CSV has no room for one): its labels are checked against this run's thresholds, its encoder and model are assumed to be this run's")
        else:
            _same_settings({"signature": before_sig}, header, out)
        fh = _start(partial, header)
        try:
            for rec in records:
                if before_sig is None:
                    _labels_follow(rec, header["signature"], out)
                index[rec["path"]] = (append(fh, rec), bool(rec["error"]))
        except UnicodeDecodeError as exc:
            fh.close()
            partial.unlink(missing_ok=True)
            raise ConfigError(
                f"--resume from '{out}'", f"a line past the first is not UTF-8 text (byte {exc.start})",
                "drop --resume to start over, or give --out a new file name", path=out, code="E263",
            ) from None
        except BaseException as exc:
            fh.close()
            if isinstance(exc, ConfigError):
                partial.unlink(missing_ok=True)  # it would pass for results of this run's settings
            raise
        return fh
    note(f"nothing to resume: neither {partial} nor {out} exists; starting from the beginning")
    return _start(partial, header)


def _scan_partial(partial: Path, areas: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, tuple[int, bool]], int, bool] | None:
    """(header, {path: (offset, is_error)}, length of the complete lines, whether a tail was cut).

    None when there is nothing usable (empty file, or its header line was never completed).
    """
    from ..errors import ConfigError

    found: dict[str, tuple[int, bool]] = {}
    header: dict[str, Any] | None = None
    offset = 0
    with open(partial, "rb") as fh:
        for number, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break  # the incomplete last line of an interrupted write
            try:
                data = json.loads(line)
            except ValueError:
                data = None
            if header is None:
                if not isinstance(data, dict) or data.get("mou_text_partial") != PARTIAL_VERSION:
                    raise ConfigError(
                        f"'{partial}'",
                        "it is not the partial results of a mou-text classify run of this version (its first line is no such header)",
                        "drop --resume to start over, or move the file away",
                        path=partial, code="E224",
                    )
                header = data
            elif not valid_record(data, areas):
                raise ConfigError(
                    f"'{partial}' line {number}",
                    "it is not a complete result record of mou-text classify",
                    "delete that line (its file will be classified again) or drop --resume to start over",
                    path=partial, code="E225",
                )
            else:
                found[data["path"]] = (offset, bool(data["error"]))
            offset += len(line)
        size = fh.seek(0, 2)
    if header is None:
        return None
    return header, found, offset, size > offset


def valid_record(data: Any, areas: tuple[str, ...]) -> bool:
    """A result record as this module writes it, field by field: a hand-edited line that is valid
    JSON but not a record (a score of "high", labels that are no areas) is refused, not copied out."""
    if not isinstance(data, dict) or not {"path", "error", "labels", "primary", "evidence", "lang", *areas} <= set(data):
        return False
    if not isinstance(data["path"], str) or not data["path"] or not isinstance(data["error"], str):
        return False
    if data["lang"] is not None and not isinstance(data["lang"], str):
        return False
    for a in areas:
        v = data[a]
        if v is None:
            if not data["error"]:
                return False
        elif isinstance(v, bool) or not isinstance(v, (int, float)) or not 0.0 <= v <= 1.0:
            return False
    labels = data["labels"]
    if not isinstance(labels, list) or not all(isinstance(x, str) and x in areas for x in labels):
        return False
    if data["primary"] is not None and data["primary"] not in labels:
        return False
    return isinstance(data["evidence"], list) and all(isinstance(e, dict) for e in data["evidence"])


def _same_settings(before: dict[str, Any], now: dict[str, Any], source: Path) -> None:
    """Refuse to mix results produced with other settings into this run's output."""
    from ..errors import ConfigError

    def canon(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)

    old, new = before.get("signature") or {}, now["signature"]
    diffs = [(k, old.get(k), new.get(k)) for k in sorted(set(old) | set(new)) if k not in VOLATILE and canon(old.get(k)) != canon(new.get(k))]
    if "lang" in before and before["lang"] != now["lang"]:
        diffs.append(("--lang", before["lang"] or "detect", now["lang"] or "detect"))
    if diffs:
        shown = "; ".join(f"{k} was {canon(a)}, now {canon(b)}" for k, a, b in diffs[:3])
        raise ConfigError(
            f"--resume from '{source}'",
            f"the earlier results were produced with different settings ({shown})",
            "rerun with the same --encoder, --model/--zero-shot, --threshold and --lang as the earlier run, "
            "or drop --resume to classify everything again with the new settings",
            path=source, code="E226",
        )


def _labels_follow(rec: dict[str, Any], signature: dict[str, Any], source: Path) -> None:
    """A row of a CSV (which records no signature) must carry the labels this run's thresholds give its scores
    under the classifier's own rule (``order_labels``: near, and the second-label margin).

    Scores do not depend on thresholds, and evidence is given for the labelled areas only, so a row that
    passes is exactly the row this run would write (for the same encoder and model)."""
    import numpy as np

    from ..classify import order_labels
    from ..errors import ConfigError

    if rec["error"]:
        return
    if not rec["labels"] and signature.get("share_floor") is not None:
        return  # a text that never names women or gender is given no area whatever its scores (``SHARE_FLOOR``)
    thresholds = signature.get("thresholds") or {}
    near = signature.get("near")
    second = float(signature.get("second", 1.0))
    known = [a for a in thresholds if rec.get(a) is not None]
    probs = np.array([float(rec[a]) for a in known])
    thr = np.array([float(thresholds[a]) for a in known])
    # the classifier's own rule: primary over its threshold (else near it), further areas at second × theirs
    expected = {known[i] for i in order_labels(probs, thr, None if near is None else float(near), second)}
    for area in sorted(expected ^ (set(rec["labels"]) & set(known))):
        score, t = float(rec[area]), float(thresholds[area])
        # the signature rounds thresholds to 4 decimals: a score that close to a boundary proves nothing
        bounds = [t, second * t] + ([float(near) * t] if near is not None else [])
        if min(abs(score - b) for b in bounds) <= 1e-4 * max(1.0, second):
            continue
        shown = "not " if area not in rec["labels"] else ""
        raise ConfigError(
            f"--resume from '{source}'",
            f"the earlier results were produced with different settings: '{rec['path']}' is {shown}labelled "
            f"{area} with a score of {score}, which this run's threshold of {t} contradicts",
            "rerun with the same --threshold (and --encoder, --model/--zero-shot, --lang) as the earlier run, "
            "or drop --resume to classify everything again with the new settings",
            path=source, code="E227",
        )


def final_records(partial: Path, files: list[Path], index: dict[str, tuple[int, bool]]) -> Iterator[dict[str, Any]]:
    """The latest record of every file, in collection order, read back one at a time."""
    with open(partial, "rb") as fh:
        for p in files:
            fh.seek(index[str(p)][0])
            yield json.loads(fh.readline())


# -- reading a finished output back (for --resume) -----------------------------------------------------


def _read_finished(out: Path, areas: tuple[str, ...]) -> tuple[dict[str, Any] | None, Iterator[dict[str, Any]]]:
    """(signature or None, records) of a finished output; the records are read lazily."""
    from ..errors import ConfigError

    suffix = out.suffix.lower()
    bad = ConfigError(
        f"--resume from '{out}'",
        f"it is not a results file written by mou-text classify (expected the columns {', '.join(columns(areas))})",
        "drop --resume to start over, or give --out a new file name",
        path=out,
    )
    if suffix == ".jsonl":
        with open(out, encoding="utf-8") as fh:
            first = fh.readline()
        try:
            sig = json.loads(first).get("signature") if first.strip() else None
        except (ValueError, AttributeError):
            raise bad from None
        return sig, _jsonl_records(out, areas, bad)
    if suffix == ".csv":
        csv.field_size_limit(CSV_FIELD_LIMIT)
        with open(out, encoding="utf-8-sig", newline="") as fh:
            head = next(csv.reader(fh), [])
        if head != columns(areas):
            raise bad
        return None, _csv_records(out, areas)
    from zipfile import BadZipFile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(out, read_only=True)
        header = [c for c in next(wb["areas"].iter_rows(max_row=1, values_only=True), ())]
        sig = None
        if "signature" in wb.sheetnames:  # a read-only sheet leaves out trailing empty cells: pad the rows
            sig = {k: _cell_value(v) for k, v, *_ in ((*r, None, None) for r in wb["signature"].iter_rows(min_row=2, values_only=True)) if k}
    except (OSError, KeyError, ValueError, BadZipFile, InvalidFileException):
        raise bad from None
    if header[: len(columns(areas))] != columns(areas):  # readable columns may follow
        wb.close()
        raise bad
    return sig, _xlsx_records(wb, areas)


def _cell_value(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _usable(rec: dict[str, Any]) -> bool:
    return bool(rec["path"])


def _jsonl_records(out: Path, areas: tuple[str, ...], bad: Exception) -> Iterator[dict[str, Any]]:
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except ValueError:
                raise bad from None
            if not isinstance(data, dict) or not set(columns(areas)) <= set(data):
                raise bad
            rec = {c: data[c] for c in columns(areas)}
            for a in areas:  # older versions wrote NaN for a failed file's scores
                if isinstance(rec[a], float) and math.isnan(rec[a]):
                    rec[a] = None
            rec["error"] = rec["error"] or ""
            if _usable(rec):
                yield rec


def _csv_records(out: Path, areas: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(CSV_FIELD_LIMIT)  # evidence cells run past csv's default 128 KB
    with open(out, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                rec = _from_cells(row, areas)
            except (ValueError, KeyError):
                continue  # a row edited by hand: its file is classified again
            if _usable(rec):
                yield rec


def _xlsx_records(wb: Any, areas: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    cols = columns(areas)
    try:
        for values in wb["areas"].iter_rows(min_row=2, values_only=True):
            try:
                rec = _from_cells(dict(zip(cols, (*values, *[None] * len(cols)))), areas)
            except (ValueError, KeyError):
                continue  # e.g. evidence cut at Excel's cell limit: its file is classified again
            if _usable(rec):
                yield rec
    finally:
        wb.close()


# -- the final output, streamed from F.partial ---------------------------------------------------------


def _write_csv(p: Path, records: Iterable[dict[str, Any]], areas: tuple[str, ...], signature: dict[str, Any]) -> None:
    """UTF-8 with BOM so Excel shows accents; the signature does not fit a CSV (use .xlsx or .jsonl)."""
    with open(p, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns(areas))
        for rec in records:
            w.writerow([_csv_safe(v) for v in _cells(rec, areas)])


def _write_jsonl(p: Path, records: Iterable[dict[str, Any]], areas: tuple[str, ...], signature: dict[str, Any]) -> None:
    """One JSON object per line, labels and evidence as lists, each with the run's signature."""
    with open(p, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps({**rec, "signature": signature}, ensure_ascii=False) + "\n" for rec in records)


def _write_xlsx(p: Path, records: Iterable[dict[str, Any]], areas: tuple[str, ...], signature: dict[str, Any]) -> None:
    """Formatted for people, the machine columns kept (see :mod:`._results_xlsx`)."""
    from ._results_xlsx import write_xlsx

    write_xlsx(p, records, areas, signature)


WRITERS = {".csv": _write_csv, ".jsonl": _write_jsonl, ".xlsx": _write_xlsx}
