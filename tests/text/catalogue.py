"""Reading the Chinese catalogue (.po) and the English texts marked in the code, without
Babel (a developer tool, not a test dependency): what the catalogue tests compare."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PO = REPO / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "city_profiles.po"
MO = PO.with_suffix(".mo")
#: Calls whose string arguments are catalogue msgids (as scripts/texts.sh extracts them).
MARKERS = {"N_": (0,), "NP_": (0, 1), "gettext": (0,), "ngettext": (0, 1), "pgettext": (1,)}


@dataclass(frozen=True)
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    translations: tuple[str, ...]
    fuzzy: bool


def _unquote(line: str) -> str:
    return ast.literal_eval(line)  # a PO string is a C string; Python reads the same escapes


def read_po(path: Path = PO) -> list[Entry]:
    """The entries of a .po file (the header, msgid "", left out)."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal fields, fuzzy
        if fields.get("msgid"):
            translations = tuple(v for k, v in sorted(fields.items()) if k.startswith("msgstr"))
            entries.append(Entry(fields.get("msgctxt"), fields["msgid"],
                                 fields.get("msgid_plural"), translations, fuzzy))
        fields, fuzzy = {}, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            flush()
            current = None
        elif line.startswith("#,"):
            fuzzy = "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            assert current is not None, raw
            fields[current] += _unquote(line)
        else:
            key, _, value = line.partition(" ")
            current = key
            fields[key] = _unquote(value)
    flush()
    return entries


def marked_texts(root: Path = REPO / "desktop") -> dict[tuple[str | None, str], str]:
    """Every literal msgid in the code outside desktop/ui, with where it is:
    {(context, msgid): 'path:line'}."""
    found: dict[tuple[str | None, str], str] = {}
    for path in sorted(root.rglob("*.py")):
        if "ui" in path.relative_to(root).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in MARKERS:
                continue
            context = None
            if name == "pgettext" and node.args and isinstance(node.args[0], ast.Constant):
                context = node.args[0].value
            for index in MARKERS[name]:
                if index < len(node.args):
                    arg = node.args[index]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                        found[(context, arg.value)] = (
                            f"{path.relative_to(REPO)}:{node.lineno}")
    return found


_FIELD = re.compile(r"\{([A-Za-z_]\w*)[^{}]*\}")


def placeholders(text: str) -> set[str]:
    """The str.format fields of a template ('{count:,}' -> 'count')."""
    return set(_FIELD.findall(text))


_WORD = re.compile(r"[A-Za-z][a-z]{2,}")
#: File names and ids ('cn_city_census_2020.csv', 'census-2020-resident-population'): names,
#: not words of a sentence.
_IDENTIFIER = re.compile(r"[\w.-]*(?:_|\w\.\w|-\d|\d-)[\w.-]*")


def ascii_words(text: str) -> set[str]:
    """Lower-case words of three letters or more; placeholders, file names and ids left out."""
    text = _IDENTIFIER.sub(" ", _FIELD.sub(" ", text))
    return {w.lower() for w in _WORD.findall(text)}


def english_only_words(entries: list[Entry] | None = None) -> set[str]:
    """Words the English catalogue uses that no Chinese translation keeps (so 'GDP', 'CSV',
    'json' are not among them): any of these in Chinese output is untranslated English."""
    entries = read_po() if entries is None else entries
    english = set().union(*(ascii_words(e.msgid + " " + (e.plural or "")) for e in entries))
    kept = set().union(*(ascii_words(t) for e in entries for t in e.translations))
    return english - kept
