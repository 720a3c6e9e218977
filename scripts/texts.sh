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
# One run at a time: Babel's update replaces the .po by renaming, and a second run reading it
# in that moment once found no file and started an empty catalogue.
exec 9> "$LOCALES/.texts.lock"
flock 9
cat > "$work/mapping.cfg" <<'MAP'
[ignore: ui/**]
[python: **.py]
MAP

"$PYTHON" -m babel.messages.frontend extract --no-wrap --sort-by-file \
    --add-location=file --keywords="NP_:1,2" --mapping-file="$work/mapping.cfg" \
    --project="City Profiles" --copyright-holder="City Profiles" \
    --output-file="$work/$DOMAIN.pot" desktop 2> "$work/extract.log" \
    || { cat "$work/extract.log" >&2; exit 1; }
if [[ ! -f $PO ]]; then  # never start an empty catalogue over lost translations
    echo "texts.sh: $PO is missing; restore it (git checkout -- $PO) and run again" >&2
    exit 1
fi
"$PYTHON" -m babel.messages.frontend update --no-wrap --no-fuzzy-matching \
    --ignore-obsolete --input-file="$work/$DOMAIN.pot" --output-file="$PO" --locale=zh_CN
# Compiled through Babel's API rather than `pybabel compile`: its python-format check reads
# "{share}% of" as a %-placeholder; tests/text/test_catalogue.py checks the {placeholders}.
"$PYTHON" - "$PO" <<'PY'
import os
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

po = Path(sys.argv[1])
with po.open("rb") as source:
    catalog = read_po(source, locale="zh_CN")
# written beside and renamed, so that the app or a test reading the .mo meanwhile never sees
# half of it
handle, temporary = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
with os.fdopen(handle, "wb") as target:
    write_mo(target, catalog)
os.chmod(temporary, 0o644)
os.replace(temporary, po.with_suffix(".mo"))
done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
print(f"{po.with_suffix('.mo')}: {done} of {len(catalog)} messages translated")
PY
