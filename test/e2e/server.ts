import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Page {
  body: string | Uint8Array;
  type?: string;
  /** Extra response headers (the benchmark's pages are served cross-origin isolated, for a finer clock). */
  headers?: Record<string, string>;
}

/** Serves fixture pages from memory on 127.0.0.1 only. */
export async function serve(pages: Map<string, Page>): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages.get((request.url ?? '/').split('?')[0]!);
    if (!page) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
