import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t?.close());

/** Sends raw bytes on a fresh connection and returns everything the server wrote before closing. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(bytes);
  });
}

const coded = (text: string) => {
  const [head = '', body = ''] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), head, json: JSON.parse(body) };
};

describe('answers Fastify and Node give before any route, in the coded error shape', () => {
  it('answers a path with bad percent-encoding with a French coded 400', async () => {
    for (const url of ['/api/%zz', '/api/members/organisations/%E0%A4%A']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json(), url).toEqual({
        error: { code: 'request.bad_url', message: expect.stringContaining('mal formée') },
      });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers a malformed HTTP request with a coded 400 and closes the connection', async () => {
    const answer = coded(
      await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nEn tête sans deux-points\r\n\r\n'),
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({
      error: { code: 'request.malformed', message: "Cette requête n'est pas une requête HTTP valide." },
    });
    expect(answer.head).toMatch(/^Content-Type: application\/json; charset=utf-8$/im);
  });

  it('answers headers larger than Node accepts with a coded 431', async () => {
    const answer = coded(
      await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.json.error.code).toBe('request.headers_too_large');
  });
});
