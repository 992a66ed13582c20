import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { modulePath } from '../process/typescript-node';

/** The size of an entry's bundle, minified, before and after gzip. */
export interface BundleSize {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  /** The packages that take the most room in the minified bundle, largest first. */
  readonly largestPackages: readonly { readonly name: string; readonly bytes: number }[];
}

/** `…/node_modules/zod/v4/core/schemas.js` → `zod`; `../packages/core/dist/index.js` → `@tarash/core`. */
function packageOf(input: string): string {
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(input);
  if (workspace && !input.includes('node_modules')) return `@tarash/${workspace[1] as string}`;
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return 'the entry itself';
  const parts = input.slice(at + 'node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? input);
}

/** Node's built-in modules stay out of every bundle (the AI SDK's gateway imports fs, path, os). */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/**
 * Bundles `entries/<entry>.ts` with esbuild for a neutral platform (ESM, minified, packages
 * resolved through their `module`/`main` fields and `import` condition: our dist builds),
 * then gzips it at level 9.
 */
export async function measureBundleSize(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [modulePath(import.meta.url, `./entries/${entry}.ts`)],
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: NODE_BUILTINS,
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const byPackage = new Map<string, number>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
  }
  const largestPackages = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 3);
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, largestPackages };
}
