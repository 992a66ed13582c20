import { defineConfig, type Options } from 'tsup';

/**
 * The build of every published package: ESM with `.d.ts`, ES2022, tree-shaken, source maps.
 * Dependencies and peer dependencies stay external (tsup's default), so a provider package
 * never bundles its own copy of `@tarash/core` or zod.
 */
export function packageBuild(options: { readonly entry: Record<string, string>; readonly platform?: Options['platform'] }) {
  return defineConfig({
    entry: options.entry,
    format: ['esm'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: options.platform ?? 'neutral',
    splitting: true,
    treeshake: true,
  });
}
