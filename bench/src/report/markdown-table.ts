import { formatMeasured, formatRatio } from './format-value';
import type { Figure, ResultRow } from './result-row';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function figureText(figure: Figure, row: ResultRow): string {
  if (figure.value === undefined) return `failed: ${figure.error ?? 'no value'}`;
  return formatMeasured(figure.value, row.unit);
}

/** The results as a Markdown table: ours, each baseline with ours ÷ baseline, the target. */
export function markdownTable(rows: readonly ResultRow[]): string {
  const lines = ['| Scenario | Metric | Ours | Baselines (value, ours ÷ baseline) | Target | Met |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const baselines = row.baselines.length === 0
      ? '—'
      : row.baselines.map((baseline) => `${baseline.label}: ${figureText(baseline, row)}${baseline.ratio !== undefined ? ` **${formatRatio(baseline.ratio)}**` : ''}`).join('<br>');
    const met = row.target === undefined ? '—' : row.target.met ? 'yes' : '**no**';
    lines.push(`| ${cell(row.scenario)} | ${cell(row.metric)} | ${cell(figureText(row.ours, row))} | ${cell(baselines)} | ${cell(row.target?.description ?? '—')} | ${met} |`);
  }
  return lines.join('\n');
}
