/** Standard request fields by the Stability field they map to. */
const STANDARD_ORIGINS: Readonly<Record<string, string>> = {
  prompt: 'prompt',
  negative_prompt: 'negativePrompt',
  aspect_ratio: 'aspectRatio',
  seed: 'seed',
  style_preset: 'style',
  image: 'imageList',
};

/**
 * Names where a Stability field's value came from, for error messages: `extraParams.<field>`
 * when the caller set it there, else the standard field that maps to it.
 */
export function fieldOrigin(extraParams: Readonly<Record<string, unknown>> | undefined): (field: string) => string {
  return (field) => (extraParams && Object.hasOwn(extraParams, field) ? `extraParams.${field}` : (STANDARD_ORIGINS[field] ?? field));
}
