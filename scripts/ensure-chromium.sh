#!/usr/bin/env bash
# The PDF forms and the page tests drive Debian's Chromium. On a Debian machine where we are root
# (CI, a new workstation), install it when it is missing; elsewhere say plainly that the tests
# that need it will be skipped. CHROMIUM_PATH points at another build.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The forms are laid out for Liberation's metrics (Times New Roman's): with another font a
# receipt no longer fits its A4 page, so a Chromium without them is as good as none.
has_fonts() { fc-list 2>/dev/null | grep -q 'Liberation Serif'; }
[ -x "$path" ] && { [ -n "${CHROMIUM_PATH:-}" ] || has_fonts; } && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the PDF forms and the page tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get install -y -q chromium fonts-liberation >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-liberation >/dev/null; }; then
    exit 0
  fi
fi
echo "No Chromium at $path: the PDF and page tests will be SKIPPED." >&2
echo "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to run them." >&2
