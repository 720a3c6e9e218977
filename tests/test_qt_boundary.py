"""Qt stays at the edge: only desktop/ui/ may import PySide6, shiboken6 or pyqtgraph.

Two checks (design.md section 2):
(a) static: parse every module outside desktop/ui/ and list each Qt import, at any nesting
    level, plus module-level imports of desktop.ui (lazy imports inside a function, as in
    desktop/commands/, are allowed);
(b) dynamic: import every non-UI module in a fresh interpreter and check that no Qt module
    ended up in sys.modules, naming the module that pulled it in.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = REPO_ROOT / "desktop"
UI_DIR = PACKAGE_DIR / "ui"
QT_TOP_LEVEL = frozenset({"PySide6", "shiboken6", "pyqtgraph"})


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_from(node: ast.ImportFrom, path: Path) -> str:
    """Absolute module name of `from X import ...`, resolving relative imports."""
    if not node.level:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _is_ui(module: str) -> bool:
    return module == "desktop.ui" or module.startswith("desktop.ui.")


class _ImportCollector(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.depth = 0  # > 0 inside a function body
        self.problems: list[str] = []

    def _where(self, node: ast.AST) -> str:
        return f"{self.path.relative_to(REPO_ROOT)}:{node.lineno}"  # type: ignore[attr-defined]

    def _check(self, node: ast.AST, modules: list[str]) -> None:
        for module in modules:
            if module.split(".")[0] in QT_TOP_LEVEL:
                self.problems.append(f"{self._where(node)}: imports {module}")
            elif _is_ui(module) and self.depth == 0:
                self.problems.append(
                    f"{self._where(node)}: imports {module} at module level "
                    "(import desktop.ui lazily inside a function)"
                )

    def visit_Import(self, node: ast.Import) -> None:
        self._check(node, [alias.name for alias in node.names])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = _resolve_from(node, self.path)
        # `from desktop import ui` imports desktop.ui too.
        self._check(node, [base, *(f"{base}.{alias.name}" for alias in node.names)])

    def visit_Call(self, node: ast.Call) -> None:
        # importlib.import_module("PySide6...") / __import__("PySide6...")
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in {"import_module", "__import__"} and node.args:
            arg = node.args[0]
            if (
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and arg.value.split(".")[0] in QT_TOP_LEVEL
            ):
                self.problems.append(f"{self._where(node)}: imports {arg.value} dynamically")
        self.generic_visit(node)

    def _visit_function(self, node: ast.AST) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._visit_function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._visit_function(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._visit_function(node)


def _non_ui_sources() -> list[Path]:
    return sorted(
        p
        for p in PACKAGE_DIR.rglob("*.py")
        if UI_DIR not in p.parents and "__pycache__" not in p.parts
    )


def test_qt_imported_only_under_desktop_ui_static() -> None:
    assert (PACKAGE_DIR / "__init__.py").is_file(), f"package not found at {PACKAGE_DIR}"
    problems: list[str] = []
    for path in _non_ui_sources():
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError as exc:
            problems.append(f"{path.relative_to(REPO_ROOT)}:{exc.lineno}: syntax error: {exc.msg}")
            continue
        collector = _ImportCollector(path)
        collector.visit(tree)
        problems.extend(collector.problems)
    assert not problems, (
        "Qt may only be imported under desktop/ui/ (design.md section 2). Move the code into "
        "desktop/ui/ or pass plain data across the boundary:\n  " + "\n  ".join(problems)
    )


CHILD = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback

    QT = ("PySide6", "shiboken6", "pyqtgraph")

    def skip(name):
        return name in ("desktop.ui", "desktop.__main__") or name.startswith("desktop.ui.")

    def qt_loaded():
        return sorted(m for m in QT if m in sys.modules)

    imported, failed, culprits = [], {}, {}

    def walk(path, prefix):
        for info in sorted(pkgutil.iter_modules(path, prefix), key=lambda i: i.name):
            if skip(info.name):
                continue
            before = qt_loaded()
            try:
                module = importlib.import_module(info.name)
            except BaseException:
                failed[info.name] = traceback.format_exc(limit=-3)
                continue
            imported.append(info.name)
            new = [m for m in qt_loaded() if m not in before]
            if new:
                culprits[info.name] = new
            if info.ispkg:
                walk(module.__path__, info.name + ".")

    try:
        import desktop
    except BaseException:
        failed["desktop"] = traceback.format_exc(limit=-3)
    else:
        imported.append("desktop")
        if qt_loaded():
            culprits["desktop"] = qt_loaded()
        walk(desktop.__path__, "desktop.")
    print("RESULT " + json.dumps(
        {"imported": imported, "failed": failed, "culprits": culprits, "qt": qt_loaded()}
    ))
    """
)


def test_non_ui_modules_do_not_load_qt_at_runtime() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONSTARTUP"}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("RESULT ")]
    assert proc.returncode == 0 and lines, (
        f"import child failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    )
    result = json.loads(lines[-1].removeprefix("RESULT "))
    problems: list[str] = []
    if result["qt"]:
        problems.append(
            f"importing the non-UI modules loaded {', '.join(result['qt'])}; only desktop/ui/ "
            "may (design.md section 2). First module to pull each in: "
            + "; ".join(f"{name} -> {', '.join(mods)}" for name, mods in result["culprits"].items())
        )
    problems.extend(
        f"non-UI module {name} failed to import:\n{tb}" for name, tb in result["failed"].items()
    )
    assert not problems, "\n\n".join(problems) + f"\n\nimported: {', '.join(result['imported'])}"
