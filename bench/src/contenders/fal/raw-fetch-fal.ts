import type { Contender } from '../video-client';
import { FAL_VIDEO_MODEL } from './fal-fake-hosts';

interface FalSubmitAnswer {
  readonly status_url: string;
  readonly response_url: string;
}

async function expectOk(response: Response, step: string): Promise<Response> {
  if (!response.ok) throw new Error(`${step} failed: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Reads a status stream until its COMPLETED event. */
async function untilCompleted(stream: ReadableStream<Uint8Array>): Promise<void> {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = event.split('\n').find((line) => line.startsWith('data:'));
      if (data && (JSON.parse(data.slice(5)) as { status?: string }).status === 'COMPLETED') {
        // Like ours, stop reading at COMPLETED (the server closes the stream right after).
        await reader.cancel();
        return;
      }
    }
  }
  throw new Error('the status stream ended before COMPLETED');
}

/**
 * The floor: the same three requests ours makes (submit, status stream, result), hand-written
 * with the platform `fetch` and nothing else (no validation, mapping, retries or metadata).
 */
export const rawFetchFal: Contender = {
  id: 'raw-fetch',
  label: 'raw fetch (same 3 requests)',
  connect(server) {
    const headers = { Authorization: `Key ${server.apiKey}`, Accept: 'application/json' };
    return {
      async generate(prompt) {
        const submitted = await expectOk(
          await fetch(`${server.url}/${FAL_VIDEO_MODEL}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ prompt }) }),
          'submit',
        );
        const job = (await submitted.json()) as FalSubmitAnswer;
        const stream = await expectOk(await fetch(`${job.status_url}/stream?logs=1`, { headers: { ...headers, Accept: 'text/event-stream' } }), 'status stream');
        if (!stream.body) throw new Error('the status stream has no body');
        await untilCompleted(stream.body);
        await (await expectOk(await fetch(job.response_url, { headers }), 'result')).json();
      },
    };
  },
};
