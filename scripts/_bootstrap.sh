# Shared set-up for scripts/run-app.sh and scripts/test.sh (sourced, not executed).
# Call: bootstrap [extra-debian-package ...]
# Leaves the working directory at the repository root and .venv ready to use.
# Quiet on the happy path; idempotent and fast on repeated runs.

# Shared libraries the PySide6 wheels need on Linux: EGL/GL, xkbcommon and fontconfig for QtGui
# (also offscreen), dbus, glib for QtCore, the xcb-* family for the X11 platform plugin,
# and a CJK font so Chinese city and indicator names render.
CP_QT_DEB_PACKAGES=(
    libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libxcb-render-util0 libxcb-image0 fonts-noto-cjk
)

cp_log() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }

cp_python() {
    # Interpreter used to create .venv: $PYTHON, else python3; must be 3.11+.
    local py="${PYTHON:-python3}"
    if ! command -v "$py" >/dev/null 2>&1; then
        cp_log "error: $py not found; install Python 3.11+ or set PYTHON=/path/to/python3"
        exit 1
    fi
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        cp_log "error: $("$py" -V 2>&1) is too old; City Profiles needs Python 3.11+ (set PYTHON=...)"
        exit 1
    fi
    printf '%s' "$py"
}

cp_system_packages() {
    # Install missing Debian packages (root + apt-get), or tell the user what is missing.
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=() pkg
    for pkg in "$@"; do
        # dpkg -s also succeeds for removed-but-configured packages; check the status field.
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            missing+=("$pkg")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        cp_log "installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq </dev/null >/dev/null
        apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >/dev/null
    else
        cp_log "warning: missing system packages (Qt may fail to start): ${missing[*]}"
        cp_log "         install them with: sudo apt-get install ${missing[*]}"
    fi
}

cp_venv() {
    local py
    py="$(cp_python)"
    if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c '' >/dev/null 2>&1; then
        # Debian's own python3 ships venv/ensurepip separately (python3-venv).
        if ! "$py" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            local venv_pkg
            venv_pkg="python3.$("$py" -c 'import sys; print(sys.version_info[1])')-venv"
            cp_system_packages "$venv_pkg"
        fi
        rm -rf .venv
        "$py" -m venv .venv
        rm -f .venv/.city-profiles-install
    fi
    # Reinstall only when pyproject.toml, the interpreter or the set of top-level packages
    # changed since the last install (an editable install made before desktop/ existed maps
    # nothing).
    local stamp=.venv/.city-profiles-install want
    want="$({ cat pyproject.toml; .venv/bin/python -VV; ls -d ./*/__init__.py 2>/dev/null || true; } \
        | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -x .venv/bin/city-profiles ]; then
        .venv/bin/python -m pip install --disable-pip-version-check --no-input -q -e ".[test]"
        printf '%s\n' "$want" >"$stamp"
    fi
}

bootstrap() {
    cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
    if [ "$(uname -s)" = Linux ]; then
        cp_system_packages "${CP_QT_DEB_PACKAGES[@]}" "$@"
    fi
    cp_venv
}
