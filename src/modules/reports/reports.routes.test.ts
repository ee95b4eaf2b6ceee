import { beforeAll, describe, expect, it } from 'vitest';
import { routeWorld } from '../../test/route-world.ts';

const w = routeWorld();
const { call } = w;

let admin: string;
let member: string;

const publicAction = (title: string, startsOn: string) => ({
  title,
  kind: 'regional_day',
  startsOn,
  town: 'Toulouse',
  department: '31',
  participantsCount: 40,
  summary: `${title} : une journée avec les adhérents.`,
  visibility: 'public',
});

interface ReportJson {
  year: number;
  frozen: { at: string; by: string | null } | null;
  texts: { presidentWord: string; presidentSignature: string; priorities: string };
  keyFigures: Record<string, { value: number | null }>;
  chronicle: { month: number; actions: { title: string }[] }[];
}

const titles = (report: ReportJson) => report.chronicle.flatMap((m) => m.actions.map((a) => a.title));
const download = (format: string) => call(w.staff, 'GET', `/api/reports/2024/download?format=${format}`);

beforeAll(async () => {
  admin = await w.as('admin');
  member = await w.as('member');
  expect(
    (await call(w.staff, 'POST', '/api/actions', publicAction('Forum 2024', '2024-03-12'))).statusCode,
  ).toBe(201);
}, 60_000);

describe('activity report routes', () => {
  it('lets staff and the board read, only the team write, and nobody else in', async () => {
    expect((await call(null, 'GET', '/api/reports/2024')).statusCode).toBe(401);
    expect((await call(member, 'GET', '/api/reports/2024')).statusCode).toBe(403);
    expect((await call(member, 'GET', '/api/reports/2024/texts')).statusCode).toBe(403);
    const read = await call(w.board, 'GET', '/api/reports/2024');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ year: 2024, scope: 'delegation', frozen: null });
    expect(titles(read.json())).toContain('Forum 2024');
    expect((await call(w.board, 'GET', '/api/reports/2024/texts')).statusCode).toBe(200);
    const texts = { presidentWord: 'x', presidentSignature: '', priorities: '' };
    expect((await call(w.board, 'PUT', '/api/reports/2024/texts', texts)).statusCode).toBe(403);
    expect((await call(w.board, 'POST', '/api/reports/2024/freeze')).statusCode).toBe(403);
    expect((await call(w.staff, 'DELETE', '/api/reports/2024/freeze')).statusCode).toBe(403);
  });

  it('keeps the texts as written, markup included, and prints them in the report', async () => {
    expect((await call(w.staff, 'GET', '/api/reports/2030/texts')).json()).toEqual({
      year: 2030,
      presidentWord: '',
      presidentSignature: '',
      priorities: '',
      frozen: null,
    });
    const texts = {
      presidentWord: 'Une année **dense**.\n\nMerci à *toutes* les équipes.',
      presidentSignature: 'La présidente',
      priorities: '- Consolider le **réseau**\n- Ouvrir un GEP',
    };
    const saved = await call(w.staff, 'PUT', '/api/reports/2030/texts', texts);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ year: 2030, ...texts, frozen: null });
    const changed = { ...texts, priorities: `${texts.priorities}\n- Former les encadrants` };
    expect((await call(w.staff, 'PUT', '/api/reports/2030/texts', changed)).json().priorities).toBe(
      changed.priorities,
    );
    expect((await call(w.board, 'GET', '/api/reports/2030')).json().texts).toEqual(changed);
    const tooLong = await call(w.staff, 'PUT', '/api/reports/2030/texts', {
      ...texts,
      presidentSignature: 'x'.repeat(201),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields).toEqual([
      expect.objectContaining({ field: 'presidentSignature', code: 'validation.too_long' }),
    ]);
  });

  it('freezes a report: later data does not change it, nor its files; unfreezing follows the data', async () => {
    const before = { json: (await download('json')).rawPayload, pdf: (await download('pdf')).rawPayload };
    const frozen = await call(w.staff, 'POST', '/api/reports/2024/freeze');
    expect(frozen.statusCode).toBe(201);
    expect(frozen.json().frozen).toEqual({ at: expect.any(String), by: 'Test staff' });
    expect((await call(w.staff, 'POST', '/api/reports/2024/freeze')).json().error.code).toBe(
      'reports.already_frozen',
    );
    const snapshot = (await call(w.staff, 'GET', '/api/reports/2024')).json() as ReportJson;
    const json = (await download('json')).rawPayload;
    const pdf = await download('pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="/);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(before.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(before.json.toString()).frozen).toBeNull();

    expect(
      (await call(w.staff, 'POST', '/api/actions', publicAction('Salon tardif', '2024-11-05'))).statusCode,
    ).toBe(201);
    const refused = await call(w.staff, 'PUT', '/api/reports/2024/texts', {
      presidentWord: 'Trop tard',
      presidentSignature: '',
      priorities: '',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'reports.frozen',
      message: expect.stringMatching(/figé/),
    });

    const still = (await call(w.board, 'GET', '/api/reports/2024')).json() as ReportJson;
    expect(still).toEqual(snapshot);
    expect(titles(still)).not.toContain('Salon tardif');
    expect((await download('json')).rawPayload.equals(json)).toBe(true);
    expect((await download('pdf')).rawPayload.equals(pdf.rawPayload)).toBe(true);

    expect((await call(w.staff, 'DELETE', '/api/reports/2024/freeze')).statusCode).toBe(403);
    expect((await call(admin, 'DELETE', '/api/reports/2024/freeze')).statusCode).toBe(204);
    expect((await call(admin, 'DELETE', '/api/reports/2024/freeze')).json().error.code).toBe(
      'reports.not_frozen',
    );
    const live = (await call(w.staff, 'GET', '/api/reports/2024')).json() as ReportJson;
    expect(live.frozen).toBeNull();
    expect(titles(live)).toEqual(expect.arrayContaining(['Forum 2024', 'Salon tardif']));
    expect(live.keyFigures.actions?.value).toBe((snapshot.keyFigures.actions?.value ?? 0) + 1);
  });

  it('compares the key figures of two years', async () => {
    await call(w.staff, 'POST', '/api/actions', publicAction('Forum 2023', '2023-04-04'));
    const compared = await call(w.board, 'GET', '/api/reports/compare?from=2023&to=2024');
    expect(compared.statusCode).toBe(200);
    const { items } = compared.json() as {
      items: { id: string; from: number | null; to: number | null; delta: number | null; trend: string }[];
    };
    const a = (await call(w.staff, 'GET', '/api/reports/2023')).json() as ReportJson;
    const b = (await call(w.staff, 'GET', '/api/reports/2024')).json() as ReportJson;
    const ids = new Set([...Object.keys(a.keyFigures), ...Object.keys(b.keyFigures)]);
    expect(new Set(items.map((i) => i.id))).toEqual(ids);
    for (const item of items) {
      expect(item.from).toBe(a.keyFigures[item.id]?.value ?? null);
      expect(item.to).toBe(b.keyFigures[item.id]?.value ?? null);
    }
    const actions = items.find((i) => i.id === 'actions');
    expect(actions).toMatchObject({ from: 1, to: 2, delta: 1, trend: 'up' });
    const reverse = (await call(w.board, 'GET', '/api/reports/compare?from=2024&to=2023')).json();
    expect(reverse.items.find((i: { id: string }) => i.id === 'actions')).toMatchObject({
      delta: -1,
      trend: 'down',
    });
    expect(items.every((i) => ['up', 'down', 'same', 'unknown'].includes(i.trend))).toBe(true);
  });

  it('streams the progress of a generation, then the file', async () => {
    const response = await call(w.board, 'POST', '/api/reports/2024/render', { format: 'pdf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const last = lines.at(-1);
    expect(last).toMatchObject({ type: 'done', contentType: 'application/pdf' });
    expect(last.filename).toMatch(/\.pdf$/);
    expect(Buffer.from(last.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const progress = lines.slice(0, -1);
    expect(progress.length).toBeGreaterThan(1);
    for (const p of progress) {
      expect(p).toMatchObject({ type: 'progress', step: expect.any(String), label: expect.any(String) });
      expect(p.done).toBeLessThanOrEqual(p.total);
    }
  });

  it('refuses a bad year or format in French, naming the field', async () => {
    const year = await call(w.staff, 'GET', '/api/reports/20x4');
    expect(year.statusCode).toBe(400);
    expect(year.json().error.fields).toEqual([
      expect.objectContaining({ field: 'params.year', message: "Cette valeur n'a pas le format attendu." }),
    ]);
    expect(year.json().error.message).toMatch(/invalides/);
    expect((await call(w.staff, 'GET', '/api/reports/1789')).statusCode).toBe(400);
    const format = await download('odt');
    expect(format.statusCode).toBe(400);
    expect(format.json().error.fields).toEqual([
      expect.objectContaining({
        field: 'querystring.format',
        message: 'Cette valeur ne fait pas partie des choix possibles.',
      }),
    ]);
    const render = await call(w.staff, 'POST', '/api/reports/2024/render', { format: 'rtf' });
    expect(render.statusCode).toBe(400);
    expect(render.json().error.fields).toEqual([expect.objectContaining({ field: 'format' })]);
    const compare = await call(w.staff, 'GET', '/api/reports/compare?from=2023');
    expect(compare.json().error.fields).toEqual([
      expect.objectContaining({ field: 'querystring.to', message: 'Ce champ est obligatoire.' }),
    ]);
  });
});
