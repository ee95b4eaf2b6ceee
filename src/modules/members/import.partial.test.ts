// Partial import on request (--skip-invalid): the valid lines in one transaction, the refused
// ones in a rejects file with a French reason. Proven on the national SIAE list
// (../shared/data/siae, read where it lives, see its PROVENANCE.md).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createDelegation, createTestApp, type TestApp } from '../../test/app.ts';
import { captureCli } from '../../test/cli.ts';
import { importMembersCommand } from './import.cli.ts';

const nationalList = fileURLToPath(
  new URL('../../../../shared/data/siae/2019_07_liste_siae_redacted.csv', import.meta.url),
);
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'maillage-partial-'));

const cli = (...argv: string[]) => captureCli((io) => importMembersCommand(t.database, argv, io));
const count = async (delegationId: string) =>
  Number(
    (
      await queryRows<{ n: string }>(
        t.database.db,
        sql`select count(*) n from establishments where delegation_id = ${delegationId}`,
      )
    )[0]?.n,
  );
/** A `;` CSV as rows of cells (no quoted separators in these files). */
const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(';'));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('import members --skip-invalid', () => {
  it('imports the valid lines, writes the refused ones unchanged with a motif, maps a status column', async () => {
    const target = await createDelegation(t.database, 'partiel');
    const source = [
      'Nom;SIRET;Code postal;Type;Statut;Date de départ',
      'ALPHA;;09000;AI;Adhérent;',
      'BETA;12345678901234;31000;ACI;Adhérent;',
      'GAMMA;;31000;ACI;Anciens membres;31/12/2023',
      'DELTA;;31000;SIAE-X;Prospect;',
      'EPSILON;;31000;EI;Prospect;',
    ].join('\n');
    const file = join(dir, 'partiel.csv');
    writeFileSync(file, source);

    const all = await cli('members', file, '--delegation', 'partiel');
    expect(all.code).toBe(1);
    expect(await count(target.id)).toBe(0);

    const rejects = join(dir, 'refus.csv');
    const partial = await cli(
      'members',
      file,
      '--delegation',
      'partiel',
      '--skip-invalid',
      '--rejects',
      rejects,
      '--json',
    );
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout)).toMatchObject({ created: 3, rejected: 2, rejectsFile: rejects });
    expect(await count(target.id)).toBe(3);
    const refused = rowsOf(readFileSync(rejects, 'utf8'));
    expect(refused[0]).toEqual(['Nom', 'SIRET', 'Code postal', 'Type', 'Statut', 'Date de départ', 'motif']);
    expect(refused.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['BETA', '12345678901234', '31000', 'ACI', 'Adhérent', ''],
      ['DELTA', '', '31000', 'SIAE-X', 'Prospect', ''],
    ]);
    expect(refused[1]?.[6]).toMatch(/^SIRET : Le SIRET est invalide/);
    expect(refused[2]?.[6]).toContain('Type de structure inconnu : « SIAE-X »');

    const status = await queryRows<{ name: string; periods: string; left: string | null }>(
      t.database.db,
      sql`select o.name, count(m.id)::text periods, max(m.left_on)::text "left" from organisations o
          left join membership_periods m on m.organisation_id = o.id
          where o.delegation_id = ${target.id} group by o.name order by o.name`,
    );
    // ALPHA a member, GAMMA a former member (left 31/12/2023), EPSILON a prospect (no period).
    expect(status).toEqual([
      { name: 'ALPHA', periods: '1', left: null },
      { name: 'EPSILON', periods: '0', left: null },
      { name: 'GAMMA', periods: '1', left: '2023-12-31' },
    ]);
  });

  it('attaches a SIRET to a registered organisation without one, matched by name, once confirmed', async () => {
    const target = await createDelegation(t.database, 'rattachement');
    const first = join(dir, 'sans-siret.csv');
    writeFileSync(first, 'Nom;Code postal;Type\nZETA SERVICES;31000;AI\n');
    expect((await cli('members', first, '--delegation', 'rattachement')).code).toBe(0);
    const second = join(dir, 'avec-siret.csv');
    writeFileSync(second, 'Nom;SIRET;Code postal;Type\nZeta Services;73282932000074;31000;AI\n');

    const asked = await cli('members', second, '--delegation', 'rattachement');
    expect(asked.code).toBe(1);
    expect(asked.stdout).toContain('pour lui rattacher ce SIRET, confirmez (--attach-siret)');

    const confirmed = await cli(
      'members',
      second,
      '--delegation',
      'rattachement',
      '--attach-siret',
      '--json',
    );
    expect(confirmed.code, confirmed.stdout).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ created: 0, updated: 1 });
    const rows = await queryRows<{ name: string; siren: string | null; siret: string | null }>(
      t.database.db,
      sql`select o.name, o.siren, e.siret from organisations o join establishments e on e.organisation_id = o.id
          where o.delegation_id = ${target.id}`,
    );
    expect(rows).toEqual([{ name: 'ZETA SERVICES', siren: '732829320', siret: '73282932000074' }]);
  });

  it('imports the national SIAE list with --skip-invalid: no line refused, each doubt a warning', async () => {
    const target = await createDelegation(t.database, 'national');
    const rejects = join(dir, 'siae-refus.csv');
    const run = await cli(
      'members',
      nationalList,
      '--delegation',
      'national',
      '--skip-invalid',
      '--rejects',
      rejects,
      '--json',
    );
    expect(run.code, run.stdout.slice(0, 2000)).toBe(0);
    const body = JSON.parse(run.stdout);
    const byCode = (severity: string) => {
      const counts: Record<string, number> = {};
      for (const p of body.problems.filter((x: { severity: string }) => x.severity === severity))
        counts[p.code] = (counts[p.code] ?? 0) + 1;
      return counts;
    };
    console.info(
      `Liste nationale : ${body.rows} lignes, ${body.created} établissements créés, ${body.rejected ?? 0} refusées`,
      byCode('warning'),
    );
    // No line is refused any more: each kind of line once refused is now read, with a warning
    // a person can check: a SIRET listed under several types (one establishment, types joined),
    // an address outside the convention's department (the address wins, 63 lines: 08000
    // Charleville listed under Aisne…), CEDEX codes of the department given (59815 Lesquin…).
    expect(byCode('error')).toEqual({});
    expect(byCode('warning')).toEqual({
      'import.siret_repeated': expect.any(Number),
      'import.postcode_other_department': 63,
      'import.postcode_cedex': 3,
    });
    // One establishment per distinct SIRET (3,637 in the file, PROVENANCE.md).
    expect(body.created).toBe(3637);
    expect(await count(target.id)).toBe(3637);
  }, 120_000);
});
