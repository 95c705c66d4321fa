#!/bin/sh
# ci.sh — what CI runs for the web map (from any directory):
#   1. npm ci (exact versions of package-lock.json);
#   2. rebuild dist/ and fail when it differs from the committed one;
#      run the unit tests of the page's code (no browser);
#   3. install Debian's chromium when absent (as root, with apt-get);
#   4. build caravan and run the browser tests (screenshots in
#      $SCREENSHOTS, default web/test/screenshots: keep them as artifacts).
# Set WEB_SKIP_BROWSER=1 to stop after step 2.
set -eu
web=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$web/.." && pwd)
cd "$web"

npm ci --no-audit --no-fund
node build.mjs
if ! git -C "$root" diff --exit-code --stat -- web/dist || [ -n "$(git -C "$root" status --porcelain -- web/dist)" ]; then
	git -C "$root" status --short -- web/dist
	echo "web/ci.sh: web/dist differs from a fresh build; run 'node web/build.mjs' and commit web/dist" >&2
	exit 1
fi
echo "web/ci.sh: web/dist matches a fresh build"
node --test test/offsets.test.mjs test/waypoints.test.mjs

if [ "${WEB_SKIP_BROWSER:-}" = 1 ]; then
	exit 0
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	else
		echo "web/ci.sh: $chromium is absent and this is not root with apt-get; the browser tests will skip" >&2
	fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/caravan" ./cmd/caravan)
CARAVAN_BIN="$tmp/caravan" SCREENSHOTS="${SCREENSHOTS:-$web/test/screenshots}" node --test test/e2e.test.mjs
