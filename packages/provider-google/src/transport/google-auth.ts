import { HTTPConnectionError, ValidationError, type CallContext, type ErrorPhase } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';

/**
 * The credentials header of one request: `x-goog-api-key` on the Gemini API (never the URL
 * query, so the key cannot end up in logs of URLs), `Authorization: Bearer` on Vertex AI with
 * a token read for this request (a `getAccessToken` function is called each time).
 */
export async function authHeaders(settings: GoogleSettings, context: CallContext, phase: ErrorPhase): Promise<Record<string, string>> {
  const target = { provider: context.provider, model: context.model };
  if (settings.api === 'gemini') {
    if (context.apiKey === undefined) {
      throw new ValidationError({ ...target, issues: [{ field: 'config.apiKey', message: 'the Gemini API needs an API key: set config.apiKey or GEMINI_API_KEY / GOOGLE_API_KEY' }] });
    }
    return { 'x-goog-api-key': context.apiKey };
  }
  let token: unknown;
  try {
    token = await settings.accessToken();
  } catch (error) {
    throw new HTTPConnectionError({ ...target, phase, message: `Could not get a Vertex AI access token from getAccessToken(): ${error instanceof Error ? error.message : String(error)}`, cause: error });
  }
  if (typeof token !== 'string' || token.trim() === '') {
    throw new ValidationError({ ...target, issues: [{ field: 'config.providerConfig.getAccessToken', value: typeof token, message: 'must return a non-empty access token string' }] });
  }
  // A fetched token is as secret as an API key: redact it from every error and log.
  context.registerSecret(token.trim());
  return { Authorization: `Bearer ${token.trim()}` };
}
