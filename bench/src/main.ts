/**
 * `pnpm bench`: every scenario, ours side by side with what users would pick instead, against
 * the same fake servers in the same run. Prints the table, writes bench/results/latest.json and
 * the README's bench block. `--quick` is a smoke run that writes bench/results/tmp/quick.json.
 */
import { FULL_SETTINGS, QUICK_SETTINGS } from './bench-settings';
import { describeMachine } from './measure/machine';
import { buildOurPackages } from './process/build-our-packages';

const settings = process.argv.includes('--quick') ? QUICK_SETTINGS : FULL_SETTINGS;
const log = (line: string) => process.stderr.write(`${line}\n`);
const machine = describeMachine();

// Our packages are built before anything imports them: the scenarios run ours from dist.
const build = await buildOurPackages(settings.rebuild);
log(`our packages: ${build}`);
const { runBench } = await import('./run-bench');
if (!(await runBench(settings, machine, build, log))) process.exitCode = 1;
