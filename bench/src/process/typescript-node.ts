import { fileURLToPath } from 'node:url';

/** Node flags that run our TypeScript sources directly (the workspace's "@tarash/source" condition + tsx). */
export const TYPESCRIPT_NODE_FLAGS: readonly string[] = ['--conditions=@tarash/source', '--import', 'tsx'];

/** The absolute path of a module next to `base` (an `import.meta.url`). */
export function modulePath(base: string, relative: string): string {
  return fileURLToPath(new URL(relative, base));
}
