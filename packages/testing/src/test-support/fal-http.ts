import { FAKE_FAL_KEY, type FalFakeServer } from '../fal/fal-server';

/** Headers a fal client sends. */
export const falHeaders = { authorization: `Key ${FAKE_FAL_KEY}`, 'content-type': 'application/json' } as const;

/** The submit response of fal's queue. */
export interface SubmitBody {
  readonly request_id: string;
  readonly response_url: string;
  readonly status_url: string;
  readonly cancel_url: string;
  readonly queue_position: number;
  readonly gateway_request_id: string;
  readonly status: string;
}

/** Submits `input` to `endpointId` and returns the response and its JSON. */
export async function submit(
  server: FalFakeServer,
  endpointId: string,
  input: unknown,
  options: { readonly query?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<{ response: Response; body: SubmitBody }> {
  const response = await fetch(`${server.url}/${endpointId}${options.query ? `?${options.query}` : ''}`, {
    method: 'POST',
    headers: { ...falHeaders, ...options.headers },
    body: JSON.stringify(input),
  });
  return { response, body: (await response.json()) as SubmitBody };
}

/** GETs a URL with fal credentials; returns the status and the JSON body. */
export async function getJson(url: string, method = 'GET'): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, { method, headers: falHeaders });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** The `data:` payloads of a complete event-stream body, parsed as JSON. */
export function parseEvents(text: string): Record<string, unknown>[] {
  return text
    .split('\n\n')
    .map((block) => block.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n'))
    .filter((data) => data !== '')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
}
