import { describeAllowed, ValidationError, type ValidationIssue } from '@tarash/core';

/** How results come back: raw bytes (`Accept: image/*` / `video/*`) or JSON with base64. */
export type StabilityResponseFormat = 'bytes' | 'json';

/** What to do when Stability reports `finish-reason: CONTENT_FILTERED` (the output is blurred). */
export type StabilityContentFilteredPolicy = 'warn' | 'error';

/**
 * Stability settings of one config, given as `providerConfig`. Every field is optional.
 *
 * ```ts
 * { provider: 'stability', model: 'stable-image-core', providerConfig: { responseFormat: 'json', clientId: 'my-app' } }
 * ```
 */
export interface StabilityProviderConfig {
  /** Default `bytes`. Both give the same `{ data, mediaType }` result; `json` costs a base64 round trip. */
  readonly responseFormat?: StabilityResponseFormat;
  /**
   * Default `warn`: a blurred result is returned with a warning. `error` raises a
   * `ContentModerationError` instead (the generation was still billed).
   */
  readonly contentFiltered?: StabilityContentFilteredPolicy;
  /** Sent as `stability-client-id` (at most 256 characters). */
  readonly clientId?: string;
  /** Sent as `stability-client-user-id` (at most 256 characters). */
  readonly clientUserId?: string;
  /** Sent as `stability-client-version` (at most 256 characters). */
  readonly clientVersion?: string;
}

/** {@link StabilityProviderConfig} with defaults applied. */
export interface ResolvedStabilityProviderConfig {
  readonly responseFormat: StabilityResponseFormat;
  readonly contentFiltered: StabilityContentFilteredPolicy;
  /** The optional client-identification headers, by header name. */
  readonly clientHeaders: Readonly<Record<string, string>>;
}

const CHOICES = {
  responseFormat: ['bytes', 'json'],
  contentFiltered: ['warn', 'error'],
} as const;

const CLIENT_HEADERS = {
  clientId: 'stability-client-id',
  clientUserId: 'stability-client-user-id',
  clientVersion: 'stability-client-version',
} as const;

const KNOWN_KEYS = [...Object.keys(CHOICES), ...Object.keys(CLIENT_HEADERS)];

/**
 * Reads and checks a config's `providerConfig` for Stability. Pure: `prepare` calls it to fail
 * before anything is sent, and the transport calls it again (resumed jobs skip `prepare`).
 *
 * @throws ValidationError naming each bad `providerConfig` field, its value and what is allowed.
 */
export function readStabilityProviderConfig(
  providerConfig: Readonly<Record<string, unknown>>,
  target: { readonly provider: string; readonly model: string },
): ResolvedStabilityProviderConfig {
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(providerConfig)) {
    if (!KNOWN_KEYS.includes(key)) {
      issues.push({ field: `providerConfig.${key}`, message: 'is not a Stability setting', allowed: KNOWN_KEYS });
    }
  }
  const choice = <K extends keyof typeof CHOICES>(key: K): (typeof CHOICES)[K][number] => {
    const value = providerConfig[key];
    const allowed: readonly unknown[] = CHOICES[key];
    if (value === undefined) return CHOICES[key][0];
    if (!allowed.includes(value)) issues.push({ field: `providerConfig.${key}`, value, message: `must be ${describeAllowed(allowed)}`, allowed });
    return value as (typeof CHOICES)[K][number];
  };
  const responseFormat = choice('responseFormat');
  const contentFiltered = choice('contentFiltered');
  const clientHeaders: Record<string, string> = {};
  for (const [key, header] of Object.entries(CLIENT_HEADERS)) {
    const value = providerConfig[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
      issues.push({ field: `providerConfig.${key}`, value, message: `must be a string of 1 to 256 characters (sent as ${header})` });
    } else {
      clientHeaders[header] = value;
    }
  }
  if (issues.length > 0) throw new ValidationError({ ...target, issues, context: `Invalid providerConfig for ${target.provider} ${target.model}` });
  return { responseFormat, contentFiltered, clientHeaders };
}
