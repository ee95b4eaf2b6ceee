import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { loadDemo } from '../../db/seed/demo.ts';
import { createDelegation, createTestApp, type TestApp } from '../../test/app.ts';
import { captureCli } from '../../test/cli.ts';
import { importMembersCommand } from './import.cli.ts';

let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'maillage-import-'));

const cli = (...argv: string[]) => captureCli((io) => importMembersCommand(t.database, argv, io));
function file(name: string, content: string) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** One line per establishment: what the public directory shows of it. */
async function directory(delegationId: string) {
  return queryRows<Record<string, string | null>>(
    t.database.db,
    sql`select o.name, e.siret, e.address, e.postcode, e.city, e.department, e.phone, e.email, e.website,
          (select string_agg(c.type::text, '/' order by c.type) from conventions c where c.establishment_id = e.id) types
        from establishments e join organisations o on o.id = e.organisation_id
        where e.delegation_id = ${delegationId} order by o.name, e.postcode, e.siret, e.city`,
  );
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('npx maillage import members', () => {
  it('dry-runs, then imports, in French, with exit codes 1 then 0', async () => {
    const target = await createDelegation(t.database, 'cli-cible');
    const bad = file('bad.csv', 'Nom;SIRET\nALPHA;12345678901234\n');
    const refused = await cli('members', bad, '--delegation', 'cli-cible');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('ligne 2, colonne « SIRET » : Le SIRET est invalide');
    expect(refused.stdout).toContain('rien n’a été enregistré');

    const good = file('good.csv', 'Nom;Code postal;Type\nALPHA;09000;AI\nBETA;31000;ACI\n');
    const dry = await cli('members', good, '--dry-run', '--delegation', 'cli-cible');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Simulation : 2 établissement(s) à créer');
    expect(await directory(target.id)).toEqual([]);

    const done = await cli('members', good, '--json', '--delegation', 'cli-cible');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({
      dryRun: false,
      file: good,
      format: 'csv',
      encoding: 'utf-8',
      rows: 2,
      columns: [
        { header: 'Nom', field: 'name' },
        { header: 'Code postal', field: 'postcode' },
        { header: 'Type', field: 'types' },
      ],
      created: 2,
      updated: 0,
      problems: [],
    });
    expect((await directory(target.id)).map((r) => r.name)).toEqual(['ALPHA', 'BETA']);
  });

  it('exits with 2 on a file it cannot read, and --json prints only JSON', async () => {
    await createDelegation(t.database, 'cli-deux');
    const missing = await cli('members', join(dir, 'absent.csv'), '--delegation', 'cli-deux');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Impossible de lire/);
    const broken = file('broken.xlsx', 'PK\u0003\u0004 pas un classeur');
    const json = await cli('members', broken, '--json', '--delegation', 'cli-deux');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.code).toBe('import.xlsx_unreadable');
  });

  it('round-trips the demo directory: export as CSV, import into an empty delegation, same records', async () => {
    const { delegationId } = await loadDemo(t.database, t.auth);
    const source = await directory(delegationId);
    expect(source.length).toBeGreaterThan(40);
    const header = 'Nom;SIRET;Adresse;Code postal;Ville;Département;Téléphone;E-mail;Site web;Type';
    const quote = (v: string | null | undefined) =>
      v && /[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : (v ?? '');
    const csvOf = (rows: typeof source) =>
      [
        header,
        ...rows.map((r) =>
          [r.name, r.siret, r.address, r.postcode, r.city, r.department, r.phone, r.email, r.website, r.types]
            .map(quote)
            .join(';'),
        ),
      ].join('\r\n');
    const empty = await createDelegation(t.database, 'cli-vide');
    // The seed prints one postcode with four digits ("8200"): the import refuses it, by line.
    const first = await cli(
      'members',
      file('annuaire.csv', `\uFEFF${csvOf(source)}`),
      '--json',
      '--delegation',
      'cli-vide',
    );
    expect(first.code).toBe(1);
    const errors = JSON.parse(first.stdout).problems.filter(
      (p: { severity: string }) => p.severity === 'error',
    );
    const printed = source.findIndex((r) => r.postcode === '8200');
    expect(errors).toEqual([
      expect.objectContaining({ line: printed + 2, column: 'Code postal', code: 'members.postcode_format' }),
    ]);
    expect(await directory(empty.id)).toEqual([]);

    // The user empties that cell; everything else comes back as it was.
    const fixed = source.map((r) => (r.postcode === '8200' ? { ...r, postcode: null } : r));
    const second = await cli(
      'members',
      file('annuaire2.csv', `\uFEFF${csvOf(fixed)}`),
      '--delegation',
      'cli-vide',
    );
    expect(second.code, second.stdout).toBe(0);
    const compared = (rows: Record<string, string | null>[]) =>
      rows
        // The demo keeps phones as printed ("07.66.61.29.99"); an import writes them as the forms do.
        .map(({ name, types, postcode, city, phone, email }) => ({
          name,
          types,
          postcode,
          city,
          phone: phone?.replace(/\D/g, '') ?? null,
          email,
        }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(compared(await directory(empty.id))).toEqual(compared(fixed));
  });

  it('accounts for every column: tolerant headers, --map, ignored columns, no type column, unknown types', async () => {
    await createDelegation(t.database, 'cli-colonnes');
    const other = file(
      'autre-outil.csv',
      'Raison sociale;Type(s);Tél.;E-mail :;Chiffre d’affaires;Secteur\nALPHA;AI;05 61 00 00 00;a@b.fr;12;BTP\n',
    );
    const dry = await cli('members', other, '--dry-run', '--json', '--delegation', 'cli-colonnes');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).columns).toEqual([
      { header: 'Raison sociale', field: 'name' },
      { header: 'Type(s)', field: 'types' },
      { header: 'Tél.', field: 'phone' },
      { header: 'E-mail :', field: 'email' },
      { header: 'Chiffre d’affaires', field: null },
      { header: 'Secteur', field: null },
    ]);
    const text = await cli('members', other, '--dry-run', '--delegation', 'cli-colonnes');
    expect(text.stdout).toContain('« Type(s) » → Type de structure');
    expect(text.stdout).toContain('« Secteur » → ignorée');

    // --map reads a column the recognition does not know, and can ignore one.
    const mapped = await cli(
      'members',
      other,
      '--dry-run',
      '--json',
      '--delegation',
      'cli-colonnes',
      '--map',
      'Secteur=legalForm',
      '--map',
      'Tél.=',
    );
    const columns = JSON.parse(mapped.stdout).columns;
    expect(columns).toContainEqual({ header: 'Secteur', field: 'legalForm' });
    expect(columns).toContainEqual({ header: 'Tél.', field: null });
    const wrong = await cli(
      'members',
      other,
      '--dry-run',
      '--delegation',
      'cli-colonnes',
      '--map',
      'Absente=name',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Aucune colonne de ce nom dans le fichier : Absente');

    const untyped = file('sans-type.csv', 'Nom;Code postal\nALPHA;09000\n');
    const warned = await cli('members', untyped, '--dry-run', '--delegation', 'cli-colonnes');
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('les structures créées n’auront aucun conventionnement. (avertissement)');

    const unknown = file('type-inconnu.csv', 'Nom;Types\nALPHA;AI, SIAE-X\n');
    const refused = await cli('members', unknown, '--dry-run', '--delegation', 'cli-colonnes');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Type de structure inconnu : « SIAE-X »');
  });
});
