import { join } from 'node:path';
import type { BenchSettings } from './bench-settings';
import { ServerHost } from './fake-servers/server-host-client';
import type { MachineInfo } from './measure/machine';
import { BENCH_ROOT, REPO_ROOT } from './process/repository-paths';
import { markdownTable } from './report/markdown-table';
import { readmeBlock, rewriteReadmeBlock } from './report/readme-block';
import type { ResultRow } from './report/result-row';
import { writeResultsFile, type BenchResults } from './report/results-file';
import { runCodegenScenario } from './scenarios/codegen';
import { runColdStartScenario } from './scenarios/cold-start-and-size';
import { runCompletionScenario } from './scenarios/completion-detection';
import { falCompletionDetection } from './scenarios/completion-detection-fal';
import { replicateCompletionDetection } from './scenarios/completion-detection-replicate';
import { runConcurrencyScenario } from './scenarios/concurrency';
import { runOverheadScenario } from './scenarios/overhead';

/**
 * Runs every scenario (a failing one is reported, the others still run), prints the table and
 * writes the results: latest.json and the README block, or the quick run's own file. Resolves
 * false when a scenario failed.
 */
export async function runBench(settings: BenchSettings, machine: MachineInfo, build: string, log: (line: string) => void): Promise<boolean> {
  const rows: ResultRow[] = [];
  const failures: string[] = [];
  const host = await ServerHost.start();
  const scenarios: readonly [string, () => Promise<ResultRow[]>][] = [
    [falCompletionDetection.title, () => runCompletionScenario(falCompletionDetection, host, settings.completion, log)],
    ['2. Overhead', () => runOverheadScenario(host, settings.overhead, log)],
    ['3. Concurrency', () => runConcurrencyScenario(host, settings.concurrency, log)],
    ['4. Cold start and size', () => runColdStartScenario(settings.coldStart, log)],
    ['5. Codegen', () => runCodegenScenario(settings.codegen, log)],
    [replicateCompletionDetection.title, () => runCompletionScenario(replicateCompletionDetection, host, settings.completion, log)],
  ];
  try {
    for (const [title, run] of scenarios) {
      try {
        rows.push(...(await run()));
      } catch (error) {
        failures.push(`${title}: ${error instanceof Error ? error.message : String(error)}`);
        log(`${failures.at(-1) ?? ''}`);
      }
    }
  } finally {
    await host.stop();
  }

  const results: BenchResults = {
    command: settings.quick ? 'npx -y pnpm@10 bench --quick' : 'npx -y pnpm@10 bench',
    mode: settings.quick ? 'quick' : 'full',
    machine,
    setup: [
      `Ours runs from the built dist packages, as users install them (${build}); the bench's own TypeScript runs through tsx.`,
      "Fake servers: @tarash/testing's fal and Replicate servers on 127.0.0.1, in a separate Node process (their CPU is not counted as the client's); a fresh server for every run.",
      ...failures.map((failure) => `Scenario failed: ${failure}`),
    ],
    results: rows,
  };
  console.log(markdownTable(rows));
  if (settings.quick) {
    writeResultsFile(join(BENCH_ROOT, 'results', 'tmp', 'quick.json'), results);
  } else {
    writeResultsFile(join(BENCH_ROOT, 'results', 'latest.json'), results);
    rewriteReadmeBlock(join(REPO_ROOT, 'README.md'), readmeBlock(results));
  }
  return failures.length === 0;
}
