import { ValidationError, describeValue, type ValidationIssue } from '@tarash/core';

/**
 * Settings of `@tarash/provider-google`, given as a config's `providerConfig` (or as defaults
 * to `googleProvider(defaults)`). Without `project` the provider talks to the Gemini API with an
 * API key; with `project` it talks to Vertex AI with an OAuth access token.
 */
export interface GoogleProviderConfig {
  /** Google Cloud project id. Setting it switches to Vertex AI. */
  readonly project?: string;
  /** Vertex AI location (default `us-central1`); `global` uses the global endpoint. */
  readonly location?: string;
  /** Vertex AI: an OAuth access token (e.g. from `gcloud auth print-access-token`). */
  readonly accessToken?: string;
  /**
   * Vertex AI: returns a fresh access token; called before every request, so it should cache
   * (e.g. `() => googleAuth.getAccessToken()` from google-auth-library).
   */
  readonly getAccessToken?: () => string | Promise<string>;
  /** API version: `v1beta` (default) or `v1` on the Gemini API; `v1` (default) or `v1beta1` on Vertex AI. */
  readonly apiVersion?: string;
  /**
   * Gemini API Veo results: `bytes` (default) downloads each video (sending the key in a
   * header) and returns `{ data, mediaType }`; `uri` returns Google's download URI, which
   * needs the API key to fetch and expires after a while.
   */
  readonly videoOutput?: 'bytes' | 'uri';
}

/** Which API a config talks to, with everything the transport needs. */
export type GoogleSettings = GeminiApiSettings | VertexAiSettings;

/** The Gemini API (`generativelanguage.googleapis.com`), authenticated with an API key. */
export interface GeminiApiSettings {
  readonly api: 'gemini';
  readonly apiVersion: string;
  readonly videoOutput: 'bytes' | 'uri';
}

/** Vertex AI (`{location}-aiplatform.googleapis.com`), authenticated with an OAuth access token. */
export interface VertexAiSettings {
  readonly api: 'vertex';
  readonly apiVersion: string;
  readonly project: string;
  readonly location: string;
  /** Yields the access token for the next request. */
  readonly accessToken: () => string | Promise<string>;
}

/** API versions per API; the first is the default. */
export const API_VERSIONS = { gemini: ['v1beta', 'v1'], vertex: ['v1', 'v1beta1'] } as const;

/** The Vertex AI location used when none is given. */
export const DEFAULT_VERTEX_LOCATION = 'us-central1';

const KNOWN_KEYS = ['project', 'location', 'accessToken', 'getAccessToken', 'apiVersion', 'videoOutput'] as const;

const field = (key: string) => `config.providerConfig.${key}`;

/** Whether a provider config (with the plugin defaults under it) selects Vertex AI. */
export function usesVertexAi(providerConfig: Readonly<Record<string, unknown>>): boolean {
  return providerConfig.project !== undefined;
}

/**
 * Reads and checks the provider settings. Pure, so `prepare` runs it and a bad setting fails
 * before anything is sent; every problem is reported, naming the field and what is allowed.
 */
export function resolveGoogleSettings(providerConfig: Readonly<Record<string, unknown>>, target: { readonly provider: string; readonly model: string }): GoogleSettings {
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(providerConfig)) {
    // The value is left out: a misspelt key may well hold a token.
    if (!(KNOWN_KEYS as readonly string[]).includes(key)) issues.push({ field: field(key), message: 'is not a Google provider setting', allowed: KNOWN_KEYS });
  }
  const text = (key: string, pattern: RegExp, describe: string): string | undefined => {
    const value = providerConfig[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && pattern.test(value)) return value;
    issues.push({ field: field(key), value: describeSetting(key, value), message: `must be ${describe}` });
    return undefined;
  };
  const project = text('project', /^[A-Za-z0-9][\w.:-]*$/, 'a Google Cloud project id such as "my-project"');
  const location = text('location', /^[a-z][a-z0-9-]*$/, 'a Vertex AI location such as "us-central1" or "global"');
  const accessToken = text('accessToken', /\S/, 'a non-empty string');
  const getAccessToken = providerConfig.getAccessToken;
  if (getAccessToken !== undefined && typeof getAccessToken !== 'function') {
    issues.push({ field: field('getAccessToken'), value: getAccessToken, message: 'must be a function returning an access token (or a promise of one)' });
  }
  const videoOutput = providerConfig.videoOutput ?? 'bytes';
  if (videoOutput !== 'bytes' && videoOutput !== 'uri') issues.push({ field: field('videoOutput'), value: videoOutput, message: 'is not a video output mode', allowed: ['bytes', 'uri'] });
  const api = usesVertexAi(providerConfig) ? 'vertex' : 'gemini';
  const versions: readonly string[] = API_VERSIONS[api];
  const apiVersion = providerConfig.apiVersion ?? versions[0];
  if (typeof apiVersion !== 'string' || !versions.includes(apiVersion)) {
    issues.push({ field: field('apiVersion'), value: apiVersion, message: `is not an API version of ${api === 'vertex' ? 'Vertex AI' : 'the Gemini API'}`, allowed: versions });
  }
  if (api === 'gemini') {
    for (const key of ['location', 'accessToken', 'getAccessToken'] as const) {
      if (providerConfig[key] !== undefined) issues.push({ field: field(key), value: describeSetting(key, providerConfig[key]), message: 'is a Vertex AI setting; set config.providerConfig.project to use Vertex AI' });
    }
  } else if ((accessToken === undefined) === (getAccessToken === undefined)) {
    issues.push({
      field: field(getAccessToken === undefined ? 'accessToken' : 'getAccessToken'),
      message: getAccessToken === undefined ? 'Vertex AI needs an OAuth access token: set accessToken or getAccessToken' : 'give accessToken or getAccessToken, not both',
    });
  }
  if (issues.length > 0) throw new ValidationError({ ...target, context: `Invalid Google provider settings for ${target.model}`, issues });
  if (api === 'gemini') return { api, apiVersion: apiVersion as string, videoOutput: videoOutput as 'bytes' | 'uri' };
  return {
    api,
    apiVersion: apiVersion as string,
    project: project as string,
    location: location ?? DEFAULT_VERTEX_LOCATION,
    accessToken: typeof getAccessToken === 'function' ? (getAccessToken as () => string | Promise<string>) : () => accessToken as string,
  };
}

/** Never echo a token back in an error; other settings are shown as given. */
function describeSetting(key: string, value: unknown): unknown {
  return key === 'accessToken' ? '[REDACTED]' : value;
}
