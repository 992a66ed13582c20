import { readJsonBody, sendProviderRequest, type CallContext, type ErrorPhase, type ProviderRequest } from '@tarash/core';
import { replicateError } from './replicate-error';

/** Replicate's API base. */
export const REPLICATE_API_BASE = 'https://api.replicate.com/v1';

/** The API base of a call: the config's `baseUrl`, the provider's, or Replicate's (no trailing slash). */
export function apiBase(context: CallContext, providerBaseUrl: string | undefined): string {
  return (context.baseUrl ?? providerBaseUrl ?? REPLICATE_API_BASE).replace(/\/+$/, '');
}

/**
 * A URL Replicate returned (`urls.get`, `urls.cancel`), used as given when it is on the API's
 * origin; otherwise `fallback`. The token is only ever sent to the API origin, so a tampered
 * job handle cannot send it elsewhere.
 */
export function trustedUrl(url: unknown, base: string, fallback: string): string {
  if (typeof url !== 'string') return fallback;
  try {
    return new URL(url).origin === new URL(base).origin ? url : fallback;
  } catch {
    return fallback;
  }
}

/** One JSON call to the API with the token, Replicate's error mapping, and the parsed body. */
export async function callReplicate<T>(
  context: CallContext,
  request: Omit<ProviderRequest, 'toError' | 'phase'> & { readonly phase: ErrorPhase },
): Promise<{ readonly status: number; readonly body: T }> {
  const response = await sendProviderRequest(context, {
    ...request,
    headers: { Authorization: `Bearer ${context.apiKey ?? ''}`, ...request.headers },
    toError: replicateError,
  });
  return { status: response.status, body: await readJsonBody<T>(response, context, request.phase, request.requestId) };
}
