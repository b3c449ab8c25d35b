#!/usr/bin/env bash
# Every test of Collector, from a fresh clone: installs Chromium, PostgreSQL and the third-party readers (DuckDB, warcio.js,
# ajv-cli, networkx, xmllint, openssl) when missing, builds, runs all test projects.
source "$(dirname "$0")/../.ci/lib.sh"
ensure_chromium
ensure_test_tools
ensure_postgres || log "PostgreSQL unavailable: the cluster tests will report themselves skipped"
ensure_third_party_tools
ensure_replay_client || true
cd "$ROOT"
ensure_build
log "running tests…"
set +e
dotnet test --solution Collector.sln -c Release --no-build 2>&1 | tee /tmp/collector-tests.log
rc=${PIPESTATUS[0]}
set -e
# One plain closing line, whatever the runner printed.
python3 - /tmp/collector-tests.log <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
m = re.findall(r"total:\s*(\d+)\s*\n?\s*failed:\s*(\d+)\s*\n?\s*succeeded:\s*(\d+)\s*\n?\s*skipped:\s*(\d+)", text)
if m:
    total, failed, passed, skipped = map(int, m[-1])
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $rc
