import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { MachineInfo } from '../measure/machine';
import type { Measured } from '../measure/stats';
import type { Figure, ResultRow } from './result-row';

/** The machine-readable results of one bench run (bench/results/latest.json). */
export interface BenchResults {
  readonly command: string;
  readonly mode: 'full' | 'quick';
  readonly machine: MachineInfo;
  readonly setup: readonly string[];
  readonly results: readonly ResultRow[];
}

function figureJson(figure: Figure): Record<string, unknown> {
  const value: Measured | undefined = figure.value;
  return value === undefined
    ? { id: figure.id, label: figure.label, error: figure.error ?? 'no value' }
    : { id: figure.id, label: figure.label, median: value.median, runs: value.runs, spread: value.spread };
}

/** Writes the results as JSON: per row the scenario, metric, ours, each baseline with its ratio, target, met. */
export function writeResultsFile(path: string, results: BenchResults): void {
  const json = {
    command: results.command,
    mode: results.mode,
    machine: results.machine,
    setup: results.setup,
    results: results.results.map((row) => ({
      scenario: row.scenario,
      metric: row.metric,
      unit: row.unit,
      ours: figureJson(row.ours),
      baselines: row.baselines.map((baseline) => ({ ...figureJson(baseline), ...(baseline.ratio !== undefined ? { ratioOursToBaseline: baseline.ratio } : {}) })),
      target: row.target?.description ?? null,
      met: row.target?.met ?? null,
      note: row.note ?? null,
    })),
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}
