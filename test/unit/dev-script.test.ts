import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Where tools/dev.sh puts Node and pnpm (its default; CI may override it).
const prefix = process.env.COWRITE_TOOLS_PREFIX ?? `${homedir()}/.cache/cowrite/tools`;
const installedByDevScript = existsSync(`${prefix}/bin/pnpm`);
// A new shell on a fresh machine: only the system's folders on its PATH.
const freshShell = { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin', COWRITE_TOOLS_PREFIX: prefix };

describe.skipIf(!installedByDevScript)('tools/dev.sh tells a new shell how to find node and pnpm', () => {
  it('`tools/dev.sh path` prints exactly the PATH line to add', () => {
    const out = execFileSync('bash', ['tools/dev.sh', 'path'], { cwd: root, env: freshShell, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(out).toBe(`export PATH="${prefix}/bin:$PATH"\n`);
  });

  it('a new shell that evaluates it runs pnpm and the Node the workspace needs', () => {
    const out = execFileSync('bash', ['-c', 'eval "$(bash tools/dev.sh path 2>/dev/null)" && pnpm --version && node -p "process.versions.node"'], {
      cwd: root,
      env: freshShell,
      encoding: 'utf8',
    });
    const [pnpm, node] = out.trim().split('\n');
    expect(pnpm).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(node.split('.')[0])).toBeGreaterThanOrEqual(22);
  });

  it('prints a comment (nothing to change) when node and pnpm are already on the PATH', () => {
    const out = execFileSync('bash', ['tools/dev.sh', 'path'], {
      cwd: root,
      env: { ...freshShell, PATH: `${prefix}/bin:${freshShell.PATH}` },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(out).toBe('# node and pnpm are already on your PATH\n');
  });
});
