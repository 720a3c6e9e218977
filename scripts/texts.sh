#!/usr/bin/env bash
# The text catalogue: extract every English text marked in desktop/ (N_, gettext, ngettext,
# pgettext; desktop/ui keeps Qt's .ts), merge it into the Chinese .po and compile the .mo.
# Run after adding or changing an English text, translate the new entries in
#   resources/locale/zh_CN/LC_MESSAGES/city_profiles.po
# (empty msgstr = untranslated: tests/text/test_catalogue.py fails on them), run it again and
# commit both the .po and the .mo, so that no build step is needed to run or freeze the app.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
"$PYTHON" -c "import babel" 2>/dev/null || "$PYTHON" -m pip install -q "babel>=2.12"

LOCALES=resources/locale
DOMAIN=city_profiles
PO=$LOCALES/zh_CN/LC_MESSAGES/$DOMAIN.po
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/mapping.cfg" <<'MAP'
[ignore: ui/**]
[python: **.py]
MAP

"$PYTHON" -m babel.messages.frontend extract --no-wrap --sort-by-file \
    --add-location=file --keywords="NP_:1,2" --mapping-file="$work/mapping.cfg" \
    --project="City Profiles" --copyright-holder="City Profiles" \
    --output-file="$work/$DOMAIN.pot" desktop 2> "$work/extract.log" \
    || { cat "$work/extract.log" >&2; exit 1; }
if [[ -f $PO ]]; then
    "$PYTHON" -m babel.messages.frontend update --no-wrap --no-fuzzy-matching \
        --ignore-obsolete --input-file="$work/$DOMAIN.pot" --output-file="$PO" --locale=zh_CN
else
    "$PYTHON" -m babel.messages.frontend init --no-wrap --input-file="$work/$DOMAIN.pot" \
        --output-file="$PO" --locale=zh_CN
fi
# Compiled through Babel's API rather than `pybabel compile`: its python-format check reads
# "{share}% of" as a %-placeholder; tests/text/test_catalogue.py checks the {placeholders}.
"$PYTHON" - "$PO" <<'PY'
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

po = Path(sys.argv[1])
with po.open("rb") as source:
    catalog = read_po(source, locale="zh_CN")
with po.with_suffix(".mo").open("wb") as target:
    write_mo(target, catalog)
done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
print(f"{po.with_suffix('.mo')}: {done} of {len(catalog)} messages translated")
PY
