import { describeAllowed, describeValue } from './describe-value';
import { TarashError, type TarashErrorOptions } from './tarash-error';

/** One invalid field: which, what was given, what is allowed. */
export interface ValidationIssue {
  /** Dotted path of the field, e.g. `durationSeconds` or `imageList[1].type`. */
  readonly field: string;
  readonly message: string;
  readonly value?: unknown;
  readonly allowed?: readonly unknown[];
}

/** Options of {@link ValidationError}. */
export interface ValidationErrorOptions extends Omit<TarashErrorOptions, 'message' | 'isRetryable'> {
  readonly issues: readonly ValidationIssue[];
  /** Prefix of the message, e.g. "Invalid request for fal fal-ai/veo3.1". */
  readonly context?: string;
  /** HTTP status when the provider rejected the request (e.g. 422). */
  readonly statusCode?: number;
}

/** Formats one issue as `field = value: message (allowed: a, b)`. */
export function formatValidationIssue(issue: ValidationIssue): string {
  const value = 'value' in issue ? ` = ${describeValue(issue.value)}` : '';
  const allowed = issue.allowed?.length ? ` (allowed: ${describeAllowed(issue.allowed)})` : '';
  return `${issue.field}${value}: ${issue.message}${allowed}`;
}

/**
 * The request (or config) is invalid for the chosen provider and model. Raised before anything
 * is sent (or from the provider's 422). Never retryable: the chain stops.
 */
export class ValidationError extends TarashError {
  override readonly name: string = 'ValidationError';
  readonly issues: readonly ValidationIssue[];
  /** The first issue's field. */
  readonly field?: string;
  /** The first issue's value. */
  readonly value?: unknown;
  /** The first issue's allowed values. */
  readonly allowed?: readonly unknown[];
  readonly statusCode?: number;

  constructor(options: ValidationErrorOptions) {
    const context = options.context ?? `Invalid request for ${options.provider} ${options.model}`;
    const body = options.issues.map(formatValidationIssue).join('; ');
    super({ ...options, message: `${context}: ${body}`, isRetryable: false, phase: options.phase ?? 'validation' });
    this.issues = options.issues;
    const first = options.issues[0];
    if (first) {
      this.field = first.field;
      if ('value' in first) this.value = first.value;
      if (first.allowed) this.allowed = first.allowed;
    }
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues.map((i) => ({ ...i, value: 'value' in i ? describeValue(i.value) : undefined })) };
  }
}
