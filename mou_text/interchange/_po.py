"""Reading a gettext catalogue (.po) into a ParallelDocument: ``msgid`` is the source, ``msgstr`` the target.

A small reader of the format's own grammar (no dependency: the maintained readers are GPL or pull in
a localisation stack): entries separated by blank lines, ``msgctxt``/``msgid``/``msgstr`` with
continued quoted lines and C escapes, ``#,`` flags (``fuzzy`` becomes the state
``needs-review-translation``), translator (``# ``) and extracted (``#.``) comments as notes, and
obsolete entries (``#~``) skipped. Plural entries are read by their singular and first form. The
source language is English unless ``src`` says otherwise; the target is the header's ``Language``.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from ..align import ParallelDocument
from ..errors import EmptyDocumentError
from ._read import ReadUnit, checked_file, lang_code, parallel, require_en_es


def _unquote(line: str) -> str:
    try:
        value = ast.literal_eval(line.strip())
    except (ValueError, SyntaxError):
        return line.strip().strip('"')
    return value if isinstance(value, str) else str(value)


def _entries(text: str) -> list[dict[str, object]]:
    entries: list[dict[str, object]] = []
    cur: dict[str, object] = {"notes": [], "flags": set()}
    key: str | None = None
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            if "msgid" in cur:
                entries.append(cur)
            cur, key = {"notes": [], "flags": set()}, None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            cur["flags"].update(f.strip() for f in line[2:].split(","))  # type: ignore[union-attr]
        elif line.startswith("#.") or line.startswith("# "):
            cur["notes"].append(line[2:].strip())  # type: ignore[union-attr]
        elif line.startswith("#"):
            continue
        elif line.startswith('"') and key:
            cur[key] = str(cur.get(key, "")) + _unquote(line)
        else:
            word, _, rest = line.partition(" ")
            if word in ("msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr[0]"):
                key = "msgstr" if word == "msgstr[0]" else word
                cur[key] = _unquote(rest)
            else:
                key = None
    return entries


def pair_from_po(path: str | Path, *, src: str | None = None, tgt: str | None = None) -> ParallelDocument:
    """A :class:`ParallelDocument` from a gettext ``.po`` catalogue (English↔Spanish either way)."""
    p = checked_file(path)
    text = p.read_bytes().decode("utf-8", errors="replace")
    entries = _entries(text)
    header = next((e for e in entries if e.get("msgid") == "" and not e.get("msgctxt")), None)
    declared = None
    if header is not None:
        for line in str(header.get("msgstr", "")).splitlines():
            name, _, value = line.partition(":")
            if name.strip().lower() == "language":
                declared = value.strip()
    s = lang_code(src) or "en"
    t = lang_code(tgt) or lang_code(declared) or ("es" if s == "en" else "en")
    tags = {s: Counter({src or s: 1}), t: Counter({tgt or declared or t: 1})}
    require_en_es(tags, p, "PO")
    units = []
    for n, e in enumerate((e for e in entries if e is not header), start=1):
        ctx = str(e.get("msgctxt") or "")
        msgid = str(e.get("msgid") or "")
        uid = f"{ctx}|{msgid}" if ctx else msgid
        u = ReadUnit(uid[:200] or f"unit.{n}")
        setattr(u, s, msgid)
        setattr(u, t, str(e.get("msgstr") or ""))
        fuzzy = "fuzzy" in e["flags"]  # type: ignore[operator]
        u.cat = {
            "state": "needs-review-translation" if fuzzy else ("translated" if e.get("msgstr") else "new"),
            "state_qualifier": "fuzzy-match" if fuzzy else None,
            "approved": None,
            "locked": False,
            "notes": list(e["notes"]),  # type: ignore[call-overload]
            "source": s,
            "name": ctx or None,
            "codes": {"en": [], "es": []},
        }
        units.append(u)
    if not units:
        raise EmptyDocumentError(f"file '{p}'", "the PO catalogue has no message", "pass a catalogue with msgid/msgstr entries", path=p, code="E067")
    return parallel(units, p, "po", {"declared_target": declared})
