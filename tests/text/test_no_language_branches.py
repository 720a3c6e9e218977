"""No code outside the text catalogue decides its words by comparing a language code with
"zh": it asks a Translator (desktop.text) for them, so a sentence is worded once for screen,
terminal and paper."""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"

#: Where language branches remain, for now: none (Qt widgets translate through Qt's .ts and
#: read data fields through desktop.core.bilingual.pick or a Translator).
NOT_YET: set[str] = set()


def _is_lang(node: ast.expr) -> bool:
    name = getattr(node, "id", None) or getattr(node, "attr", None) or ""
    return name == "lang" or name.endswith("_lang")


def _is_zh(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == "zh"


def language_branches(path: Path) -> list[int]:
    """Lines comparing a `lang` (or `x.lang`, `ui_lang`) with "zh"."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare) and any(isinstance(op, ast.Eq | ast.NotEq)
                                                 for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(_is_lang(s) for s in sides) and any(_is_zh(s) for s in sides):
                lines.append(node.lineno)
    return sorted(lines)


def _allowed(relative: Path) -> bool:
    return relative.parts[0] == "text" or relative.parts[0] in NOT_YET or (
        relative.as_posix() in NOT_YET)


def test_no_language_branch_outside_the_text_catalogue() -> None:
    found = {}
    for path in sorted(DESKTOP.rglob("*.py")):
        relative = path.relative_to(DESKTOP)
        if not _allowed(relative) and (lines := language_branches(path)):
            found[relative.as_posix()] = lines
    assert not found, f"use desktop.text.translator(lang) instead: {found}"


def test_the_check_finds_a_branch(tmp_path: Path) -> None:
    """The check recognises the spellings it forbids."""
    sample = tmp_path / "sample.py"
    sample.write_text('a = x if lang == "zh" else y\nb = "zh" != self.lang\nc = lang == "en"\n')
    assert language_branches(sample) == [1, 2]


def test_the_allow_list_names_real_files() -> None:
    """A converted or renamed module leaves the list, so the list cannot hide new branches."""
    stale = [name for name in NOT_YET if not (DESKTOP / name).exists()]
    assert not stale
