#!/bin/sh
# Builds the site (vite) only when its sources are newer than the last build, so `npm start`
# stays fast: a no-op check takes milliseconds, a build a few seconds. FORCE=1 always builds.
set -eu
cd "$(dirname "$0")/.."
stamp=dist/index.html
if [ "${FORCE:-0}" != "1" ] && [ -f "$stamp" ] && \
   [ -z "$(find index.html vite.config.ts package.json src public ../../package-lock.json -newer "$stamp" -print 2>/dev/null | head -n 1)" ]; then
  exit 0
fi
echo "building the site (apps/admin → apps/admin/dist)…"
exec ../../node_modules/.bin/vite build --config vite.config.ts --logLevel warn
