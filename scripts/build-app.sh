#!/usr/bin/env bash
# Build the one-folder PyInstaller app (build/dist/city-profiles) and smoke-test the frozen
# binary: it must render the main window offscreen and, when the report command exists, write
# a PDF. Prints the bundle size against the 300 MB target. Used by .ci/run after the tests.
set -euo pipefail
# shellcheck source=scripts/_bootstrap.sh
source "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/_bootstrap.sh"
bootstrap

if ! .venv/bin/python -c 'import PyInstaller' >/dev/null 2>&1; then
    .venv/bin/python -m pip install --disable-pip-version-check --no-input -q "pyinstaller>=6.10,<7"
fi
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
    build.spec

app=build/dist/city-profiles/city-profiles
# The raw source files (resources/sources) stay in the repository; the app carries only the
# bundled data built from them.
if [ -n "$(find build/dist/city-profiles -path '*/resources/sources' -print -quit)" ]; then
    echo "frozen app carries resources/sources (build.spec should leave it out)" >&2
    exit 1
fi
[ -n "$(find build/dist/city-profiles -path '*/resources/data/catalog.json' -print -quit)" ] || {
    echo "frozen app lacks resources/data/catalog.json" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen

"$app" --screenshot "$out/window.png"
.venv/bin/python - "$out/window.png" <<'PY'
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
assert (image.width(), image.height()) == (1600, 1000), (image.width(), image.height())
print("frozen app: main window rendered at 1600x1000")
PY

# The plain start (no arguments): window first, data loaded by a worker, then the panels.
marks=$(XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data" CITY_PROFILES_STARTUP_PROBE=1 \
    timeout 120 "$app" | tr '\n' ' ')
[ "$marks" = "first_paint ready " ] || { echo "frozen plain start printed: $marks" >&2; exit 1; }
echo "frozen app: plain start painted first, then showed the data"

if "$app" report --help >/dev/null 2>&1; then
    "$app" report --focus Shenyang --group north_east -o "$out/report.pdf"
    test -s "$out/report.pdf"
    echo "frozen app: report written ($(du -k "$out/report.pdf" | cut -f1) KB)"
fi

if "$app" profile --focus Atlantis >/dev/null 2>"$out/err"; then
    echo "frozen app accepted an unknown city" >&2
    exit 1
fi
grep -q "unknown city" "$out/err"

size_mb=$(du -sm build/dist/city-profiles | cut -f1)
verdict=ok
[ "$size_mb" -lt 300 ] || verdict=short
echo "bundle_size: ${size_mb} MB (target 300 MB) ${verdict}"
