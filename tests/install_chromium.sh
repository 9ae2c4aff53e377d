#!/bin/sh
# Installs Debian's chromium for tests/test_browser.py when it is missing.
# Needs root (or password-less sudo) and apt-get; otherwise it says so and the
# browser tests skip with that reason. Never fails the build by itself.
set -u
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: no apt-get here; browser tests will be skipped (install chromium at $CHROMIUM)" >&2
    exit 0
fi
if [ "$(id -u)" = 0 ]; then
    run=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run="sudo -n"
else
    echo "install_chromium: not root; browser tests will be skipped (run: sudo apt-get install chromium)" >&2
    exit 0
fi
echo "install_chromium: installing chromium with apt-get for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
if $run apt-get update -qq && $run apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null; then
    echo "install_chromium: $("$CHROMIUM" --version 2>/dev/null)" >&2
else
    echo "install_chromium: apt-get could not install chromium; browser tests will be skipped" >&2
fi
exit 0
