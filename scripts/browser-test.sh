#!/usr/bin/env bash
# The review page's browser tests (tests/browser/): `songngu serve` driven by Playwright in
# the distribution's Chromium. Sets up what it needs on a fresh Debian machine, as root (CI)
# or as a user with sudo: Chromium from apt when /usr/bin/chromium is missing, and a Python
# virtual environment (target/browser-venv) with the pinned packages of
# tests/browser/requirements.txt. Never `playwright install`: no browser is downloaded.
# Screenshots go to target/browser-artifacts/. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=target/browser-venv
requirements=tests/browser/requirements.txt
export SONGNGU_CHROMIUM=${SONGNGU_CHROMIUM:-/usr/bin/chromium}
export SONGNGU_BROWSER_ARTIFACTS=${SONGNGU_BROWSER_ARTIFACTS:-$PWD/target/browser-artifacts}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The system's packages: Chromium, and Python's venv module (Debian ships it apart).
missing=()
[ -x "$SONGNGU_CHROMIUM" ] || missing+=(chromium)
command -v python3 >/dev/null || missing+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "browser-test: installing ${missing[*]} from the distribution"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The virtual environment, made again when the pinned versions change.
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$venv/requirements.txt"; then
    echo "browser-test: preparing $venv"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/requirements.txt"
fi

# The debug build the Rust tests use as well.
cargo build --quiet --bin songngu
export SONGNGU_BIN=$PWD/target/debug/songngu

rm -rf "$SONGNGU_BROWSER_ARTIFACTS"
status=0
PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest tests/browser "$@" || status=$?
echo "browser-test: screenshots in $SONGNGU_BROWSER_ARTIFACTS/"
exit "$status"
