import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, type TestApp } from '../../test/app.ts';
import { captureCli } from '../../test/cli.ts';
import { delegations } from '../delegations/delegations.table.ts';
import { reportCommand } from './report.cli.ts';

let t: TestApp;
let demoSlug: string;
const dir = mkdtempSync(join(tmpdir(), 'maillage-report-'));

const cli = (...argv: string[]) => captureCli((io) => reportCommand(t.database, argv, io));

beforeAll(async () => {
  const withDemo = await createTestApp({ demo: true });
  t = withDemo;
  const delegationId = withDemo.demoDelegationId;
  const [demo] = await t.database.db.select().from(delegations).where(eq(delegations.id, delegationId));
  if (!demo) throw new Error('no demo delegation');
  demoSlug = demo.slug;
  // A second delegation, created later: the default would be the demo, --delegation must be obeyed.
  await createDelegation(t.database, 'cli-rapport-vide');
}, 120_000);
afterAll(async () => t?.close());

describe('npx maillage report', () => {
  it('writes the annual report in the four formats', { timeout: 120_000 }, async () => {
    const files: Record<string, Buffer> = {};
    for (const format of ['html', 'pdf', 'docx', 'json']) {
      const out = join(dir, `rapport.${format}`);
      const run = await cli(
        'annual',
        '--year',
        '2024',
        '--format',
        format,
        '--out',
        out,
        '--delegation',
        demoSlug,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(out);
      files[format] = readFileSync(out);
    }
    expect(files.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(files.docx?.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(files.html?.toString('utf8')).toMatch(/<h1[\s>]/);
    const json = JSON.parse(files.json?.toString('utf8') ?? '');
    expect(json).toMatchObject({ year: 2024, scope: 'delegation', delegation: { slug: demoSlug } });
    expect(json.members.total).toBe(53);
  });

  it('follows --delegation and, without it, takes the default one', { timeout: 60_000 }, async () => {
    const other = join(dir, 'autre.json');
    expect(
      (
        await cli(
          'annual',
          '--year',
          '2024',
          '--format',
          'json',
          '--out',
          other,
          '--delegation',
          'cli-rapport-vide',
        )
      ).code,
    ).toBe(0);
    const empty = JSON.parse(readFileSync(other, 'utf8'));
    expect(empty.delegation.slug).toBe('cli-rapport-vide');
    expect(empty.members.total).toBe(0);
    const byDefault = join(dir, 'defaut.json');
    const { code } = await captureCli((io) =>
      reportCommand(
        t.database,
        ['annual', '--year', '2024', '--format', 'json', '--out', byDefault],
        io,
        'cli-rapport-vide',
      ),
    );
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(byDefault, 'utf8')).delegation.slug).toBe('cli-rapport-vide');
  });

  it('writes the national report', { timeout: 120_000 }, async () => {
    const out = join(dir, 'national.json');
    const run = await cli('national', '--year', '2024', '--format', 'json', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.scope).toBe('national');
    expect(json.members.total).toBeGreaterThanOrEqual(53);
  });

  it('names the missing or invalid option, in French, with exit code 2', async () => {
    const out = join(dir, 'x.pdf');
    const cases: [string[], RegExp][] = [
      [['annual', '--format', 'pdf', '--out', out], /--year .*obligatoire/],
      [['annual', '--year', 'deux-mille', '--format', 'pdf', '--out', out], /--year doit être une année/],
      [['annual', '--year', '1789', '--format', 'pdf', '--out', out], /--year doit être une année/],
      [['annual', '--year', '2024', '--out', out], /--format est obligatoire/],
      [
        ['annual', '--year', '2024', '--format', 'odt', '--out', out],
        /--format doit valoir html, pdf, docx ou json \(reçu : « odt »\)/,
      ],
      [['annual', '--year', '2024', '--format', 'pdf'], /--out .*obligatoire/],
      [
        ['annual', '--year', '2024', '--format', 'pdf', '--out', out, '--couleur'],
        /Option inconnue.*--couleur/,
      ],
      [['mensuel', '--year', '2024', '--format', 'pdf', '--out', out], /« annual » .* « national »/],
      [['national', '--year', '2024', '--format', 'pdf', '--out', out, '--delegation', 'x'], /--delegation/],
    ];
    for (const [argv, expected] of cases) {
      const run = await cli(...argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(expected);
      expect(run.stderr).toContain('Utilisation :');
    }
    const unknown = await cli(
      'annual',
      '--year',
      '2024',
      '--format',
      'json',
      '--out',
      out,
      '--delegation',
      'nulle-part',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Erreur : /);
    const unwritable = await cli(
      'annual',
      '--year',
      '2024',
      '--format',
      'json',
      '--out',
      join(dir, 'absent', 'x.json'),
      '--delegation',
      demoSlug,
    );
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('option --out');
  });
});
