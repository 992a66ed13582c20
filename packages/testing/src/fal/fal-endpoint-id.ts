/** The parts of a fal endpoint id (`[namespace/]owner/app[/path...]`). */
export interface FalEndpointId {
  /** The full id, as submitted. */
  readonly id: string;
  /** `workflows` or `comfy` when the id starts with one of them. */
  readonly namespace: string | undefined;
  readonly owner: string;
  readonly app: string;
  /** The rest after the app (e.g. `fast/image-to-video`), if any. */
  readonly path: string | undefined;
  /** `[namespace/]owner/app`: the prefix of status, result and cancel URLs. */
  readonly appId: string;
}

/** First segments that are namespaces, shifting owner/app right by one (fal-js `ENDPOINT_NAMESPACES`). */
const NAMESPACES = new Set(['workflows', 'comfy']);

/** Splits an endpoint id; undefined when it has no owner/app pair. */
export function parseFalEndpointId(id: string): FalEndpointId | undefined {
  const parts = id.split('/').filter((part) => part !== '');
  const namespace = parts[0] !== undefined && NAMESPACES.has(parts[0]) ? parts[0] : undefined;
  const rest = namespace ? parts.slice(1) : parts;
  const [owner, app, ...path] = rest;
  if (owner === undefined || app === undefined) return undefined;
  return {
    id: parts.join('/'),
    namespace,
    owner,
    app,
    path: path.length > 0 ? path.join('/') : undefined,
    appId: [...(namespace ? [namespace] : []), owner, app].join('/'),
  };
}

/**
 * Whether a URL prefix addresses a job of `endpoint`: fal documents the app-only prefix
 * (`owner/app`), the per-endpoint OpenAPI files the full id; both are accepted, and so is
 * anything in between.
 */
export function isJobPrefix(prefix: string, endpoint: FalEndpointId): boolean {
  const appOrLonger = prefix === endpoint.appId || prefix.startsWith(`${endpoint.appId}/`);
  const withinId = endpoint.id === prefix || endpoint.id.startsWith(`${prefix}/`);
  return appOrLonger && withinId;
}
