/**
 * A staff member keeps the registry: the data-quality screen lists the printed errors of
 * the seed, an import's dry run names the bad line and writes nothing, the corrected file
 * imports, and the new organisation is then found in the member list; a file with one bad
 * line imports its valid lines on request and offers the refused one to download. An
 * organisation created without a join date is a prospect, published once its membership
 * is recorded.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  type BrowserSession,
  field,
  type MaillageServer,
  type PageSession,
  reportFailure,
  SPEC_STAFF,
  signInThroughForm,
  step,
  testResultsDir,
  withServerAndBrowser,
} from './fixtures.ts';

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

withServerAndBrowser((startedServer, startedBrowser) => {
  server = startedServer;
  browser = startedBrowser;
});

const NAME = 'ATELIER DU BANC D ESSAI';
const PROSPECT = 'PROSPECT DU BANC D ESSAI';
// 14 digits whose Luhn key holds, and the same with the last digit changed.
const GOOD_SIRET = '73282932000074';
const BAD_SIRET = '73282932000075';

const PARTIAL_NAME = 'ATELIER DES LIGNES VALIDES';

const csv = (siret: string) =>
  `\uFEFFNom;SIRET;Code postal;Ville;Type\n${NAME};${siret};31000;TOULOUSE;ACI\n`;

describe('a staff member keeping the registry', () => {
  it('sees the printed errors, is stopped by a bad line, then imports the corrected file', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session: PageSession = await browser.newPage({ baseUrl: server.baseUrl });
    const { page } = session;
    onTestFailed(reportFailure(session, server, 'registry-staff'));
    const badFile = join(testResultsDir, 'import-bad.csv');
    const goodFile = join(testResultsDir, 'import-good.csv');
    const mixedFile = join(testResultsDir, 'import-mixed.csv');
    await mkdir(testResultsDir, { recursive: true });
    await writeFile(badFile, csv(BAD_SIRET));
    await writeFile(goodFile, csv(GOOD_SIRET));
    await writeFile(
      mixedFile,
      `Nom;SIRET;Code postal;Ville;Type\n${PARTIAL_NAME};;31000;TOULOUSE;EI\nLIGNE REFUSEE;${BAD_SIRET};31000;TOULOUSE;ACI\n`,
    );

    await step('sign in as staff', async () => {
      await page.goto('/connexion');
      await signInThroughForm(page, SPEC_STAFF);
    });

    await step('the quality screen lists the seed’s postcode 8200', async () => {
      await page.goto('/qualite');
      await page.getByRole('heading', { level: 1, name: 'Qualité des données' }).waitFor();
      await page
        .getByText(/code postal « 8200 »/)
        .first()
        .waitFor();
    });

    await step('the dry run of a file with a bad SIRET names its line and imports nothing', async () => {
      await page.goto('/adherents/import');
      await page.getByRole('heading', { level: 1, name: 'Importer des adhérents' }).waitFor();
      await page.locator('input[type=file]').setInputFiles(badFile);
      await page.getByRole('button', { name: 'Simuler l’import' }).click();
      const problems = page.getByRole('table').filter({ hasText: 'clé de contrôle' });
      await problems.waitFor();
      await problems
        .getByRole('row')
        .filter({ hasText: 'clé de contrôle' })
        .getByText('2', { exact: true })
        .waitFor();
    });

    const cookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);
    const search = async () => {
      const response = await fetch(
        `${server?.baseUrl}/api/members/organisations?q=${encodeURIComponent('banc d essai')}`,
        { headers: { cookie } },
      );
      return ((await response.json()) as { total: number }).total;
    };
    expect(await search(), 'nothing written by the dry run').toBe(0);

    await step('the corrected file imports', async () => {
      await page.locator('input[type=file]').setInputFiles(goodFile);
      await page.getByRole('button', { name: 'Simuler l’import' }).click();
      await page.getByText(/À créer : 1 · à mettre à jour : 0 · erreurs bloquantes : 0/).waitFor();
      await page.getByRole('button', { name: 'Importer', exact: true }).click();
      await page.getByText(/Import terminé : 1 établissement/).waitFor();
    });
    expect(await search()).toBe(1);

    await step('a file with one bad line: its valid line imports, the refused one downloads', async () => {
      await page.locator('input[type=file]').setInputFiles(mixedFile);
      await page.getByText(/À créer : 1 · à mettre à jour : 0 · erreurs bloquantes : 1/).waitFor();
      // All or nothing stays the default: the plain button is disabled.
      expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Importer les lignes valides' }).click();
      await page.getByText(/Import terminé : 1 établissement/).waitFor();
      await page
        .getByTestId('rejected-lines')
        .getByText(/1 ligne\(s\) refusée\(s\)/)
        .waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger les lignes refusées (CSV)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('import-mixed.rejets.csv');
      const path = await download.path();
      const lines = (await readFile(path, 'utf8'))
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Nom;SIRET;Code postal;Ville;Type;motif');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(
        new RegExp(`^LIGNE REFUSEE;${BAD_SIRET};31000;TOULOUSE;ACI;SIRET : .*clé de contrôle`),
      );
    });
    const partial = await fetch(
      `${server?.baseUrl}/api/members/organisations?q=${encodeURIComponent('lignes valides')}`,
      { headers: { cookie } },
    );
    expect(((await partial.json()) as { total: number }).total).toBe(1);

    await step('the new organisation is in the member list', async () => {
      await page.goto(`/adherents?q=${encodeURIComponent('banc d essai')}`);
      await page.getByRole('link', { name: NAME }).first().waitFor();
    });

    await step('dues and governance pages open for staff', async () => {
      await page.goto('/cotisations');
      await page.getByRole('heading', { level: 1, name: 'Cotisations' }).waitFor();
      await page.goto('/gouvernance');
      await page.getByRole('heading', { level: 1, name: 'Gouvernance' }).waitFor();
    });

    const inDirectory = async (name: string) => {
      const response = await fetch(`${server?.baseUrl}/api/public/structures?q=${encodeURIComponent(name)}`);
      return ((await response.json()) as { items: { name: string }[] }).items.some((i) => i.name === name);
    };
    await step('an organisation created without a join date is a prospect, not published', async () => {
      await page.goto('/adherents/nouveau');
      await page.getByText(/Laisser vide pour une organisation non adhérente/).waitFor();
      await field(page, "Nom de l'organisation").fill(PROSPECT);
      await field(page, 'Code postal').first().fill('31000');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForURL(/\/adherents\/[0-9a-f-]{36}$/);
      await page.getByText(/Non adhérent : aucune période d'adhésion/).waitFor();
    });
    expect(await inDirectory(PROSPECT), 'a prospect is not in the public directory').toBe(false);

    await step('recording its membership makes it a member', async () => {
      await page.getByRole('button', { name: "Enregistrer l'adhésion" }).click();
      const dialog = page.getByRole('dialog', { name: "Enregistrer l'adhésion" });
      await field(page, "Date d'adhésion").fill('2024-01-01');
      await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(/Non adhérent : aucune période d'adhésion/).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Ajouter une période' }).waitFor();
    });
    expect(await inDirectory(PROSPECT), 'a member is in the public directory').toBe(true);
  });
});
