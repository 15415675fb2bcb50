#!/bin/sh
# Make sure Debian's chromium is installed for the browser tests (tests/browser). Idempotent: does nothing when
# chromium is already there. Playwright never downloads a browser in this project; it launches this one.
set -u

if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: chromium is missing and this system has no apt-get." >&2
    echo "ensure_chromium: install Chromium so that /usr/bin/chromium exists (or set JOBCENTER_CHROMIUM)." >&2
    exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "ensure_chromium: chromium is missing; run as root: apt-get update && apt-get install -y chromium" >&2
        exit 1
    fi
fi

echo "ensure_chromium: installing Debian's chromium (apt-get install -y chromium) ..."
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; then
    # A fresh container often has no package lists yet.
    $SUDO apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi

if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; then
    echo "ensure_chromium: $(chromium --version 2>/dev/null | tail -n 1)"
    exit 0
fi
echo "ensure_chromium: could not install chromium; the browser tests (tests/browser) cannot run." >&2
exit 1
