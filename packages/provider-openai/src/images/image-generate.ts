import { PendingMedia, readJsonBody, sendProviderRequest, type CallContext, type PreparedRequest, type ProviderImageResult } from '@tarash/core';
import type { ApiFlavor } from '../transport/api-target';
import { appendFields, mediaPart } from '../transport/media-part';
import { openaiError } from '../transport/openai-error';
import { imageResult, type ImagesResponse } from './image-result';

/**
 * The multipart body of `/images/edits`: one input image as `image`, several as repeated
 * `image[]` parts (as the official clients send arrays), the mask as `mask`, every other field
 * as text.
 */
async function editForm(body: Readonly<Record<string, unknown>>, context: CallContext): Promise<FormData> {
  const { image, mask, ...fields } = body;
  const form = new FormData();
  appendFields(form, fields);
  const images = (Array.isArray(image) ? image : [image]).filter((item): item is PendingMedia => item instanceof PendingMedia);
  const parts = await Promise.all(images.map((media, index) => mediaPart(media, context, `image-${index}`)));
  for (const part of parts) form.append(parts.length === 1 ? 'image' : 'image[]', part.blob, part.fileName);
  if (mask instanceof PendingMedia) {
    const part = await mediaPart(mask, context, 'mask');
    form.append('mask', part.blob, part.fileName);
  }
  return form;
}

/**
 * Runs one Images API call (synchronous: the response carries the images). Generations go as
 * JSON to `/images/generations`, edits as multipart to `/images/edits`.
 */
export async function generateImage(prepared: PreparedRequest, context: CallContext, flavor: ApiFlavor): Promise<ProviderImageResult> {
  const target = flavor.target(context);
  const body = prepared.body as Readonly<Record<string, unknown>>;
  const edit = prepared.route?.operation === 'edit';
  const response = await sendProviderRequest(context, {
    method: 'POST',
    url: target.url(edit ? '/images/edits' : '/images/generations'),
    headers: target.headers(),
    phase: 'generate',
    toError: openaiError,
    ...(edit ? { body: await editForm(body, context) } : { json: body }),
  });
  // OpenAI has no image id; the request id names the call (Azure sends apim-request-id).
  const requestId = response.headers.get('x-request-id') ?? response.headers.get('apim-request-id') ?? `image-${Date.now()}`;
  const json = await readJsonBody<ImagesResponse>(response, context, 'generate', requestId);
  return imageResult(json, body, context, requestId);
}
