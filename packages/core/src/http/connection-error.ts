import type { ErrorPhase } from '../errors/error-phase';
import { HTTPConnectionError } from '../errors/http-connection-error';

/** Connection failures that prove the request never reached the provider. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Finds a system error code in an error's cause chain (undici nests it, sometimes in an AggregateError). */
export function findErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'ERR_INVALID_ARG_TYPE') return code;
    queue.push((current as { cause?: unknown }).cause);
    const nested = (current as { errors?: unknown }).errors;
    if (Array.isArray(nested)) queue.push(...nested);
  }
  return undefined;
}

/**
 * Wraps a failed `fetch` (no HTTP answer) as an `HTTPConnectionError`. A submit whose body may
 * have reached the provider (reset, socket closed, headers timeout) is marked `jobMayExist`.
 */
export function connectionError(error: unknown, target: { provider: string; model: string; phase: ErrorPhase; url: string }): HTTPConnectionError {
  const code = findErrorCode(error);
  const neverSent = code !== undefined && NEVER_SENT.has(code);
  const host = safeHost(target.url);
  return new HTTPConnectionError({
    provider: target.provider,
    model: target.model,
    phase: target.phase,
    message: `Could not reach ${target.provider} (${host}) during ${target.phase}: ${code ?? (error instanceof Error ? error.message : String(error))}`,
    cause: error,
    jobMayExist: (target.phase === 'submit' || target.phase === 'generate') && !neverSent,
    ...(code !== undefined ? { code } : {}),
  });
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'unknown host';
  }
}
