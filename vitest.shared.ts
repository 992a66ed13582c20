import type { UserWorkspaceConfig } from 'vitest/config';

/**
 * Shared vitest settings: resolve workspace packages to their TypeScript sources through the
 * `@tarash/source` export condition, so tests never depend on a previous build.
 */
export const sharedTestConfig: UserWorkspaceConfig = {
  resolve: { conditions: ['@tarash/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@tarash/source', 'module', 'node', 'import', 'default'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
};
