import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command';
import { REPO_ROOT } from './repository-paths';

/** The packages the bench runs from their dist builds. */
const OUR_PACKAGES = ['core', 'provider-fal', 'provider-replicate'] as const;

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(packageName: string): boolean {
  const root = join(REPO_ROOT, 'packages', packageName);
  try {
    return newestMtime(join(root, 'src')) > statSync(join(root, 'dist', 'index.js')).mtimeMs;
  } catch {
    return true;
  }
}

/**
 * Builds the dist packages every scenario runs ours from (as users install it), before any of
 * them is imported. `when-stale` reuses a build newer than every source file. Returns what it
 * did, for the report.
 */
export async function buildOurPackages(rebuild: 'always' | 'when-stale'): Promise<string> {
  if (rebuild === 'when-stale' && !OUR_PACKAGES.some(isStale)) return 'reused the existing dist build (newer than its sources)';
  const filters = OUR_PACKAGES.flatMap((name) => ['--filter', `@tarash/${name}`]);
  const { wallMs } = await runCommand('npx', ['-y', 'pnpm@10', ...filters, 'build'], REPO_ROOT);
  return `built with \`npx -y pnpm@10 ${filters.join(' ')} build\` (${(wallMs / 1000).toFixed(0)} s)`;
}
