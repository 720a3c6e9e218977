"""Find user-visible strings in desktop/ui that escape translation (used by test_i18n.py).

A string literal with letters, given straight to a Qt text setter or constructor, must be wrapped
in self.tr("...") or QCoreApplication.translate("Context", "...") (or come from a
QT_TRANSLATE_NOOP table). f-strings and concatenations are looked into; names and other calls are
values from data and pass.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

UI_DIR = Path(__file__).resolve().parents[2] / "desktop" / "ui"

#: Methods whose string arguments are shown to the user.
TEXT_METHODS = frozenset({
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "addItem",
    "insertItem", "addItems", "addTab", "insertTab", "setTabText", "setTabToolTip", "addMenu",
    "addAction", "addButton", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setHeaderLabels", "setHeaderLabel", "setLabel", "setTitle", "setSuffix", "setPrefix",
    "setSpecialValueText", "addRow", "showMessage", "setLabelText", "setInformativeText",
    "setDetailedText", "setPlainText", "setHtml", "setWindowIconText", "setCheckBoxText",
    "_action",  # MainWindow's QAction helper
})
#: Classes whose constructor arguments include shown text.
TEXT_CLASSES = frozenset({
    "QLabel", "QAction", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu",
    "QToolBar", "QToolButton", "QListWidgetItem", "QTreeWidgetItem", "QTableWidgetItem",
    "QCommandLinkButton", "QDockWidget", "QMessageBox", "QProgressDialog", "TextDialog",
    "QInputDialog",
})
#: Static dialogs (QMessageBox.warning(...), QFileDialog.getSaveFileName(...)).
STATIC_DIALOGS = frozenset({
    "warning", "information", "question", "critical", "about", "getOpenFileName",
    "getOpenFileNames", "getSaveFileName", "getExistingDirectory", "getText", "getItem",
})
#: Which positional arguments are text, where not all are (the others are data or paths).
TEXT_POSITIONS: dict[str, tuple[int, ...]] = {
    "addItem": (0,), "insertItem": (1,), "setLabel": (1, 2), "addRow": (0,),
    "getOpenFileName": (1, 3), "getOpenFileNames": (1, 3), "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
}
#: Keyword arguments that carry shown text, by callable (pyqtgraph items).
TEXT_KEYWORDS: dict[str, frozenset[str]] = {
    "InfiniteLine": frozenset({"label"}), "TextItem": frozenset({"text"}),
    "LabelItem": frozenset({"text"}), "setLabel": frozenset({"text", "units"}),
    "addLegend": frozenset(), "setTitle": frozenset({"title"}),
}
TRANSLATORS = frozenset({"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"})

#: Literals that are right untranslated, each with its reason.
ALLOWED: dict[str, str] = {
    "English": "a language is named in its own language",
    "中文（简体）": "a language is named in its own language",
    "简体中文": "a language is named in its own language",
}


@dataclass(frozen=True)
class Escape:
    path: str
    line: int
    sink: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.sink}(...) shows {self.text!r} untranslated"


_MARKUP = re.compile(r"<[^>]*>|&[#\w]+;")


def _has_letters(text: str) -> bool:
    """Letters outside HTML tags and entities ('<b>', '&nbsp;' are markup, not words)."""
    return any(ch.isalpha() for ch in _MARKUP.sub("", text))


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _untranslated(node: ast.AST) -> list[ast.Constant]:
    """Literal strings with letters in `node` that no translation call wraps."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and _has_letters(node.value) and (
                node.value not in ALLOWED):
            return [node]
        return []
    if isinstance(node, ast.JoinedStr):
        return [part for part in node.values if isinstance(part, ast.Constant)
                and isinstance(part.value, str) and _has_letters(part.value)
                and part.value not in ALLOWED]
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [hit for element in node.elts for hit in _untranslated(element)]
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    if isinstance(node, ast.Call):
        name = _call_name(node)
        if name in TRANSLATORS:
            return []
        if name == "format" and isinstance(node.func, ast.Attribute):
            return _untranslated(node.func.value)  # "literal {0}".format(...): the receiver
        return []
    return []


def _sink(node: ast.Call) -> str | None:
    name = _call_name(node)
    if name in TEXT_METHODS or name in TEXT_CLASSES:
        return name
    if name in STATIC_DIALOGS and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if isinstance(owner, ast.Name) and owner.id in ("QMessageBox", "QFileDialog",
                                                        "QInputDialog"):
            return f"{owner.id}.{name}"
    return None


def scan_source(source: str, path: str = "<string>") -> list[Escape]:
    escapes = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        sink = _sink(node)
        name = _call_name(node)
        arguments = []
        if sink:
            positions = TEXT_POSITIONS.get(name)
            arguments = [a for i, a in enumerate(node.args)
                         if positions is None or i in positions]
        keywords = TEXT_KEYWORDS.get(name)
        arguments += [k.value for k in node.keywords
                      if (keywords is not None and k.arg in keywords)
                      or (sink and keywords is None)]
        for argument in arguments:
            for hit in _untranslated(argument):
                escapes.append(Escape(path, hit.lineno, sink or "keyword", str(hit.value)))
    return escapes


def scan_ui(root: Path = UI_DIR) -> list[Escape]:
    escapes = []
    for path in sorted(root.rglob("*.py")):
        relative = str(path.relative_to(root.parent.parent))
        escapes += scan_source(path.read_text(encoding="utf-8"), relative)
    return escapes


def tr_arguments_that_are_not_literals(root: Path = UI_DIR) -> list[str]:
    """tr()/translate() calls lupdate cannot read: the text must be a plain string literal."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            is_qt_translate = name == "translate" and isinstance(node.func, ast.Attribute) and (
                isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("QCoreApplication", "QApplication"))
            if name == "tr" and node.args:
                text = node.args[0]
            elif (is_qt_translate or name == "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                context, text = node.args[0], node.args[1]
                if is_qt_translate and not isinstance(text, ast.Constant):
                    continue  # translating a QT_TRANSLATE_NOOP entry held in a variable
                if not (isinstance(context, ast.Constant) and isinstance(context.value, str)):
                    problems.append(f"{relative}:{node.lineno}: {name}() context is not a literal")
            else:
                continue
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                problems.append(f"{relative}:{node.lineno}: {name}() text is not a string literal")
    return problems


def tr_aliases(root: Path = UI_DIR) -> list[str]:
    """`tr = self.tr` or `box.tr(...)`: lupdate would file these under the wrong context."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Attribute) and (
                    node.value.attr in ("tr", "translate")):
                problems.append(f"{relative}:{node.lineno}: alias of {node.value.attr}")
            if isinstance(node, ast.Call) and _call_name(node) == "tr" and isinstance(
                    node.func, ast.Attribute) and not (
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
                problems.append(f"{relative}:{node.lineno}: tr() on another object")
    return problems
