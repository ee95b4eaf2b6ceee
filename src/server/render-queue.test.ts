import { describe, expect, it } from 'vitest';
import { message } from '../i18n/messages.ts';
import { routeWorld } from '../test/route-world.ts';
import { AppError } from './errors.ts';
import { createRenderQueue, DEFAULT_RENDER_QUEUE } from './render-queue.ts';

describe('render queue', () => {
  it('runs `concurrency` at once, keeps `waiting` in line, refuses the next with 503 and Retry-After', async () => {
    const queue = createRenderQueue({ concurrency: 2, waiting: 1, retryAfterSeconds: 7 });
    const first = await queue.enter();
    const second = await queue.enter();
    let thirdRan = false;
    const third = queue.enter().then((free) => {
      thirdRan = true;
      return free;
    });
    expect([queue.running, queue.queued]).toEqual([2, 1]);
    const refused = await queue.enter().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'render.busy', status: 503, headers: { 'retry-after': '7' } });
    expect((refused as AppError).message).toBe(message('render.busy', { seconds: 7 }));

    first();
    first(); // a slot is given back once, however many times its owner says so
    const freeThird = await third;
    expect(thirdRan).toBe(true);
    expect([queue.running, queue.queued]).toEqual([2, 0]);
    second();
    freeThird();
    expect([queue.running, queue.queued]).toEqual([0, 0]);
  });
});

describe('report and spreadsheet renders over HTTP', () => {
  const w = routeWorld();

  it('refuses the renders beyond the queue with a coded French 503, and serves the rest', async () => {
    const { concurrency, waiting, retryAfterSeconds } = DEFAULT_RENDER_QUEUE;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.call(
          w.staff,
          'GET',
          i % 2 ? '/api/reports/2024/download?format=pdf' : '/api/members/organisations/export.xlsx',
        ),
      ),
    );
    const served = answers.filter((a) => a.statusCode === 200);
    const refused = answers.filter((a) => a.statusCode === 503);
    expect(served.length + refused.length).toBe(20);
    expect(served.length).toBeGreaterThanOrEqual(concurrency + waiting);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer.headers['retry-after']).toBe(String(retryAfterSeconds));
      expect(answer.json()).toEqual({
        error: { code: 'render.busy', message: message('render.busy', { seconds: retryAfterSeconds }) },
      });
    }
    // Every slot was given back: a render asked for now runs.
    const later = await w.call(w.staff, 'GET', '/api/reports/2024/download?format=pdf');
    expect(later.statusCode).toBe(200);
    expect(later.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the slot of a streamed render back, and never queues callers it refuses', async () => {
    const stream = await w.call(w.staff, 'POST', '/api/reports/2024/render', { format: 'pdf' });
    expect(stream.statusCode).toBe(200);
    expect(stream.body.trim().split('\n').at(-1)).toContain('"type":"done"');
    const anonymous = await Promise.all(
      Array.from({ length: 10 }, () => w.call(null, 'GET', '/api/reports/2024/download?format=pdf')),
    );
    for (const answer of anonymous) expect(answer.statusCode).toBe(401);
    expect((await w.call(w.staff, 'GET', '/api/reports/2024/download?format=docx')).statusCode).toBe(200);
  });
});
