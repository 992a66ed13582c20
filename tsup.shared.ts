import { defineConfig, type Options } from 'tsup';

/**
 * The build of every published package: ESM with `.d.ts`, ES2022, tree-shaken, source maps.
 * Dependencies and peer dependencies stay external (tsup's default), so a provider package
 * never bundles its own copy of `@tarash/core`, with one exception: zod.
 *
 * The part of zod/mini a package uses is bundled into its `dist`, because Node, unbundled,
 * evaluates zod's whole module graph (every check, every locale: about 50 ms) on import,
 * which is most of a cold start. zod stays a dependency for the `.d.ts`, which import its
 * types. A schema built by one package's copy parses through another's (zod reads its
 * global config from `globalThis`, and a parse runs the schema's own code).
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
    noExternal: [/^zod(\/|$)/],
  });
}
