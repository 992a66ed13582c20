import { ValidationError, type MediaInput, type ValidationIssue } from '@tarash/core';
import type { GoogleSettings } from '../config/google-provider-config';

interface MediaFields {
  readonly imageList?: readonly { readonly image: MediaInput }[];
  readonly video?: MediaInput;
  readonly maskImage?: MediaInput;
}

const isCloudStorage = (input: MediaInput | undefined): input is string => typeof input === 'string' && input.startsWith('gs://');

/**
 * `gs://` inputs work on Vertex AI only (wire.md §4.2: the Gemini API takes no `gcsUri`); on the
 * Gemini API they are refused before anything is sent, each named.
 */
export function refuseCloudStorageOnGeminiApi(request: MediaFields, settings: GoogleSettings, target: { readonly provider: string; readonly model: string }): void {
  if (settings.api === 'vertex') return;
  const inputs: [string, MediaInput | undefined][] = [
    ...(request.imageList ?? []).map((item, index): [string, MediaInput] => [`imageList[${index}].image`, item.image]),
    ['video', request.video],
    ['maskImage', request.maskImage],
  ];
  const issues: ValidationIssue[] = inputs
    .filter((entry): entry is [string, string] => isCloudStorage(entry[1]))
    .map(([field, value]) => ({ field, value, message: 'gs:// URIs work on Vertex AI only (set config.providerConfig.project); the Gemini API takes bytes, a data: URI or an http(s) URL' }));
  if (issues.length > 0) throw new ValidationError({ ...target, issues });
}
