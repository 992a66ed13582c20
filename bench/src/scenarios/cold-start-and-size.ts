import type { BenchSettings } from '../bench-settings';
import { measureBundleSize, type BundleSize } from '../cold-start/bundle-size';
import { measureImportTime } from '../cold-start/import-time';
import { runRounds } from '../measure/rounds';
import { figureOf } from '../report/figures';
import { formatValue } from '../report/format-value';
import { compareRow, type ResultRow, type Target } from '../report/result-row';

const TITLE = '4. Cold start and size';

/** A library as a user would import and bundle it to generate a fal video. */
interface Library {
  readonly id: string;
  readonly label: string;
  /** Modules imported, in order, by a fresh process. */
  readonly modules: readonly string[];
  /** The bundle entry in `cold-start/entries`. */
  readonly entry: string;
}

const OURS: Library = { id: 'tarash', label: 'ours (@tarash/core + @tarash/provider-fal)', modules: ['@tarash/core', '@tarash/provider-fal'], entry: 'tarash' };
const BASELINES: readonly Library[] = [
  { id: 'fal-js', label: '@fal-ai/client', modules: ['@fal-ai/client'], entry: 'fal-js' },
  { id: 'ai-sdk', label: 'Vercel AI SDK (ai + @ai-sdk/fal)', modules: ['ai', '@ai-sdk/fal'], entry: 'ai-sdk' },
];

const HALF_OF_AI_SDK: Target = { description: '≤ 0.5× Vercel AI SDK', isMet: (_, ratioTo) => (ratioTo('ai-sdk') ?? Infinity) <= 0.5 };

/**
 * Import time of each library in fresh Node processes (built dist packages, not tsx), and the
 * minified + gzipped size of a bundle that generates a video with it.
 */
export async function runColdStartScenario(settings: BenchSettings['coldStart'], log: (line: string) => void): Promise<ResultRow[]> {
  const libraries = [OURS, ...BASELINES];
  const imports = await runRounds(
    libraries,
    { warmupRounds: 1, measuredRounds: settings.spawns },
    (library) => measureImportTime(library.modules),
    (library, note) => log(`${TITLE} · ${library.label}: import ${note}`),
    (ms) => `${ms.toFixed(1)} ms`,
  );
  const bundles = await runRounds(
    libraries,
    { warmupRounds: 0, measuredRounds: 1 },
    (library) => measureBundleSize(library.entry),
    (library, note) => log(`${TITLE} · ${library.label}: bundle ${note}`),
    (size) => `${size.minifiedBytes} B minified, ${size.gzipBytes} B gzipped`,
  );
  const row = (metric: string, unit: 'ms' | 'bytes', figures: (library: Library) => ReturnType<typeof figureOf>, target: Target | undefined, note: string) =>
    compareRow({ scenario: TITLE, metric, unit, ours: figures(OURS), baselines: BASELINES.map(figures), ...(target ? { target } : {}), note });
  const bundleOf = (pick: (size: BundleSize) => number) => (library: Library) => figureOf(library, bundles.get(library), pick);
  const composition = libraries
    .map((library) => {
      const size = bundles.get(library)?.samples?.[0];
      return size ? `${library.label}: ${size.largestPackages.map((entry) => `${entry.name} ${formatValue(entry.bytes, 'bytes')}`).join(', ')}` : undefined;
    })
    .filter((text) => text !== undefined)
    .join('; ');
  const bundleNote = `esbuild bundle of an entry that generates a fal video, platform neutral, ESM, minified, Node built-ins external; gzip level 9. Largest packages in each minified bundle: ${composition}.`;
  return [
    row(
      `import time in a fresh process (median of ${settings.spawns} spawns)`,
      'ms',
      (library) => figureOf(library, imports.get(library), (ms) => ms),
      HALF_OF_AI_SDK,
      'performance.now() around the dynamic imports in `node --eval`, no tsx: the dist entry points users install.',
    ),
    row('bundle size, minified + gzip', 'bytes', bundleOf((size) => size.gzipBytes), HALF_OF_AI_SDK, bundleNote),
    row('bundle size, minified (before gzip)', 'bytes', bundleOf((size) => size.minifiedBytes), undefined, bundleNote),
  ];
}
