import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { checkSiret } from './members.validation.ts';

// Read where it lives (see ../shared/data/PROVENANCE.md), relative to the repository root.
const NATIONAL_LIST = fileURLToPath(
  new URL('../../../../shared/data/siae/2019_07_liste_siae_redacted.csv', import.meta.url),
);

let t: TestApp;
let staff: { cookie: string };
let board: { cookie: string };
let delegationId: string;

function siret(first13: string): string {
  for (let d = 0; d <= 9; d++) if (checkSiret(first13 + d).ok) return first13 + d;
  throw new Error('no key');
}

function send(
  action: 'preview' | 'commit' | 'problems.csv',
  body: string | Uint8Array,
  query: Record<string, string> = {},
  as = staff,
) {
  const search = new URLSearchParams({ filename: 'adherents.csv', ...query });
  return t.app.inject({
    method: 'POST',
    url: `/api/members/imports/${action}?${search}`,
    headers: { cookie: as.cookie, origin: TEST_ORIGIN, 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body),
  });
}

async function counts() {
  const [row] = await queryRows<{ o: number; e: number; c: number; m: number }>(
    t.database.db,
    sql`select (select count(*)::int from organisations) o, (select count(*)::int from establishments) e,
               (select count(*)::int from conventions) c, (select count(*)::int from membership_periods) m`,
  );
  return row;
}

const SIRET_A = siret('4107177140003');
const SIRET_B = siret('3435604050002');
const SIRET_B2 = siret('3435604050010');

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  delegationId = delegation.id;
  staff = await signedInAs(t, { delegationId, role: 'staff' });
  board = await signedInAs(t, { delegationId, role: 'board' });
});
afterAll(async () => t?.close());

describe('member import', () => {
  it('is refused to the board (admin and staff only)', async () => {
    const response = await send('preview', 'Nom\nA\n', {}, board);
    expect(response.statusCode).toBe(403);
  });

  it('dry-runs the national SIAE list: every problem by line and column, nothing written', async () => {
    const before = await counts();
    const response = await send('preview', readFileSync(NATIONAL_LIST), { filename: 'liste.csv' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', rows: 3932 });
    // Exact counts; the answer lists the first 200 of each, the CSV download every problem.
    // Nothing in the national list is refused: doubtful lines are warnings (import.partial.test.ts).
    expect(body.counts.create).toBeGreaterThan(3000);
    expect(body.counts.errors).toBe(0);
    expect(body.plan.create).toHaveLength(200);
    expect(body.problems).toHaveLength(Math.min(200, body.counts.errors + body.counts.warnings));
    expect(body.truncated).toBe(true);
    for (const p of body.problems) expect(p.line).toBeGreaterThanOrEqual(2);

    const download = await send('problems.csv', readFileSync(NATIONAL_LIST), { filename: 'liste.csv' });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = download.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Ligne;Colonne;Gravité;Code;Message');
    expect(lines.length - 1).toBe(body.counts.errors + body.counts.warnings);
    // Addresses outside the department listed (that of the convention): the address wins, a warning.
    const mismatches = lines.filter((l) => l.includes(';import.postcode_other_department;'));
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches[0]).toMatch(
      /^\d+;CODE_POSTAL;avertissement;import\.postcode_other_department;.*département/,
    );
    // Lines as the user sees them: the header is line 1, the last data row line 3933.
    const problemLines = lines.slice(1).map((l) => Number(l.split(';')[0]));
    expect(Math.min(...problemLines)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...problemLines)).toBeLessThanOrEqual(3933);
    // A SIRET repeated under several types is one establishment (a warning, not an error).
    expect(lines.some((l) => l.includes(';avertissement;import.siret_repeated;'))).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('refuses a row with a NUL character by line and column, instead of a 500 at commit', async () => {
    const before = await counts();
    const csv = 'Nom;Ville\nA\u0000B;Foix\nGamma;Pa\u0000miers\n';
    const preview = (await send('preview', csv)).json();
    expect(
      preview.problems.map((p: { line: number; column: string; code: string }) => [p.line, p.column, p.code]),
    ).toEqual([
      [1, null, 'import.no_type_column'],
      [2, 'Nom', 'import.nul_character'],
      [3, 'Ville', 'import.nul_character'],
    ]);
    const commit = await send('commit', csv);
    expect(commit.statusCode, commit.body).toBe(422);
    expect(commit.json().error.code).toBe('import.blocked');
    expect(await counts()).toEqual(before);
  });

  it('imports a small valid file, and the members list shows the new organisations', async () => {
    const csv = [
      'Raison sociale;N° SIRET;Adresse;CP;Ville;Tél.;Courriel;Site web;Conventionnement;Date d’adhésion',
      `ARIÈGE ALPHA;${SIRET_A};2 rue du Pont;09000;Foix;0561029897;CONTACT@alpha.fr;www.alpha.fr;AI/ ACI;04/03/2021`,
      `BETA INSERTION;${SIRET_B};1 place Centrale;31000;Toulouse;;;;ETTI;`,
      `BETA INSERTION;${SIRET_B2};5 rue Basse;31200;Toulouse;;;;EI;`,
      'GAMMA CHANTIER;;;09100;Pamiers;;;;aci;',
    ].join('\r\n');
    const preview = (await send('preview', csv)).json();
    expect(preview.problems).toEqual([]);
    expect(preview.plan.create.map((p: { line: number }) => p.line)).toEqual([2, 3, 4, 5]);
    const response = await send('commit', csv);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ created: 4, updated: 0 });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/members/organisations?pageSize=50',
      headers: { cookie: staff.cookie },
    });
    const items = list.json().items as { name: string }[];
    // The two BETA rows share a SIREN: one organisation with two establishments.
    expect(items.map((i) => i.name).sort()).toEqual(['ARIÈGE ALPHA', 'BETA INSERTION', 'GAMMA CHANTIER']);
    const [alpha] = await queryRows<Record<string, string>>(
      t.database.db,
      sql`select e.phone, e.email, e.website, e.department, m.joined_on::text joined,
                 (select string_agg(type::text, ',' order by type) from conventions c where c.establishment_id = e.id) types
          from establishments e join membership_periods m on m.organisation_id = e.organisation_id
          where e.siret = ${SIRET_A}`,
    );
    expect(alpha).toEqual({
      phone: '05 61 02 98 97',
      email: 'contact@alpha.fr',
      website: 'https://www.alpha.fr',
      department: '09',
      joined: '2021-03-04',
      types: 'AI,ACI',
    });
  });

  it('updates a record matched by SIRET instead of duplicating it (only the fields in the file)', async () => {
    const csv = `Nom,SIRET,Téléphone,Type\nARIÈGE ALPHA,${SIRET_A},05 61 00 00 00,EI\n`;
    const preview = (await send('preview', csv)).json();
    expect(preview.plan).toEqual({
      create: [],
      update: [{ line: 2, name: 'ARIÈGE ALPHA', siret: SIRET_A, fields: ['phone'] }],
    });
    const before = await counts();
    const response = await send('commit', csv);
    expect(response.json()).toEqual({ created: 0, updated: 1 });
    const after = await counts();
    expect(after?.o).toBe(before?.o);
    expect(after?.c).toBe((before?.c ?? 0) + 1);
    const [row] = await queryRows<{ phone: string; email: string }>(
      t.database.db,
      sql`select phone, email from establishments where siret = ${SIRET_A}`,
    );
    expect(row).toEqual({ phone: '05 61 00 00 00', email: 'contact@alpha.fr' });
  });

  it('writes nothing when one row is bad, and names each problem', async () => {
    const before = await counts();
    const csv = [
      'Nom;SIRET;Code postal;Département;Type;E-mail',
      'DELTA;;09000;09;AI;delta@example.org',
      `EPSILON;12345678901234;31000;09;SCOP;pas-un-mail`,
      ';;;;;',
      ';;09000;;AI;',
      'GAMMA CHANTIER;;09100;;ACI;',
    ].join('\n');
    const response = await send('commit', csv);
    expect(response.statusCode).toBe(422);
    const problems = response.json().error.problems as { line: number; column: string; code: string }[];
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, 'SIRET', 'members.siret_checksum'],
      [3, 'E-mail', 'members.email_invalid'],
      [3, 'Code postal', 'import.postcode_other_department'], // a warning: 31000 is in 31, not 09
      [3, 'Type', 'import.type_unknown'],
      [5, 'Nom', 'import.name_missing'],
      // Line 6 names the registered GAMMA CHANTIER of 09100, without SIRET either: the same
      // place (an export imported back), not a duplicate.
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reads an XLSX, and a mapping saved under a name', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuille 1');
    sheet.addRow(['Structure', 'Colonne X', 'Colonne Y']);
    sheet.addRow(['ZETA SERVICES', '09000', 'AI']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/members/import-mappings',
      headers: { cookie: staff.cookie, origin: TEST_ORIGIN },
      payload: {
        name: 'Tableur du siège',
        mapping: { Structure: 'name', 'Colonne X': 'postcode', 'Colonne Y': 'types' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/members/import-mappings',
      headers: { cookie: staff.cookie },
    });
    expect(listed.json().items.map((m: { name: string }) => m.name)).toEqual(['Tableur du siège']);

    const unmapped = (await send('preview', bytes, { filename: 'z.xlsx' })).json();
    expect(unmapped.mapping).toEqual({ Structure: 'name' });
    const response = await send('commit', bytes, { filename: 'z.xlsx', mapping: 'Tableur du siège' });
    expect(response.statusCode, response.body).toBe(201);
    const [row] = await queryRows<{ postcode: string; type: string }>(
      t.database.db,
      sql`select e.postcode, c.type::text from establishments e join organisations o on o.id = e.organisation_id
          join conventions c on c.establishment_id = e.id where o.name = 'ZETA SERVICES'`,
    );
    expect(row).toEqual({ postcode: '09000', type: 'AI' });

    const unknown = await send('preview', bytes, { filename: 'z.xlsx', mapping: 'Inconnue' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('import.mapping_unknown');
  });

  it('answers a bad file with a coded French error', async () => {
    const response = await send('preview', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), {
      filename: 'x.xlsx',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'import.xlsx_unreadable',
      message: expect.stringMatching(/illisible/),
    });
  });

  it('imports the valid lines on request, in one transaction, and answers the rejects file', async () => {
    const csv = [
      'Nom;Code postal;Ville;Type',
      'PARTIEL UN;09000;Foix;AI',
      'PARTIEL DEUX;"09;100";Pamiers;SIAE-X',
      'PARTIEL TROIS;31000;Toulouse;ACI',
    ].join('\r\n');
    const before = await counts();
    // All or nothing stays the default, and skipInvalid=false says the same.
    for (const query of [{}, { skipInvalid: 'false' }] as Record<string, string>[]) {
      const refused = await send('commit', csv, query);
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error.code).toBe('import.blocked');
      expect(await counts()).toEqual(before);
    }

    const partial = await send('commit', csv, { skipInvalid: 'true', filename: 'adhérents 2024.csv' });
    expect(partial.statusCode, partial.body).toBe(201);
    const body = partial.json();
    expect(body).toMatchObject({
      created: 2,
      updated: 0,
      rejects: { lines: 1, filename: 'adh_rents_2024.rejets.csv' },
    });
    const after = await counts();
    expect(after?.e).toBe((before?.e ?? 0) + 2);
    // The CLI's format: the original cells unchanged (quoted as read), in the file's
    // separator, plus a French motif naming the column.
    const lines = body.rejects.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Nom;Code postal;Ville;Type;motif');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^PARTIEL DEUX;"09;100";Pamiers;SIAE-X;.*Type : .*SIAE-X/);

    // Nothing valid to import: refused as before, nothing written.
    const none = await send('commit', 'Nom;Code postal;Ville;Type\r\nRIEN;09000;Foix;SIAE-X\r\n', {
      skipInvalid: 'true',
    });
    expect(none.statusCode, none.body).toBe(422);
    expect(await counts()).toEqual(after);
  });

  it('refuses an unknown skipInvalid value by its field', async () => {
    const response = await send('commit', 'Nom\nA\n', { skipInvalid: 'oui' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('skipInvalid');
  });
});
