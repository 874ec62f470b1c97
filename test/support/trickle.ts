import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server whose every answer trickles: headers at once, then one byte a second for ever (what kept a
 * `--follow` request waiting 300 s). `paths` answer normally instead.
 */
export async function trickleServer(paths: Map<string, { body: string | Uint8Array; type?: string }> = new Map()): Promise<{ base: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = paths.get((request.url ?? '/').split('?')[0]!);
    if (page) {
      response.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8' }).end(page.body);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => response.write(' '), 1000);
    response.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
