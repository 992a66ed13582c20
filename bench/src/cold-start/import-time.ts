import { runCommand } from '../process/run-command';
import { BENCH_ROOT } from '../process/repository-paths';

/**
 * Spawns a fresh Node process (no tsx, no source condition: the published `dist` entry points)
 * that imports `specifiers` in order and prints how long the imports took (ms).
 */
export async function measureImportTime(specifiers: readonly string[]): Promise<number> {
  const imports = specifiers.map((specifier) => `await import(${JSON.stringify(specifier)});`).join(' ');
  const code = `const startedAt = performance.now(); ${imports} process.stdout.write(String(performance.now() - startedAt));`;
  const { stdout } = await runCommand(process.execPath, ['--input-type=module', '--eval', code], BENCH_ROOT);
  return Number(stdout);
}
