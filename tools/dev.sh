#!/usr/bin/env bash
# One entry point for newcomers and CI: makes sure Node >= 22.12 (installs Node 24
# from the npm registry when the machine's is older), pnpm, Debian's Chromium (for
# browser tests) and redis-server (for the queue tests), installs the workspace, then runs the requested job.
#   bash tools/dev.sh demo     install, then start the demo storefront
#   bash tools/dev.sh test     install, then run every test (node + Chromium)
#   bash tools/dev.sh setup    install only
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
TOOLS_PREFIX="${COWRITE_TOOLS_PREFIX:-$HOME/.cache/cowrite/tools}"

node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1);'
}

if [ -x "$TOOLS_PREFIX/bin/node" ]; then export PATH="$TOOLS_PREFIX/bin:$PATH"; fi
if ! node_ok; then
  echo "› Node $(node --version 2>/dev/null || echo missing) is too old; installing Node 24 into $TOOLS_PREFIX"
  mkdir -p "$TOOLS_PREFIX"
  # npm 11 blocks the package's install script; the binary it ships works without it.
  npm install -g --prefix "$TOOLS_PREFIX" node@24 >/dev/null 2>&1
  export PATH="$TOOLS_PREFIX/bin:$PATH"
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm $PNPM_VERSION into $TOOLS_PREFIX"
  mkdir -p "$TOOLS_PREFIX"
  npm install -g --prefix "$TOOLS_PREFIX" "pnpm@$PNPM_VERSION" >/dev/null
  export PATH="$TOOLS_PREFIX/bin:$PATH"
fi
echo "› node $(node --version), pnpm $(pnpm --version)"

job="${1:-setup}"
apt_install() {
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; fi
}
if [ "$job" = test ] || [ "$job" = ci ]; then
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "› installing Debian's chromium for the browser tests"
    apt_install chromium
  fi
  # The queue tests (BullMQ) start their own redis-server on a free loopback port; only the binary is needed.
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "› installing Debian's redis-server for the queue tests"
    apt_install redis-server
  fi
fi

pnpm install --frozen-lockfile
pnpm run fixtures

case "$job" in
  setup) ;;
  demo) exec pnpm run demo ;;
  test) exec pnpm test ;;
  ci) ;;
  *) echo "unknown job: $job (demo | test | setup)" >&2; exit 2 ;;
esac
