import type { FieldMapper } from './field-mapper';
import type { StandardRequestFields } from './mapping-context';

/** How a model writes a duration: `8` (integer), `"8"` (string) or `"8s"` (seconds suffix). */
export type DurationFormat = 'integer' | 'string' | 'seconds-suffix';

/** Options of {@link durationField}. */
export interface DurationFieldOptions {
  /** The model's allowed values in its own format, e.g. `["4s","6s","8s"]` or `[4, 8, 12]`. */
  readonly allowed?: readonly (string | number)[];
  /** Needed only without `allowed`; inferred from `allowed` otherwise. */
  readonly format?: DurationFormat;
  /** Range in seconds, when the model takes any value in a range. */
  readonly min?: number;
  readonly max?: number;
}

/** Reads a duration written in any of the formats as seconds (`"8s"` → 8). */
export function parseDurationValue(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseFloat(value.replace(/s$/i, ''));
}

/** The format used by a list of allowed values. */
export function inferDurationFormat(allowed: readonly (string | number)[]): DurationFormat {
  if (allowed.every((v) => typeof v === 'number')) return 'integer';
  return allowed.some((v) => typeof v === 'string' && /s$/i.test(v)) ? 'seconds-suffix' : 'string';
}

/** Writes seconds in a model's format. */
export function formatDuration(seconds: number, format: DurationFormat): string | number {
  if (format === 'integer') return seconds;
  return format === 'seconds-suffix' ? `${seconds}s` : String(seconds);
}

/**
 * Maps `durationSeconds` to the model's duration field in the model's own format, and rejects
 * a value the model does not allow with a `ValidationError` listing the allowed seconds.
 */
export function durationField<TRequest extends StandardRequestFields & { readonly durationSeconds?: number }>(
  options: DurationFieldOptions,
): FieldMapper<TRequest> {
  const format = options.allowed ? inferDurationFormat(options.allowed) : (options.format ?? 'integer');
  const allowedSeconds = options.allowed?.map(parseDurationValue);
  return (context) => {
    const seconds = context.use('durationSeconds');
    if (seconds === undefined) return undefined;
    if (allowedSeconds) {
      const index = allowedSeconds.indexOf(seconds);
      if (index < 0) {
        context.invalid({
          field: 'durationSeconds',
          value: seconds,
          message: `${context.provider} ${context.model} does not support this duration`,
          allowed: allowedSeconds,
        });
      }
      return options.allowed?.[index];
    }
    const outOfRange = (options.min !== undefined && seconds < options.min) || (options.max !== undefined && seconds > options.max);
    if (outOfRange || (format === 'integer' && !Number.isInteger(seconds))) {
      context.invalid({
        field: 'durationSeconds',
        value: seconds,
        message: `${context.provider} ${context.model} takes ${format === 'integer' ? 'whole ' : ''}seconds from ${options.min ?? 0} to ${options.max ?? '∞'}`,
      });
    }
    return formatDuration(seconds, format);
  };
}
