import { HTTPError, connectionError, sendProviderRequest, sniffMediaType, type CallContext } from '@tarash/core';
import { apiRoot } from '../config/google-endpoints';
import type { GoogleSettings } from '../config/google-provider-config';
import { authHeaders } from '../transport/google-auth';
import { googleHttpError } from '../transport/google-error';

const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status);

/**
 * Downloads a Gemini API video URI. The API key goes in the `x-goog-api-key` header, and only
 * to the API's own origin. The download is observed to redirect to a signed storage URL [C];
 * `fetch` would forward the key header across origins, so the redirect is followed by hand,
 * without the key (the signature is the credential there).
 */
export async function downloadVideo(uri: string, context: CallContext, settings: GoogleSettings, requestId: string): Promise<{ data: Uint8Array; mediaType: string }> {
  const common = { method: 'GET' as const, phase: 'download' as const, requestId };
  let response: Response;
  if (new URL(uri).origin === new URL(apiRoot(settings, context.baseUrl)).origin) {
    response = await sendProviderRequest(context, { ...common, url: uri, headers: await authHeaders(settings, context, 'download'), toError: googleHttpError, redirect: 'manual' });
    if (isRedirect(response.status)) {
      const location = response.headers.get('location');
      if (!location) {
        throw new HTTPError({ provider: context.provider, model: context.model, requestId, phase: 'download', statusCode: response.status, message: `${context.provider} redirected the download of ${requestId} without a Location` });
      }
      response = await sendProviderRequest(context, { ...common, url: new URL(location, uri).href });
    }
  } else {
    response = await sendProviderRequest(context, { ...common, url: uri });
  }
  let data: Uint8Array;
  try {
    data = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason;
    throw connectionError(error, { provider: context.provider, model: context.model, phase: 'download', url: response.url || uri });
  }
  const mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() || sniffMediaType(data) || 'video/mp4';
  return { data, mediaType };
}
