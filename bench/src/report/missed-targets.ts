import { formatRatio, formatValue } from './format-value';
import type { ResultRow } from './result-row';

/**
 * Why a target is missed, by scenario and metric, as located when this bench was written
 * (package, file, what would fix it). Shown only for rows whose target this run missed.
 */
const CAUSES: readonly { readonly scenario: string; readonly metric: RegExp; readonly cause: string }[] = [];

/** What ours measured against the target, in words. */
function shortfall(row: ResultRow): string {
  const ours = row.ours.value;
  if (ours === undefined) return `ours failed (${row.ours.error ?? 'no value'})`;
  const ratios = row.baselines.filter((baseline) => baseline.ratio !== undefined).map((baseline) => `${formatRatio(baseline.ratio as number)} ${baseline.label}`);
  return `ours ${formatValue(ours.median, row.unit)}${ratios.length > 0 ? ` (${ratios.join(', ')})` : ''}; target ${row.target?.description ?? ''}`;
}

/** One bullet per missed target: what was measured, and the located cause when known. */
export function missedTargets(rows: readonly ResultRow[]): string[] {
  return rows
    .filter((row) => row.target !== undefined && !row.target.met)
    .map((row) => {
      const cause = CAUSES.find((entry) => row.scenario === entry.scenario && entry.metric.test(row.metric))?.cause;
      return `- **${row.scenario}, ${row.metric}**: ${shortfall(row)}.${cause ? ` ${cause}` : ''}`;
    });
}
