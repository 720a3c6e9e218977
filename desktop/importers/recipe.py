"""Import recipes: the reader and table choices, saved as versioned JSON, re-applied next year."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from desktop.importers.model import ReadOptions, TableOptions

RECIPE_VERSION = 1


class RecipeError(ValueError):
    """A recipe file that cannot be used; the message names the file and the reason."""


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
    def from_json(cls, data: dict[str, Any]) -> Recipe:
        version = data.get("recipe_version")
        if version != RECIPE_VERSION:
            raise RecipeError(f"recipe version {version!r} is not supported "
                              f"(this app reads version {RECIPE_VERSION})")
        table = dict(data.get("table", {}))
        if table.get("header_rows") is not None:
            table["header_rows"] = tuple(int(r) for r in table["header_rows"])
        try:
            return cls(ReadOptions(**data.get("read", {})), TableOptions(**table))
        except TypeError as exc:
            raise RecipeError(f"unknown recipe field: {exc}") from exc


def save_recipe(recipe: Recipe, path: Path) -> None:
    from desktop.core.storage import write_atomically

    text = json.dumps(recipe.to_json(), ensure_ascii=False, indent=2)
    write_atomically(path, (text + "\n").encode("utf-8"))


def load_recipe(path: Path) -> Recipe:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RecipeError(f"{path.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise RecipeError(f"{path.name}: not a recipe (expected a JSON object)")
    try:
        return Recipe.from_json(data)
    except RecipeError as exc:
        raise RecipeError(f"{path.name}: {exc}") from exc
