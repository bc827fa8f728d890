#!/usr/bin/env bash
# One entry point for newcomers and CI: makes sure Node >= 22.12 (installs Node 24
# from the npm registry when the machine's is older), pnpm, Debian's Chromium and a
# CJK font (for browser tests and Chinese text) and redis-server (for the queue tests),
# installs the workspace, then runs the requested job.
#   bash tools/dev.sh demo     install, then start the demo storefront
#   bash tools/dev.sh test     install, then run every test (node + Chromium)
#   bash tools/dev.sh setup    install only
#   bash tools/dev.sh shell    install, then open a shell where node and pnpm work
#   bash tools/dev.sh path     print the PATH line for your shell profile (eval "$(bash tools/dev.sh path)")
set -euo pipefail
cd "$(dirname "$0")/.."

# Progress goes to stderr, so `path` prints nothing but the line to evaluate.
say() { echo "› $*" >&2; }

PNPM_VERSION=12.4.2
TOOLS_PREFIX="${COWRITE_TOOLS_PREFIX:-$HOME/.cache/cowrite/tools}"
ORIGINAL_PATH="$PATH"
job="${1:-setup}"

node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1);'
}

if [ -x "$TOOLS_PREFIX/bin/node" ]; then export PATH="$TOOLS_PREFIX/bin:$PATH"; fi
if ! node_ok; then
  say "Node $(node --version 2>/dev/null || echo missing) is too old; installing Node 24 into $TOOLS_PREFIX"
  mkdir -p "$TOOLS_PREFIX"
  # npm 11 blocks the package's install script; the binary it ships works without it.
  npm install -g --prefix "$TOOLS_PREFIX" node@24 >/dev/null 2>&1 </dev/null
  export PATH="$TOOLS_PREFIX/bin:$PATH"
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION into $TOOLS_PREFIX"
  mkdir -p "$TOOLS_PREFIX"
  npm install -g --prefix "$TOOLS_PREFIX" "pnpm@$PNPM_VERSION" >/dev/null </dev/null
  export PATH="$TOOLS_PREFIX/bin:$PATH"
fi
say "node $(node --version), pnpm $(pnpm --version)"

# The line a new shell needs when node/pnpm live in TOOLS_PREFIX and not on the shell's own PATH.
path_line() {
  case ":$ORIGINAL_PATH:" in
    *":$TOOLS_PREFIX/bin:"*) return 1 ;;
  esac
  [ "$(command -v pnpm)" = "$TOOLS_PREFIX/bin/pnpm" ] || return 1
  echo "export PATH=\"$TOOLS_PREFIX/bin:\$PATH\""
}

if [ "$job" = path ]; then
  path_line || echo "# node and pnpm are already on your PATH"
  exit 0
fi

# Chromium for the browser tests; a CJK font, or Chinese text (a third of the demo's reviews) draws as boxes;
# redis-server for the queue tests (BullMQ), which start their own on a free loopback port.
if [ "$job" = test ] || [ "$job" = ci ]; then
  packages=()
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then packages+=(chromium); fi
  if command -v apt-get >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then packages+=(fonts-noto-cjk); fi
  if ! command -v redis-server >/dev/null 2>&1; then packages+=(redis-server); fi
  if [ "${#packages[@]}" -gt 0 ]; then
    say "installing Debian's ${packages[*]}"
    sudo_if_needed=()
    if [ "$(id -u)" != 0 ]; then sudo_if_needed=(sudo); fi
    "${sudo_if_needed[@]}" apt-get update -qq && "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
fi

pnpm install --frozen-lockfile
pnpm run fixtures

if line="$(path_line)"; then
  say "node and pnpm are in $TOOLS_PREFIX/bin, which a new shell does not have on its PATH. Add this line to ~/.bashrc (or ~/.profile),"
  say "or run \`bash tools/dev.sh shell\` for a shell that has them:"
  echo "    $line" >&2
fi

case "$job" in
  setup) ;;
  demo) exec pnpm run demo ;;
  test) exec pnpm test ;;
  shell) say "a shell with node and pnpm (exit to leave)"; exec "${SHELL:-bash}" -i ;;
  ci) ;;
  *) echo "unknown job: $job (demo | test | setup | shell | path)" >&2; exit 2 ;;
esac
