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
from desktop.text.translator import N_, Message

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
    """A recipe that cannot be used: `message` says what is wrong (a catalogue Message, or the
    OS's own words), `file` which file (when read from one); the error reads 'FILE: REASON'."""

    def __init__(self, message: Message | str, file: str = "") -> None:
        self.message, self.file = message, file
        self.reason = str(message)  # English
        super().__init__(f"{file}: {self.reason}" if file else self.reason)

    def reason_in(self, lang: str = "en") -> str:
        """What is wrong, in `lang` (a reason from the OS as it was given)."""
        return self.message.text(lang) if isinstance(self.message, Message) else self.message


#: A problem with a value (what it must be), or None when there is none.
Problem = Message | None
OK: Problem = None


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
            raise RecipeError(Message(N_("not a recipe (expected a JSON object, found {kind})"),
                                      kind=_kind(data)))
        if "recipe_version" not in data:
            raise RecipeError(Message(N_("not a recipe (no 'recipe_version' field)")))
        version = data["recipe_version"]
        if version != RECIPE_VERSION or isinstance(version, bool):
            raise RecipeError(Message(N_("recipe version {version!r} is not supported (this "
                                         "app reads version {supported})"),
                                      version=version, supported=RECIPE_VERSION))
        unknown = sorted(set(data) - {"recipe_version", "read", "table"})
        if unknown:
            raise RecipeError(Message(N_("unknown recipe field {name!r}"), name=unknown[0]))
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
        raise RecipeError(Message(N_("'{name}' must be a JSON object, not {kind}"), name=name,
                                  kind=_kind(section)))
    known = {f.name for f in fields(options)}
    unknown = sorted(set(section) - known)
    if unknown:
        raise RecipeError(Message(N_("unknown field '{name}' (known: {known})"),
                                  name=f"{name}.{unknown[0]}", known=", ".join(sorted(known))))
    for key, value in section.items():
        problem = checks.get(key, _plain)(value)
        if problem is not None:
            raise RecipeError(Message(N_("'{name}' {problem}, not {shown}"),
                                      name=f"{name}.{key}", problem=problem,
                                      shown=repr(value)[:200]))
    return dict(section)


def _kind(value: object) -> Message:
    """The JSON name of a value's type, as a user who wrote it would call it."""
    names = {dict: N_("an object"), list: N_("a list"), str: N_("a text"),
             bool: "true/false", int: N_("a number"), float: N_("a number"),
             type(None): "null"}
    return Message(names.get(type(value), type(value).__name__))


def _plain(value: object) -> Problem:
    """A field added to the options after this check was written: any plain JSON value (the
    options' own code checks its meaning)."""
    ok = value is None or isinstance(value, str | int | float | bool)
    return OK if ok else Message(N_("must be a plain value (text, number, true/false or null)"))


def _text(value: object) -> Problem:
    return OK if value is None or isinstance(value, str) else Message(N_("must be text or null"))


def _encoding(value: object) -> Problem:
    if value is None:
        return OK
    if not isinstance(value, str):
        return Message(N_("must be an encoding name or null"))
    try:
        codecs.lookup(value)
    except LookupError:
        return Message(N_("is not an encoding this app knows (e.g. utf-8, gb18030)"))
    return OK


def _delimiter(value: object) -> Problem:
    ok = value is None or (isinstance(value, str) and len(value) == 1)
    return OK if ok else Message(N_("must be one character or null"))


def _decimal(value: object) -> Problem:
    ok = value is None or value in DECIMAL_MARKS
    return OK if ok else Message(N_("must be '.' or ',' or null"))


def _flag(value: object) -> Problem:
    return OK if isinstance(value, bool) else Message(N_("must be true or false"))


def _row(value: object) -> Problem:
    ok = value is None or (type(value) is int and 0 <= value < 10_000_000)
    return OK if ok else Message(N_("must be a row number (0 or more) or null"))


def _rows(value: object) -> Problem:
    if value is None:
        return OK
    ok = isinstance(value, list) and 0 < len(value) <= 50 and all(
        type(row) is int and 0 <= row < 10_000_000 for row in value)
    return OK if ok else Message(N_("must be a list of row numbers (0 or more) or null"))


def _layout(value: object) -> Problem:
    return OK if value is None or value in LAYOUTS else (
        Message(N_("must be one of {layouts}"), layouts=", ".join(LAYOUTS)))


def _roles(value: object) -> Problem:
    if value is None:
        return OK
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        return Message(N_("must map column names to roles"))
    for role in value.values():
        base, colon, detail = role.partition(":") if isinstance(role, str) else ("", "", "")
        if not (role in RECIPE_ROLES or (colon and detail and base in _QUALIFIED_ROLES)):
            known = f"{', '.join(RECIPE_ROLES)}, year:<yyyy>, indicator:<name>"
            return Message(N_("has the unknown role {role!r} (roles: {known})"),
                           role=str(role)[:50], known=known)
    return OK


def _year(value: object) -> Problem:
    ok = value is None or (type(value) is int and 1000 <= value <= 9999)
    return OK if ok else Message(N_("must be a year such as 2016, or null"))


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
            raise RecipeError(Message(N_("is a folder, not a recipe file")), name)
        with path.open("rb") as stream:
            raw = stream.read(MAX_RECIPE_BYTES + 1)
    except OSError as exc:
        raise RecipeError(exc.strerror or str(exc), name) from exc
    if len(raw) > MAX_RECIPE_BYTES:
        raise RecipeError(Message(N_("too big to be a recipe (over {limit} bytes)"),
                                  limit=f"{MAX_RECIPE_BYTES:,}"), name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecipeError(Message(N_("not UTF-8 text (byte {byte})"), byte=exc.start + 1),
                          name) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecipeError(Message(N_("not JSON ({why} at line {line}, column {column})"),
                                  why=exc.msg, line=exc.lineno, column=exc.colno), name) from exc
    except RecursionError as exc:
        raise RecipeError(Message(N_("not a recipe (nested too deeply)")), name) from exc
    try:
        return Recipe.from_json(data)
    except RecipeError as exc:
        raise RecipeError(exc.message, name) from exc
