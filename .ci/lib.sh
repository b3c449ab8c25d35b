# Set-up shared by ./collector, tests/run.sh and .ci/run: install what is missing, build once.
# Sourced, not run. Works on a fresh Debian 12 machine with the .NET 10 SDK, as root (or with sudo).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
APT_UPDATED=""

log() { echo "[collector] $*" >&2; }

apt_install() {
  if [[ -z $APT_UPDATED ]]; then $SUDO apt-get update -qq >&2; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
}

# Both builds of Chromium 156: the crawler renders in the headless shell (lighter), the report and replay checks use
# the full browser.
ensure_chromium() {
  [[ -x /usr/lib/chromium/chromium && -x /usr/lib/chromium/chromium-headless-shell ]] && return 0
  log "installing Chromium from apt (the browser fetcher and report tests use it)"
  apt_install chromium chromium-headless-shell
}

# Tools the tests run as they are (the durability test traces a child's system calls).
ensure_test_tools() {
  command -v strace >/dev/null || { log "installing strace from apt (the artifact durability test traces system calls)"; apt_install strace; }
}

# PostgreSQL backs the Quartz cluster tests; exports COLLECTOR_TEST_POSTGRES (a role that may create databases).
ensure_postgres() {
  command -v pg_ctlcluster >/dev/null || { log "installing PostgreSQL from apt"; apt_install postgresql; }
  local version; version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1)
  [[ -n $version ]] || { log "no PostgreSQL cluster found"; return 1; }
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $4}' | grep -q online; then
    $SUDO pg_ctlcluster "$version" main start >&2 || { log "could not start PostgreSQL $version"; return 1; }
  fi
  local psql=(psql -v ON_ERROR_STOP=1 -q -X)
  run_pg() { if [[ $(id -u) == 0 ]]; then su postgres -c "$*"; else sudo -u postgres bash -c "$*"; fi; }
  run_pg "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='collector'\"" | grep -q 1 \
    || run_pg "psql -qc \"CREATE ROLE collector LOGIN CREATEDB PASSWORD 'collector'\"" >&2
  run_pg "psql -qc \"ALTER ROLE collector CREATEDB\"" >&2
  # the maintenance database: each test that needs PostgreSQL creates a database of its own there and drops it
  export COLLECTOR_TEST_POSTGRES="Host=127.0.0.1;Port=$(pg_lsclusters -h | awk 'NR==1{print $3}');Username=collector;Password=collector;Database=postgres"
  : "${psql[@]}"
}

# Builds the solution once (Release) when any source is newer than the collector binary.
COLLECTOR_DLL="$ROOT/app/Collector.Cli/bin/Release/net10.0/linux-x64/collector.dll"
BUILD_STAMP="$ROOT/app/Collector.Cli/bin/Release/.built"
ensure_build() {
  if [[ -f $COLLECTOR_DLL && -f $BUILD_STAMP ]] && [[ -z $(find "$ROOT" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$BUILD_STAMP" -not -path '*/obj/*' -not -path '*/bin/*' -not -path '*/.slots/*' -not -path '*/archive/*' -print -quit) ]]; then
    return 0
  fi
  log "building (Release)…"
  dotnet build "$ROOT/Collector.sln" -c Release -nologo -v q >&2
  touch "$BUILD_STAMP"
}

# The third-party readers the interop tests run (never our own code): DuckDB, warcio.js and ajv-cli from npm into
# COLLECTOR_TOOLS_DIR (never the repo, never global), networkx, xmllint and openssl from apt. Exports
# COLLECTOR_TOOLS_DIR, which the tests read; a test whose tool is missing reports itself skipped.
ensure_third_party_tools() {
  export COLLECTOR_TOOLS_DIR=${COLLECTOR_TOOLS_DIR:-$HOME/.cache/collector-tools}
  local npm_packages=("@duckdb/node-api@1.5.6-r.1" "warcio@2.4.11" "ajv@8.20.0" "ajv-formats@3.0.1" "ajv-cli@5.0.0")
  local missing=()
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  /usr/bin/python3 -c 'import networkx' 2>/dev/null || missing+=(python3-networkx)  # Debian's Python (networkx 2.8), not a pyenv one
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v openssl >/dev/null || missing+=(openssl)
  if (( ${#missing[@]} )); then log "installing ${missing[*]} from apt (interop tests)"; apt_install "${missing[@]}"; fi
  local stamp="$COLLECTOR_TOOLS_DIR/.installed"
  if [[ ! -f $stamp || $(cat "$stamp") != "${npm_packages[*]}" ]]; then
    log "installing ${npm_packages[*]} from npm into $COLLECTOR_TOOLS_DIR (interop tests)"
    mkdir -p "$COLLECTOR_TOOLS_DIR"
    [[ -f $COLLECTOR_TOOLS_DIR/package.json ]] || echo '{ "name": "collector-tools", "private": true }' > "$COLLECTOR_TOOLS_DIR/package.json"
    (cd "$COLLECTOR_TOOLS_DIR" && npm install --no-audit --no-fund --silent "${npm_packages[@]}" >&2) \
      && echo "${npm_packages[*]}" > "$stamp" \
      || log "npm install failed: the interop tests that need DuckDB, warcio or ajv will report themselves skipped"
  fi
}

# ReplayWeb.page and puppeteer-core for the replay tests (tests/Collector.Evidence.Tests/replay), set up from npm once
# into the tools folder; exports COLLECTOR_REPLAY_DIR. Kept apart from the other npm tools so that each can change alone.
ensure_replay_client() {
  local dir="${COLLECTOR_TOOLS_DIR:-$HOME/.cache/collector-tools}/replay"
  if [[ ! -f $dir/site/replay/sw.js || ! -d $dir/node_modules/puppeteer-core ]]; then
    command -v npm >/dev/null || { log "installing Node.js and npm from apt (the replay test drives ReplayWeb.page)"; apt_install nodejs npm; }
    log "setting up ReplayWeb.page for the replay tests in $dir"
    PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 bash "$ROOT/tests/Collector.Evidence.Tests/replay/setup.sh" "$dir" >&2 \
      || { log "ReplayWeb.page could not be set up: the replay tests will report themselves skipped"; return 1; }
  fi
  cp "$ROOT/tests/Collector.Evidence.Tests/replay/replay.js" "$dir/replay.js" # the driver follows the working tree
  export COLLECTOR_REPLAY_DIR="$dir"
}
