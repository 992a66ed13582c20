import type { Measured } from '../measure/stats';
import type { Unit } from './result-row';

/** A value in its unit, rounded for reading. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value >= 100 ? 0 : 1)} ms`;
    case '%':
      return `${value.toFixed(0)} %`;
    case 'requests':
      return value.toFixed(2);
    case 'bytes':
      return `${(value / 1000).toFixed(1)} kB`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
  }
}

/** `median (min–max, n runs)`, or just the value when it was measured once or never varied. */
export function formatMeasured(measured: Measured, unit: Unit): string {
  const median = formatValue(measured.median, unit);
  if (measured.runs < 2) return `${median} (1 run)`;
  return `${median} (${formatValue(measured.spread.min, unit)}–${formatValue(measured.spread.max, unit)}, ${measured.runs} runs)`;
}

/** How many times ours is of a baseline. */
export function formatRatio(ratio: number): string {
  if (ratio >= 10) return `×${ratio.toFixed(1)}`;
  return `×${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}`;
}
