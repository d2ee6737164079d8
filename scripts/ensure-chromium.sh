#!/usr/bin/env bash
# The PDF forms and the page tests drive Debian's Chromium. On a fresh Debian machine where we
# are root (CI, a new workstation), install it so that `npm test` needs nothing done by hand;
# elsewhere say what is missing. CHROMIUM_PATH points at another build.
set -euo pipefail
path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$path" ] && exit 0
if [ -z "${CHROMIUM_PATH:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the PDF forms and the page tests..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q chromium fonts-liberation >/dev/null ||
    { apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-liberation >/dev/null; }
  exit 0
fi
echo "Chromium is needed at $path for the PDF forms and the page tests:" >&2
echo "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
