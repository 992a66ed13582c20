import { join } from 'node:path';
import type { BenchSettings } from '../bench-settings';
import { runRounds } from '../measure/rounds';
import { REPO_ROOT } from '../process/repository-paths';
import { runCommand, type CommandResult } from '../process/run-command';
import { figureOf } from '../report/figures';
import { compareRow, type ResultRow } from '../report/result-row';

const TITLE = '5. Codegen (fal)';
const CODEGEN_ROOT = join(REPO_ROOT, 'scripts', 'codegen');
const CODEGEN = { id: 'tarash', label: 'ours (@tarash/codegen)' };

/**
 * `codegen --check` regenerates every stored fal endpoint in memory and compares it with the
 * files on disk. It is run as `pnpm codegen --check` runs it (tsx src/cli.ts --check in
 * scripts/codegen), without pnpm's own start-up, timed from spawn to exit.
 */
export async function runCodegenScenario(settings: BenchSettings['codegen'], log: (line: string) => void): Promise<ResultRow[]> {
  let lastOutput = '';
  const results = await runRounds(
    [CODEGEN],
    { warmupRounds: 0, measuredRounds: settings.runs },
    async (): Promise<CommandResult> => {
      const result = await runCommand(join(CODEGEN_ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', '--check'], CODEGEN_ROOT);
      lastOutput = `${result.stdout}\n${result.stderr}`.trim().split('\n').at(-1) ?? '';
      return result;
    },
    (_, note) => log(`${TITLE}: ${note}`),
    (result) => `${(result.wallMs / 1000).toFixed(2)} s`,
  );
  return [
    compareRow({
      scenario: TITLE,
      metric: 'generate all stored fal endpoints (codegen --check, in memory)',
      unit: 'ms',
      ours: figureOf(CODEGEN, results.get(CODEGEN), (result) => result.wallMs),
      baselines: [],
      note: `No baseline: fal-js's code generator is private and the other SDKs have none. The tool's last line: "${lastOutput}"`,
    }),
  ];
}
