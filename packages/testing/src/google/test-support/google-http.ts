import { FAKE_GOOGLE_ACCESS_TOKEN, FAKE_GOOGLE_API_KEY } from '../google-credentials';
import type { GoogleFakeServer } from '../google-server';

/** Headers of a Gemini API client. */
export const geminiHeaders = { 'x-goog-api-key': FAKE_GOOGLE_API_KEY, 'content-type': 'application/json' } as const;

/** Headers of a Vertex AI client. */
export const vertexHeaders = { authorization: `Bearer ${FAKE_GOOGLE_ACCESS_TOKEN}`, 'content-type': 'application/json' } as const;

/** The Vertex AI path of a publisher model. */
export const vertexModelPath = (model: string, version = 'v1') => `/${version}/projects/demo-project/locations/us-central1/publishers/google/models/${model}`;

/** An HTTP answer, read. */
export interface JsonAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** Sends a JSON request to the fake server and reads the JSON answer. */
export async function call(
  server: GoogleFakeServer,
  method: 'GET' | 'POST',
  path: string,
  options: { readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<JsonAnswer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: options.headers ?? geminiHeaders,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** Polls a Gemini API operation until it is done. */
export async function pollUntilDone(server: GoogleFakeServer, name: string): Promise<Record<string, unknown>> {
  for (;;) {
    const { body } = await call(server, 'GET', `/v1beta/${name}`);
    if (body.done === true) return body;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
