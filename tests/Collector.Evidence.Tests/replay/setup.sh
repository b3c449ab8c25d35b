#!/usr/bin/env bash
# Sets up a real replay client for ReplayTests: ReplayWeb.page's prebuilt ui.js/sw.js (npm: replaywebpage, taken as a
# packed tarball because its source dependencies are not all served) and puppeteer-core to drive the system Chromium.
# Usage: tests/Collector.Evidence.Tests/replay/setup.sh DIR ; then COLLECTOR_REPLAY_DIR=DIR runs the replay test.
set -euo pipefail
dir=${1:?usage: setup.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir/site/replay"
cd "$dir"
[[ -f package.json ]] || npm init -y >/dev/null
npm install --no-audit --no-fund puppeteer-core@25 >/dev/null
tarball=$(npm pack replaywebpage@2.5.3 2>/dev/null | tail -n 1)
tar xzf "$tarball"
cp package/ui.js site/ui.js
cp package/sw.js site/replay/sw.js
# the embed iframe loads replay/ (the app shell) before its service worker is in control
cp package/ui.js site/replay/ui.js
cp package/index.html site/replay/index.html
cp "$here/replay.js" replay.js
echo "replay client ready in $dir"
