"""Writes docs/api.md from the docstrings and signatures of everything in ``mou_text.__all__``.

    python docs/make_api.py          # rewrite docs/api.md
    python docs/make_api.py --check  # exit 1 if docs/api.md is out of date (the test suite runs this)
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import mou_text

OUT = Path(__file__).resolve().parent / "api.md"


def _doc(obj: object) -> str:
    return inspect.cleandoc(inspect.getdoc(obj) or "(no docstring)")


def _sig(obj: object) -> str:
    try:
        return str(inspect.signature(obj))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def render() -> str:
    lines = [
        "# API reference",
        "",
        "Generated from the docstrings by `python docs/make_api.py`; the test suite fails when it is out of date.",
        "Everything listed here is importable from `mou_text`; anything else is private and may change.",
        "",
    ]
    for name in mou_text.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(mou_text, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue  # the exception tree is listed at the end
        kind = "class" if inspect.isclass(obj) else "function"
        lines += [f"## `{name}{_sig(obj)}`", "", f"*{kind}* — {_doc(obj)}", ""]
        if inspect.isclass(obj):
            for attr, member in sorted(vars(obj).items()):
                if attr.startswith("_") and attr not in ("_repr_html_",):
                    continue
                target = member.fget if isinstance(member, property) else getattr(member, "__func__", member)
                if not callable(target) and not isinstance(member, property):
                    continue
                label = "property" if isinstance(member, property) else "method"
                first = _doc(target).split("\n\n")[0].replace("\n", " ")
                sig = "" if isinstance(member, property) else _sig(target)
                lines.append(f"- `{attr}{sig}` ({label}): {first}")
            lines.append("")
    lines += ["## Exceptions", "", "| class | code | meaning |", "|---|---|---|"]
    for name in mou_text.__all__:
        obj = getattr(mou_text, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            first = _doc(obj).split("\n\n")[0].replace("\n", " ")
            lines.append(f"| `{name}` | {getattr(obj, 'code', '')} | {first} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
