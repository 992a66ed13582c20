/** `owner/app[/path…]`: segments of letters, digits, `.`, `_` and `-`, never `.` or `..` alone. */
const ENDPOINT_ID = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9][\w.-]*(?:\/[\w.-]+)+$/;

/** fal namespaces that shift owner and app one segment to the right (wire.md §1.1). */
const NAMESPACES = new Set(['workflows', 'comfy']);

/** Whether `id` is a well-formed fal endpoint id such as `fal-ai/veo3.1/fast/image-to-video`. */
export function isFalEndpointId(id: string): boolean {
  return ENDPOINT_ID.test(id);
}

/**
 * The `owner/app` part of an endpoint id (`[namespace/]owner/app`), under which fal serves the
 * status, result and cancel URLs of its requests.
 */
export function falAppId(endpointId: string): string {
  const segments = endpointId.split('/');
  const length = NAMESPACES.has(segments[0] ?? '') ? 3 : 2;
  return segments.slice(0, length).join('/');
}
