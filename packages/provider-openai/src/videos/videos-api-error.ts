import { HTTPError, type HttpFailure, type TarashError } from '@tarash/core';
import { openaiError, openaiErrorObject } from '../transport/openai-error';

/** The date OpenAI announced for the shutdown of Sora 2 and the Videos API (ISO 8601). */
export const VIDEOS_API_SHUTDOWN_DATE = '2026-09-24';

/**
 * A 404 that is about a thing, not the route: an unknown or deleted video (`not_found`, or an
 * error naming `video_id`) or an unknown model. Any other 404 from the Videos API is the
 * route itself missing [C: the exact shutdown answer is unknown].
 */
function isMissingThing(failure: HttpFailure): boolean {
  const error = openaiErrorObject(failure.body);
  return error?.code === 'not_found' || error?.code === 'model_not_found' || error?.param === 'video_id';
}

/**
 * Maps a failed Videos API response. A 410, or a 404 that is not about a video or model, means
 * the Videos API is gone (OpenAI announced its shutdown for 2026-09-24): a non-retryable error
 * that says so. Everything else maps like any OpenAI error.
 */
export function videosApiError(failure: HttpFailure): TarashError {
  if (failure.status === 410 || (failure.status === 404 && !isMissingThing(failure))) {
    return new HTTPError({
      provider: failure.provider,
      model: failure.model,
      statusCode: failure.status,
      phase: failure.phase,
      rawResponse: failure.body,
      isRetryable: false,
      ...(failure.requestId !== undefined ? { requestId: failure.requestId } : {}),
      message:
        `${failure.provider}'s Videos API appears to be shut down (HTTP ${failure.status} during ${failure.phase}). ` +
        `OpenAI announced that Sora 2 and the Videos API shut down on ${VIDEOS_API_SHUTDOWN_DATE}; use another video provider.`,
    });
  }
  return openaiError(failure);
}
