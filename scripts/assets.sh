#!/usr/bin/env bash
# Install the front-end libraries from the npm registry (pinned by package-lock.json)
# and copy the files the portal serves into static/vendor/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --silent; else npm install --no-audit --no-fund --silent; fi
V=static/vendor
rm -rf "$V"
mkdir -p "$V/bootstrap/css" "$V/bootstrap/js" "$V/bootstrap-icons/fonts" "$V/chartjs" "$V/htmx"
cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map "$V/bootstrap/css/"
cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map "$V/bootstrap/js/"
cp node_modules/bootstrap-icons/font/bootstrap-icons.min.css "$V/bootstrap-icons/"
cp node_modules/bootstrap-icons/font/fonts/* "$V/bootstrap-icons/fonts/"
cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map "$V/chartjs/"
cp node_modules/htmx.org/dist/htmx.min.js "$V/htmx/"
for pkg in bootstrap bootstrap-icons chart.js htmx.org; do
  for f in node_modules/$pkg/LICENSE*; do cp "$f" "$V/LICENSE-$pkg"; done
done
echo "front-end assets installed in $V"
