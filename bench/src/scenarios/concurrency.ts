import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchSettings } from '../bench-settings';
import { FAL_CONTENDERS } from '../contenders/fal/fal-contenders';
import { tarashFal } from '../contenders/fal/tarash-fal';
import type { ServerHost } from '../fake-servers/server-host-client';
import type { LoadSample } from '../measure/load-client';
import { openFilesLimit } from '../measure/open-files-limit';
import { runRounds } from '../measure/rounds';
import { BENCH_NODE_FLAGS, modulePath } from '../process/typescript-node';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow, type Target } from '../report/result-row';

const TITLE = '3. Concurrency (fal)';
const run = promisify(execFile);

/** A load run as seen from both sides. */
interface LoadRun extends LoadSample {
  /** CPU the fake server's process used during the run, as a share of one core over the client's wall time. */
  readonly serverCpuShare: number;
}

/** One load run: a fresh client process against a fresh fake server (in the host process). */
async function loadRun(host: ServerHost, contenderId: string, settings: BenchSettings['concurrency']): Promise<LoadRun> {
  const server = await host.startServer({ provider: 'fal', queueMs: 0, runMs: settings.jobMs, recordRequests: false });
  try {
    const serverCpuBefore = await host.cpuTimeMs();
    const { stdout } = await run(process.execPath, ['--expose-gc', ...BENCH_NODE_FLAGS, modulePath(import.meta.url, '../measure/load-client.ts'), contenderId, server.url, server.apiKey, String(settings.jobs)], {
      maxBuffer: 1024 * 1024,
    });
    const serverCpuMs = (await host.cpuTimeMs()) - serverCpuBefore;
    const sample = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as LoadSample;
    // The client's process start-up adds to the server's idle time, not its CPU: a fair upper bound.
    return { ...sample, serverCpuShare: serverCpuMs / sample.wallMs };
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
    (sample) => `wall ${sample.wallMs.toFixed(0)} ms, RSS +${sample.rssGrowthMB.toFixed(1)} MB, lag ${sample.maxEventLoopLagMs.toFixed(1)} ms, fake server CPU ${(sample.serverCpuShare * 100).toFixed(0)} % of a core`,
  );
  const limit = openFilesLimit();
  const baselines = FAL_CONTENDERS.filter((contender) => contender !== tarashFal);
  const row = (metric: string, unit: 'ms' | 'MB' | '%', pick: (sample: LoadRun) => number, target: Target | undefined) =>
    compareRow({
      scenario: TITLE,
      metric,
      unit,
      ours: figureOf(tarashFal, results.get(tarashFal), pick),
      baselines: baselines.map((baseline) => figureOf(baseline, results.get(baseline), pick)),
      ...(target ? { target } : {}),
      note:
        `${settings.jobs} jobs of ${settings.jobMs / 1000} s started at once in one fresh process per run; the fake server runs in another process. ` +
        `Open-file limit ${limit ? `${limit.soft} (hard ${limit.hard}), which these processes cannot raise` : 'unknown'}; fetch by default briefly holds two sockets per job ` +
        '(a new one opens before the previous request\'s is back in the pool), so every load process caps undici\'s global dispatcher at one connection per job.',
    });
  const jobs = `${settings.jobs} × ${settings.jobMs / 1000} s jobs`;
  return [
    row(`total wall time (${jobs})`, 'ms', (s) => s.wallMs, { description: '≤ 3.5 s', limit: 3500, isMet: (ours) => ours.median <= 3500 }),
    row('peak RSS growth', 'MB', (s) => s.rssGrowthMB, { description: '< 200 MB', limit: 200, isMet: (ours) => ours.median < 200 }),
    row('worst event-loop lag', 'ms', (s) => s.maxEventLoopLagMs, { description: '< 100 ms', limit: 100, isMet: (ours) => ours.median < 100 }),
    row('fake server CPU during the run (share of one core; ~100 % = the server is the bottleneck)', '%', (s) => s.serverCpuShare * 100, undefined),
  ];
}
