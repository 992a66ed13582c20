import { readFileSync, writeFileSync } from 'node:fs';
import { markdownTable } from './markdown-table';
import { missedTargets } from './missed-targets';
import type { BenchResults } from './results-file';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** The README section: how it was measured, the table, the missed targets, how to reproduce. */
export function readmeBlock(results: BenchResults): string {
  const { machine } = results;
  const notes = [...new Map(results.results.filter((row) => row.note).map((row) => [`${row.scenario}|${row.note}`, `- ${row.scenario}: ${row.note}`])).values()];
  const missed = missedTargets(results.results);
  return [
    `Measured by \`${results.command}\` on ${machine.date.slice(0, 10)}: ${machine.cores} × ${machine.cpuModel}, Node ${machine.nodeVersion}, ` +
      `load average ${machine.loadAverageAtStart} when the run started (the machine is shared; figures are medians, with the min–max over the runs). ` +
      'Every baseline ran in the same run against the same fake server, with the same job script, arrivals and concurrency; warm-up runs are left out for all alike. ' +
      '×r is ours ÷ baseline: below 1 means ours is smaller, faster or cheaper.',
    '',
    markdownTable(results.results),
    '',
    '**Targets missed**',
    '',
    ...(missed.length > 0 ? missed : ['- none']),
    '',
    '<details><summary>How each scenario is measured</summary>',
    '',
    ...results.setup.map((line) => `- ${line}`),
    ...notes,
    '',
    '</details>',
    '',
    `Reproduce with \`npx -y pnpm@10 bench\` (writes [bench/results/latest.json](bench/results/latest.json) and this section); ` +
      '`npx -y pnpm@10 bench --quick` is a one-minute smoke run with smaller scenarios that writes bench/results/tmp/quick.json only.',
  ].join('\n');
}

/** Replaces what is between the bench markers of the README, and nothing else. */
export function rewriteReadmeBlock(readmePath: string, block: string): void {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${readmePath} has no ${START} … ${END} block`);
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${block}\n${readme.slice(end)}`);
}
