/**
 * `pnpm bench`: every scenario, ours side by side with what users would pick instead, against
 * the same fake servers in the same run. Prints the table, writes bench/results/latest.json and
 * the README's bench block. `--quick` is a smoke run that writes bench/results/tmp/quick.json.
 */
import { join } from 'node:path';
import { FULL_SETTINGS, QUICK_SETTINGS } from './bench-settings';
import { ServerHost } from './fake-servers/server-host-client';
import { describeMachine } from './measure/machine';
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

const quick = process.argv.includes('--quick');
const settings = quick ? QUICK_SETTINGS : FULL_SETTINGS;
const log = (line: string) => process.stderr.write(`${line}\n`);
const machine = describeMachine();
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
      log(`${title} failed: ${failures.at(-1) ?? ''}`);
    }
  }
} finally {
  await host.stop();
}

const results: BenchResults = {
  command: quick ? 'npx -y pnpm@10 bench --quick' : 'npx -y pnpm@10 bench',
  mode: quick ? 'quick' : 'full',
  machine,
  setup: [
    'Fake servers: @tarash/testing fal and Replicate servers on 127.0.0.1, in a separate Node process (their CPU is not counted as the client\'s); a fresh server per run.',
    ...failures.map((failure) => `Scenario failed: ${failure}`),
  ],
  results: rows,
};
console.log(markdownTable(rows));
if (quick) {
  writeResultsFile(join(BENCH_ROOT, 'results', 'tmp', 'quick.json'), results);
} else {
  writeResultsFile(join(BENCH_ROOT, 'results', 'latest.json'), results);
  rewriteReadmeBlock(join(REPO_ROOT, 'README.md'), readmeBlock(results));
}
if (failures.length > 0) process.exitCode = 1;
