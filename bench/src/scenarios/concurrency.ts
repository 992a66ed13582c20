import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchSettings } from '../bench-settings';
import { FAL_CONTENDERS } from '../contenders/fal/fal-contenders';
import { tarashFal } from '../contenders/fal/tarash-fal';
import type { ServerHost } from '../fake-servers/server-host-client';
import type { LoadSample } from '../measure/load-client';
import { openFilesLimit } from '../measure/open-files-limit';
import { runRounds } from '../measure/rounds';
import { modulePath, TYPESCRIPT_NODE_FLAGS } from '../process/typescript-node';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow, type Target } from '../report/result-row';

const TITLE = '3. Concurrency (fal)';
const run = promisify(execFile);

/** One load run: a fresh client process against a fresh fake server (in the host process). */
async function loadRun(host: ServerHost, contenderId: string, settings: BenchSettings['concurrency']): Promise<LoadSample> {
  const server = await host.startServer({ provider: 'fal', queueMs: 0, runMs: settings.jobMs, recordRequests: false });
  try {
    const { stdout } = await run(process.execPath, ['--expose-gc', ...TYPESCRIPT_NODE_FLAGS, modulePath(import.meta.url, '../measure/load-client.ts'), contenderId, server.url, String(settings.jobs)], {
      maxBuffer: 1024 * 1024,
    });
    const lastLine = stdout.trim().split('\n').at(-1) ?? '';
    return JSON.parse(lastLine) as LoadSample;
  } finally {
    await server.close();
  }
}

/**
 * All jobs started at once in one process, each taking `jobMs` on the fake server: the wall
 * time until the last result, the peak growth of resident memory, the worst event-loop lag.
 * Every contender runs in a fresh process of its own.
 */
export async function runConcurrencyScenario(host: ServerHost, settings: BenchSettings['concurrency'], log: (line: string) => void): Promise<ResultRow[]> {
  const results = await runRounds(
    FAL_CONTENDERS,
    settings.rounds,
    (contender) => loadRun(host, contender.id, settings),
    (contender, note) => log(`${TITLE} · ${contender.label}: ${note}`),
    (sample) => `wall ${sample.wallMs.toFixed(0)} ms, RSS +${sample.rssGrowthMB.toFixed(1)} MB, lag ${sample.maxEventLoopLagMs.toFixed(1)} ms`,
  );
  const limit = openFilesLimit();
  const baselines = FAL_CONTENDERS.filter((contender) => contender !== tarashFal);
  const row = (metric: string, unit: 'ms' | 'MB', pick: (sample: LoadSample) => number, target: Target) =>
    compareRow({
      scenario: TITLE,
      metric,
      unit,
      ours: figureOf(tarashFal, results.get(tarashFal), pick),
      baselines: baselines.map((baseline) => figureOf(baseline, results.get(baseline), pick)),
      target,
      note:
        `${settings.jobs} jobs of ${settings.jobMs / 1000} s started at once in one fresh process per run; the fake server runs in another process. ` +
        `Open-file limit ${limit ? `${limit.soft} (hard ${limit.hard}), which these processes cannot raise` : 'unknown'}; fetch by default briefly holds two sockets per job ` +
        '(a new one opens before the previous request\'s is back in the pool), so every load process caps undici\'s global dispatcher at one connection per job.',
    });
  const jobs = `${settings.jobs} × ${settings.jobMs / 1000} s jobs`;
  return [
    row(`total wall time (${jobs})`, 'ms', (s) => s.wallMs, { description: '≤ 3.5 s', isMet: (ours) => ours.median <= 3500 }),
    row('peak RSS growth', 'MB', (s) => s.rssGrowthMB, { description: '< 200 MB', isMet: (ours) => ours.median < 200 }),
    row('worst event-loop lag', 'ms', (s) => s.maxEventLoopLagMs, { description: '< 100 ms', isMet: (ours) => ours.median < 100 }),
  ];
}
