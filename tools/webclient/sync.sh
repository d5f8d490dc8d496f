#!/usr/bin/env bash
# Copies the pinned browser bundles into the web host's wwwroot/lib, so running the host never needs npm.
# The copies are committed; MeetingBot.E2E.Tests checks they are byte-identical to node_modules here.
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
lib=../../src/MeetingBot.Web/wwwroot/lib
mkdir -p "$lib"
while read -r from to; do
  cp "node_modules/$from" "$lib/$to"
  echo "copied $from -> wwwroot/lib/$to"
done < bundles.txt
