import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook POST as a receiver got it. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  /** The raw body text (signatures cover it exactly). */
  readonly body: string;
}

/** A loopback HTTP server that records every request it gets, for webhook tests. */
export interface WebhookReceiver {
  /** The URL to pass as `webhook`. */
  readonly url: string;
  /** What arrived so far, oldest first. */
  readonly received: readonly ReceivedWebhook[];
  close(): Promise<void>;
}

/** Starts a {@link WebhookReceiver} on 127.0.0.1; it answers every POST with 200. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
