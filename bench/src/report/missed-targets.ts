import { formatRatio, formatValue } from './format-value';
import type { ResultRow } from './result-row';

/**
 * Why a target is missed, by scenario and metric, as located when this bench was written
 * (package, file, what would fix it). Shown only for rows whose target this run missed.
 */
const CAUSES: readonly { readonly scenario: string; readonly metric: RegExp; readonly cause: string }[] = [
  {
    scenario: '2. Overhead (fal, instant jobs)',
    metric: /per job/,
    cause:
      'Same three requests, more work around them, spread thin (CPU profile of the dist build, `bench/src/profile/fal-hot-path.ts overhead` with `--cpu-prof`): ' +
      'undici is about half of the CPU for both; the self time of `@tarash/core` and `@tarash/provider-fal` together is about 16 %, with no function above 1 %. ' +
      'The largest extra is the abort wiring: each request gets its own `AbortController` for its idle timeout (`core/src/http/with-request-timeout.ts`), and a fetch given a signal makes undici create a second, following controller and listener (raw fetch passes none): about 5 % of CPU in `AbortController`/`makeTransferable`/`setMaxListeners`. ' +
      'Then zod validation of the request (`validation/validate-input.ts`, about 4 %), mapping, the attempt scope and metadata recorder, and the garbage of the layered async calls (GC is 10 % of the profile). ' +
      'Done already: the SSE parser scans by index, fal answers are checked with type tests instead of zod, queue settings are resolved once per attempt, and no log or progress objects are built when nobody listens. ' +
      'A leaner path would share one signal per attempt across its requests (the idle timeout enforced by timers that cancel the body instead of a controller per request).',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /wall time/,
    cause:
      'At this many jobs the run is bound by CPU on this 2-core machine, not by the 3 s of waiting: compare the raw-fetch floor (the same requests and nothing else), which misses the target too, and the fake server\'s CPU row. ' +
      'Ours adds the per-job costs of scenario 2 on top; fixing those narrows the gap to raw fetch, and what remains is the cost of fetch (undici) per request.',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /event-loop lag/,
    cause:
      'Starting every job in one tick runs each job\'s synchronous part (validation, mapping, building the submit) back to back before any I/O callback, and the same burst happens when the results come in; ' +
      'every contender shows it, raw fetch included, in proportion to its synchronous work per job. Bounding it needs the gateway to yield between submits (e.g. a `setImmediate` per job in `@tarash/core` `gateway.ts` before `prepare`) or the caller to pace them.',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /RSS/,
    cause:
      'Most of the growth is fetch itself, and raw fetch misses the target too: measured with `bench/src/profile/fal-hot-path.ts in-flight` (3000 jobs waiting on the server, after a GC), raw fetch holds about 26 KB of heap per in-flight job (sockets, undici request state, web streams) and ours about 37 KB. ' +
      'Ours keeps, per job and for its whole life, three `AbortController`s with their listeners (the attempt scope in `core/src/orchestrator/attempt-scope.ts`, the request\'s idle-timeout controller in `core/src/http/with-request-timeout.ts`, and undici\'s follower of it), two timers (deadline and idle timeout), the suspended async frames of its layered calls (about 7 generators, 8 promises, 16 closures per job in a heap snapshot) and the metadata recorder.',
  },
  {
    scenario: '4. Cold start and size',
    metric: /import time/,
    cause:
      'Importing `@tarash/provider-fal` evaluates all 75 generated endpoint modules reachable from its registry (`src/models/registry.ts`); `lazy-schema.ts` defers building each schema, not loading the modules. ' +
      'Fix: load endpoint modules on first use (a dynamic `import()` per endpoint, or per-endpoint entry points).',
  },
  {
    scenario: '4. Cold start and size',
    metric: /gzip/,
    cause:
      'Every generated endpoint module is reachable from `falProvider()`, so all 75 endpoints\' schemas land in the bundle with the zod/mini code they use (see the row\'s note for the measured shares). ' +
      'Fix: endpoint modules imported on demand, or per-endpoint entry points.',
  },
];

/** What ours measured against the target, in words. */
function shortfall(row: ResultRow): string {
  const ours = row.ours.value;
  if (ours === undefined) return `ours failed (${row.ours.error ?? 'no value'})`;
  const ratios = row.baselines.filter((baseline) => baseline.ratio !== undefined).map((baseline) => `${formatRatio(baseline.ratio as number)} ${baseline.label}`);
  const limit = row.target?.limit;
  const overLimit = limit !== undefined && limit > 0 ? `, ${(ours.median / limit).toFixed(1)}× the target` : '';
  return `ours ${formatValue(ours.median, row.unit)}${overLimit}${ratios.length > 0 ? ` (${ratios.join(', ')})` : ''}; target ${row.target?.description ?? ''}`;
}

/** One bullet per missed target: what was measured, and the located cause when known (once, where rows share it). */
export function missedTargets(rows: readonly ResultRow[]): string[] {
  const explained = new Set<string>();
  return rows
    .filter((row) => row.target !== undefined && !row.target.met)
    .map((row) => {
      const cause = CAUSES.find((entry) => row.scenario === entry.scenario && entry.metric.test(row.metric))?.cause;
      const why = cause === undefined ? '' : explained.has(cause) ? ' Same cause as above.' : ` ${cause}`;
      if (cause !== undefined) explained.add(cause);
      return `- **${row.scenario}, ${row.metric}**: ${shortfall(row)}.${why}`;
    });
}
