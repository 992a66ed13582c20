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
      'Same three requests, more work around them, spread thin (located with CPU profiles of the dist build): ' +
      'the orchestrator\'s own path per job in `@tarash/core` (zod validation in `validation/validate-input.ts`, mapping, the attempt scope and metadata recorder: what mock mode costs without HTTP); ' +
      'an `AbortController`, abort listener and timer for each of the three requests (`core/src/http/with-request-timeout.ts`); ' +
      'the SSE parser (`core/src/http/server-sent-events.ts`: an async generator that runs a regex and re-slices its buffer for every line); ' +
      '`readJsonBody` (`core/src/http/provider-request.ts`) reading text then parsing it; and zod parses of every submit answer and status event (`provider-fal/src/queue/fal-queue-status.ts`, `fal-queue-client.ts`) plus the handle check (`fal-job-handle.ts` `checkFalJob`). ' +
      'No single piece dominates; a leaner path would pass one signal per job, scan SSE lines by index, and trust its own handle.',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /wall time/,
    cause:
      'At this many jobs the run is bound by CPU on this 2-core machine, not by the 3 s of waiting: compare the raw-fetch floor (the same requests and nothing else) and the fake server\'s CPU row. ' +
      'Ours adds the per-job costs of scenario 2 on top; fixing those narrows the gap to raw fetch, and what remains is the cost of fetch (undici) per request.',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /event-loop lag/,
    cause:
      'Starting every job in one tick runs each job\'s synchronous part (validation, mapping, building the submit) back to back before any I/O callback, and the same burst happens when the results come in; ' +
      'every contender shows it, in proportion to its synchronous work per job. Bounding it needs the gateway to yield between submits (e.g. a `setImmediate` per job in `@tarash/core` `gateway.ts` before `prepare`) or the caller to pace them.',
  },
  {
    scenario: '3. Concurrency (fal)',
    metric: /RSS/,
    cause:
      'Most of the growth is fetch itself (raw fetch grows too: sockets, undici request state and web streams per job); ' +
      'ours also keeps, per job and for its whole life, more promises, closures and async frames (its layered async calls), an `AbortController` and idle timer per request (`core/src/http/with-request-timeout.ts`), the attempt\'s deadline timer and scope (`core/src/orchestrator/attempt-scope.ts`) and the metadata recorder.',
  },
  {
    scenario: '4. Cold start and size',
    metric: /import time/,
    cause:
      'Importing `@tarash/provider-fal` evaluates zod\'s classic API and all 75 generated endpoint modules reachable from its registry (`src/models/registry.ts`); `lazy-schema.ts` defers building each schema, not loading the modules. ' +
      'Fix: load endpoint modules on first use (a dynamic `import()` per endpoint, or per-endpoint entry points) and move to `zod/mini`.',
  },
  {
    scenario: '4. Cold start and size',
    metric: /gzip/,
    cause:
      'zod\'s classic API (`import { z } from \'zod\'` in 84 source files of `@tarash/core` and `@tarash/provider-fal`) cannot be tree-shaken, so all of zod lands in the bundle (see the row\'s note for the measured share), and every generated endpoint module is reachable from `falProvider()`. ' +
      'Fix: `zod/mini` (tree-shakeable) in core and the generated code (scripts/codegen emits it), and endpoint modules imported on demand.',
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
