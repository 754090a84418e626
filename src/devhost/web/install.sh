#!/bin/sh
# Installs the dev host's front-end libraries (AUI, jQuery) and the browser tests' axe-core, pinned in package-lock.json beside this script, with
# npm ci into DEST/node_modules (DEST: the first argument). Skips npm when DEST holds an install from the same
# lock file; npm is needed only when it does not.
set -eu
src=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: install.sh DEST}
stamp="$dest/installed-package-lock.json"

if [ -d "$dest/node_modules" ] && cmp -s "$src/package-lock.json" "$stamp"; then
  echo "[devhost-web] AUI and jQuery are up to date in $dest/node_modules (package-lock.json unchanged): npm not run"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "[devhost-web] npm is missing: the dev host needs it once to install AUI and jQuery (README, \"Requirements\")" >&2
  exit 1
fi
echo "[devhost-web] npm ci: installing AUI and jQuery from src/devhost/web/package-lock.json into $dest/node_modules"
mkdir -p "$dest"
rm -f "$stamp"
cp "$src/package.json" "$src/package-lock.json" "$dest/"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
cp "$src/package-lock.json" "$stamp"
