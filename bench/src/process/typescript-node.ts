import { fileURLToPath } from 'node:url';

/**
 * Node flags for the bench's own TypeScript: tsx compiles it, and our packages resolve to their
 * built `dist` (what users install), not to their sources.
 */
export const BENCH_NODE_FLAGS: readonly string[] = ['--import', 'tsx'];

/** Node flags that also run our packages from their sources (the workspace's "@tarash/source" condition); used for the fake servers. */
export const SOURCE_NODE_FLAGS: readonly string[] = ['--conditions=@tarash/source', '--import', 'tsx'];

/** The absolute path of a module next to `base` (an `import.meta.url`). */
export function modulePath(base: string, relative: string): string {
  return fileURLToPath(new URL(relative, base));
}
