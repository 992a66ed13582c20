import type { HttpReply } from '../common/http-reply';
import { googleErrorInfo, googleErrorReply } from './google-status';

/** The Gemini API key a fake Google server accepts by default (shaped like a real `AIza…` key). */
export const FAKE_GOOGLE_API_KEY = 'AIzaSyFakeGoogleApiKey-0123456789abcdef';

/** The Vertex AI OAuth access token a fake Google server accepts by default. */
export const FAKE_GOOGLE_ACCESS_TOKEN = 'ya29.fake-google-access-token';

/** Reads one request header (first value when repeated). */
export type HeaderReader = (name: string) => string | undefined;

function checkList(name: string, values: readonly string[]): void {
  if (values.length === 0 || values.some((value) => typeof value !== 'string' || value.trim() === '')) {
    throw new TypeError(`${name} must be a non-empty list of non-empty strings.`);
  }
}

/**
 * The credentials a fake Google server accepts: API keys for the Gemini API, OAuth access
 * tokens for Vertex AI. The error bodies follow what Google returns (wire.md §4.1; the exact
 * texts are [C]).
 */
export class GoogleCredentials {
  readonly #apiKeys: ReadonlySet<string>;
  readonly #accessTokens: ReadonlySet<string>;

  constructor(apiKeys: readonly string[], accessTokens: readonly string[]) {
    checkList('apiKeys', apiKeys);
    checkList('accessTokens', accessTokens);
    this.#apiKeys = new Set(apiKeys);
    this.#accessTokens = new Set(accessTokens);
  }

  /** Every secret, for redaction of recordings. */
  get secrets(): string[] {
    return [...this.#apiKeys, ...this.#accessTokens];
  }

  /** Gemini API: the key in `x-goog-api-key` (or `?key=`, which Google also accepts [C]). */
  checkApiKey(header: HeaderReader, query: URLSearchParams): HttpReply | undefined {
    const key = header('x-goog-api-key') ?? query.get('key') ?? undefined;
    if (key === undefined || key.trim() === '') {
      return googleErrorReply(
        'PERMISSION_DENIED',
        'Method doesn\'t allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.',
      );
    }
    if (!this.#apiKeys.has(key.trim())) {
      return googleErrorReply('INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
        googleErrorInfo('API_KEY_INVALID', { service: 'generativelanguage.googleapis.com' }),
      ]);
    }
    return undefined;
  }

  /** Vertex AI: `Authorization: Bearer <access token>`. */
  checkBearer(header: HeaderReader): HttpReply | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header('authorization') ?? '');
    if (!match || !this.#accessTokens.has(match[1] as string)) {
      return googleErrorReply(
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        [googleErrorInfo(match ? 'ACCESS_TOKEN_EXPIRED' : 'CREDENTIALS_MISSING', { service: 'aiplatform.googleapis.com' })],
      );
    }
    return undefined;
  }
}
