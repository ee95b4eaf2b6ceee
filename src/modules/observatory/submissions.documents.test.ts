import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { buildWorld, caller, cookieOf, openCampaign, upload, type World } from './campaigns.fixtures.ts';

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let campaign: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  call = caller(t, world);
  campaign = await openCampaign(t, world, 2024);
});
afterAll(() => t.close());

const start = (who: string, conventionType: string) =>
  call(who, 'POST', `/api/observatory/campaigns/${campaign}/forms`, { conventionType });

describe('attachments', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

  it('keeps documents checked by content, for the member and staff', async () => {
    const id = (await start('chorus', 'AI')).json().id;
    const url = `/api/observatory/submissions/${id}/documents`;
    const added = await upload(t, cookieOf(world, 'chorus'), url, 'bilan 2024.pdf', PDF, 'application/pdf');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      filename: 'bilan 2024.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
    });
    const disguised = await upload(
      t,
      cookieOf(world, 'chorus'),
      url,
      'rapport.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.fields[0]).toMatchObject({
      field: 'file',
      message: expect.stringContaining('« rapport.pdf »'),
    });
    const tooBig = await upload(
      t,
      cookieOf(world, 'chorus'),
      url,
      'gros.pdf',
      Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(tooBig.statusCode).toBe(413);
    expect((await upload(t, cookieOf(world, 'regain'), url, 'a.pdf', PDF)).statusCode).toBe(404);

    const list = await call('staff', 'GET', url);
    expect(list.json().items).toHaveLength(1);
    const download = await call('chorus', 'GET', `${url}/${added.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await call('regain', 'GET', `${url}/${added.json().id}`)).statusCode).toBe(404);
    expect((await call('chorus', 'DELETE', `${url}/${added.json().id}`)).statusCode).toBe(204);
    expect((await call('staff', 'GET', url)).json().items).toEqual([]);
  });
});
