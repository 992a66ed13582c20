import type { IncomingHttpHeaders } from 'node:http';
import { jsonReply, type HttpReply } from '../common/http-reply';
import { openaiErrorReply } from './openai-errors';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/**
 * Checks `Authorization: Bearer <key>` as api.openai.com does. The 401 never repeats the key
 * (OpenAI's own message shows a masked suffix; the fake shows nothing of it).
 */
export function checkBearer(headers: IncomingHttpHeaders, keys: ReadonlySet<string>): HttpReply | undefined {
  const authorization = header(headers, 'authorization');
  if (authorization === undefined) {
    return openaiErrorReply(401, {
      message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    });
  }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match || !keys.has(match[1] as string)) {
    return openaiErrorReply(401, { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', code: 'invalid_api_key' });
  }
  return undefined;
}

/**
 * Checks Azure OpenAI's `api-key` header (Entra ID tokens arrive as `Authorization: Bearer`;
 * the fake accepts a known key either way). Azure's 401 body is `{error: {code: "401", message}}` [C].
 */
export function checkAzureKey(headers: IncomingHttpHeaders, keys: ReadonlySet<string>): HttpReply | undefined {
  const apiKey = header(headers, 'api-key') ?? /^Bearer\s+(\S+)$/i.exec(header(headers, 'authorization') ?? '')?.[1];
  if (apiKey !== undefined && keys.has(apiKey)) return undefined;
  return jsonReply(401, {
    error: {
      code: '401',
      message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    },
  });
}
