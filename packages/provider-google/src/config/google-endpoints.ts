import type { GoogleSettings } from './google-provider-config';

/** The Gemini API host. */
export const GEMINI_API_ORIGIN = 'https://generativelanguage.googleapis.com';

/** The Vertex AI host of a location: regional, or the global endpoint for `global`. */
export function vertexOrigin(location: string): string {
  return location === 'global' ? 'https://aiplatform.googleapis.com' : `https://${location}-aiplatform.googleapis.com`;
}

/** The versioned API root, e.g. `https://generativelanguage.googleapis.com/v1beta`; `baseUrl` replaces the host. */
export function apiRoot(settings: GoogleSettings, baseUrl: string | undefined): string {
  const origin = baseUrl?.replace(/\/+$/, '') ?? (settings.api === 'gemini' ? GEMINI_API_ORIGIN : vertexOrigin(settings.location));
  return `${origin}/${settings.apiVersion}`;
}

/** The URL of a model's custom method, e.g. `…/models/veo-3.1-generate-preview:predictLongRunning`. */
export function modelMethodUrl(settings: GoogleSettings, baseUrl: string | undefined, model: string, method: string): string {
  const resource = settings.api === 'gemini' ? `models/${model}` : `projects/${settings.project}/locations/${settings.location}/publishers/google/models/${model}`;
  return `${apiRoot(settings, baseUrl)}/${resource}:${method}`;
}

/** How to poll a long-running operation: `GET /{name}` on the Gemini API, `POST {model}:fetchPredictOperation` on Vertex AI. */
export function operationPoll(
  settings: GoogleSettings,
  baseUrl: string | undefined,
  operationName: string,
): { readonly method: 'GET' | 'POST'; readonly url: string; readonly json?: { readonly operationName: string } } {
  const root = apiRoot(settings, baseUrl);
  if (settings.api === 'gemini') return { method: 'GET', url: `${root}/${operationName}` };
  const resource = operationName.split('/operations/')[0];
  return { method: 'POST', url: `${root}/${resource}:fetchPredictOperation`, json: { operationName } };
}
