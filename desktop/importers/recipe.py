"""Import recipes: the reader and table choices, saved as versioned JSON, re-applied next year.

A recipe is a file the user keeps, copies and edits by hand, so reading one checks everything:
that it is a small UTF-8 JSON object of a known version, that it has no unknown field and
that each field has its type and a known value (a layout, an encoding, a role...). Anything
else raises RecipeError naming the file and what is wrong, which the CLI says in one line.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.importers.model import LAYOUTS, ReadOptions, TableOptions

RECIPE_VERSION = 1
#: A recipe is a few hundred bytes; anything this big is not one (and is not read whole).
MAX_RECIPE_BYTES = 1 << 20
#: Column roles a recipe may give (an indicator column may also say 'indicator:<name>').
RECIPE_ROLES = ("city", "indicator", "year", "value", "unit", "ignore")
DECIMAL_MARKS = (".", ",")
#: Roles that carry a detail after a colon, as detection writes them: 'year:2024' (a year
#: column of a wide table), 'indicator:<name>[@<yyyy>]', 'value:<...>', 'unit:<...>'.
_QUALIFIED_ROLES = ("year", "indicator", "value", "unit")


class RecipeError(ValueError):
    """A recipe that cannot be used: `reason` says what is wrong (`reason_zh` in Chinese),
    `file` which file (when read from one); the message is 'FILE: REASON'."""

    def __init__(self, reason: str, file: str = "", reason_zh: str = "") -> None:
        super().__init__(f"{file}: {reason}" if file else reason)
        self.reason = reason
        self.reason_zh = reason_zh or reason
        self.file = file

    def reason_in(self, lang: str = "en") -> str:
        """What is wrong, in `lang`."""
        return self.reason_zh if lang == "zh" else self.reason


#: A problem with a value: English and Chinese ('' twice: no problem).
Problem = tuple[str, str]
OK: Problem = ("", "")


@dataclass(frozen=True)
class Recipe:
    read: ReadOptions = field(default_factory=ReadOptions)
    table: TableOptions = field(default_factory=TableOptions)

    def to_json(self) -> dict[str, Any]:
        table = asdict(self.table)
        if table["header_rows"] is not None:
            table["header_rows"] = list(table["header_rows"])
        return {"recipe_version": RECIPE_VERSION, "read": asdict(self.read), "table": table}

    @classmethod
    def from_json(cls, data: object) -> Recipe:
        """The recipe in `data` (parsed JSON); raises RecipeError saying which field is
        wrong and how, for any shape, type or value this app would not read as meant."""
        if not isinstance(data, dict):
            raise RecipeError(f"not a recipe (expected a JSON object, found {_kind(data)})",
                              reason_zh=f"不是导入方案（应为 JSON 对象，实为{_kind(data, 'zh')}）")
        if "recipe_version" not in data:
            raise RecipeError("not a recipe (no 'recipe_version' field)",
                              reason_zh="不是导入方案（没有 'recipe_version' 字段）")
        version = data["recipe_version"]
        if version != RECIPE_VERSION or isinstance(version, bool):
            raise RecipeError(f"recipe version {version!r} is not supported "
                              f"(this app reads version {RECIPE_VERSION})",
                              reason_zh=f"不支持导入方案版本 {version!r}（本程序读取版本 "
                                        f"{RECIPE_VERSION}）")
        unknown = sorted(set(data) - {"recipe_version", "read", "table"})
        if unknown:
            raise RecipeError(f"unknown recipe field {unknown[0]!r}",
                              reason_zh=f"未知的导入方案字段 {unknown[0]!r}")
        read = _section(data, "read", ReadOptions, _READ_CHECKS)
        table = _section(data, "table", TableOptions, _TABLE_CHECKS)
        if table.get("header_rows") is not None:
            table["header_rows"] = tuple(table["header_rows"])
        return cls(ReadOptions(**read), TableOptions(**table))


def _section(data: dict[str, Any], name: str, options: type,
             checks: dict[str, Callable[[Any], Problem]]) -> dict[str, Any]:
    """The fields of section `name` ('read' or 'table'), each checked (missing: detect)."""
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise RecipeError(f"'{name}' must be a JSON object, not {_kind(section)}",
                          reason_zh=f"'{name}' 应为 JSON 对象，而不是{_kind(section, 'zh')}")
    known = {f.name for f in fields(options)}
    unknown = sorted(set(section) - known)
    if unknown:
        raise RecipeError(f"unknown field '{name}.{unknown[0]}' "
                          f"(known: {', '.join(sorted(known))})",
                          reason_zh=f"未知字段 '{name}.{unknown[0]}'（已知字段："
                                    f"{', '.join(sorted(known))}）")
    for key, value in section.items():
        en, zh = checks.get(key, _plain)(value)
        if en:
            shown = repr(value)[:200]
            raise RecipeError(f"'{name}.{key}' {en}, not {shown}",
                              reason_zh=f"'{name}.{key}' {zh}，而不是 {shown}")
    return dict(section)


def _kind(value: object, lang: str = "en") -> str:
    """The JSON name of a value's type, as a user who wrote it would call it."""
    names = {dict: ("an object", "对象"), list: ("a list", "列表"), str: ("a text", "文本"),
             bool: ("true/false", "true/false"), int: ("a number", "数字"),
             float: ("a number", "数字"), type(None): ("null", "null")}
    en, zh = names.get(type(value), (type(value).__name__, type(value).__name__))
    return zh if lang == "zh" else en


def _plain(value: object) -> Problem:
    """A field added to the options after this check was written: any plain JSON value (the
    options' own code checks its meaning)."""
    ok = value is None or isinstance(value, str | int | float | bool)
    return OK if ok else ("must be a plain value (text, number, true/false or null)",
                          "应为简单值（文本、数字、true/false 或 null）")


def _text(value: object) -> Problem:
    return OK if value is None or isinstance(value, str) else ("must be text or null",
                                                               "应为文本或 null")


def _encoding(value: object) -> Problem:
    if value is None:
        return OK
    if not isinstance(value, str):
        return "must be an encoding name or null", "应为编码名称或 null"
    try:
        codecs.lookup(value)
    except LookupError:
        return ("is not an encoding this app knows (e.g. utf-8, gb18030)",
                "不是本程序认识的编码（例如 utf-8、gb18030）")
    return OK


def _delimiter(value: object) -> Problem:
    ok = value is None or (isinstance(value, str) and len(value) == 1)
    return OK if ok else ("must be one character or null", "应为单个字符或 null")


def _decimal(value: object) -> Problem:
    return OK if value is None or value in DECIMAL_MARKS else (
        "must be '.' or ',' or null", "应为 '.'、',' 或 null")


def _flag(value: object) -> Problem:
    return OK if isinstance(value, bool) else ("must be true or false", "应为 true 或 false")


def _row(value: object) -> Problem:
    ok = value is None or (type(value) is int and 0 <= value < 10_000_000)
    return OK if ok else ("must be a row number (0 or more) or null",
                          "应为行号（0 或以上）或 null")


def _rows(value: object) -> Problem:
    if value is None:
        return OK
    ok = isinstance(value, list) and 0 < len(value) <= 50 and all(
        type(row) is int and 0 <= row < 10_000_000 for row in value)
    return OK if ok else ("must be a list of row numbers (0 or more) or null",
                          "应为行号（0 或以上）的列表或 null")


def _layout(value: object) -> Problem:
    return OK if value is None or value in LAYOUTS else (
        f"must be one of {', '.join(LAYOUTS)}", f"应为以下之一：{', '.join(LAYOUTS)}")


def _roles(value: object) -> Problem:
    if value is None:
        return OK
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        return "must map column names to roles", "应为列名到角色的对应"
    for role in value.values():
        base, colon, detail = role.partition(":") if isinstance(role, str) else ("", "", "")
        if not (role in RECIPE_ROLES or (colon and detail and base in _QUALIFIED_ROLES)):
            known = f"{', '.join(RECIPE_ROLES)}, year:<yyyy>, indicator:<name>"
            return (f"has the unknown role {str(role)[:50]!r} (roles: {known})",
                    f"含有未知角色 {str(role)[:50]!r}（角色：{known}）")
    return OK


def _year(value: object) -> Problem:
    ok = value is None or (type(value) is int and 1000 <= value <= 9999)
    return OK if ok else ("must be a year such as 2016, or null", "应为年份（如 2016）或 null")


_READ_CHECKS: dict[str, Callable[[Any], Problem]] = {
    "sheet": _text, "encoding": _encoding, "delimiter": _delimiter, "decimal": _decimal,
    "include_hidden_sheets": _flag,
}
_TABLE_CHECKS: dict[str, Callable[[Any], Problem]] = {
    "header_rows": _rows, "first_data_row": _row, "layout": _layout, "roles": _roles,
    "indicator": _text, "unit": _text, "year": _year, "city": _text,
}


def save_recipe(recipe: Recipe, path: Path) -> None:
    from desktop.core.storage import write_atomically

    text = json.dumps(recipe.to_json(), ensure_ascii=False, indent=2)
    write_atomically(path, (text + "\n").encode("utf-8"))


def load_recipe(path: Path) -> Recipe:
    """The recipe in `path`; raises RecipeError (naming the file) for a folder, an unreadable,
    huge, non-UTF-8 or non-JSON file, or a recipe Recipe.from_json refuses."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise RecipeError("is a folder, not a recipe file", name, "是文件夹，不是导入方案文件")
        with path.open("rb") as stream:
            raw = stream.read(MAX_RECIPE_BYTES + 1)
    except OSError as exc:
        raise RecipeError(exc.strerror or str(exc), name) from exc
    if len(raw) > MAX_RECIPE_BYTES:
        raise RecipeError(f"too big to be a recipe (over {MAX_RECIPE_BYTES:,} bytes)", name,
                          f"文件过大，不是导入方案（超过 {MAX_RECIPE_BYTES:,} 字节）")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecipeError(f"not UTF-8 text (byte {exc.start + 1})", name,
                          f"不是 UTF-8 文本（第 {exc.start + 1} 字节）") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecipeError(f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                          name, f"不是 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
                          ) from exc
    except RecursionError as exc:
        raise RecipeError("not a recipe (nested too deeply)", name,
                          "不是导入方案（嵌套过深）") from exc
    try:
        return Recipe.from_json(data)
    except RecipeError as exc:
        raise RecipeError(exc.reason, name, exc.reason_zh) from exc
