import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A plain web server on 127.0.0.1 serving one file, for URL media inputs. */
export interface MediaServer {
  readonly url: string;
  /** Request headers of every download, for credential checks. */
  readonly requests: Readonly<Record<string, string | string[] | undefined>>[];
  close(): Promise<void>;
}

/** Serves `bytes` as `contentType` at `<origin>/<fileName>`. */
export async function startMediaServer(bytes: Uint8Array, contentType: string, fileName: string): Promise<MediaServer> {
  const requests: MediaServer['requests'][number][] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    response.writeHead(200, { 'content-type': contentType }).end(bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${fileName}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
