/**
 * The activity report of issue 7 in the browser: staff opens the 2024 report built from the
 * demo data, reads its sections and figures, edits the priorities, then downloads the PDF
 * and the DOCX through the progress stream. The PDF is read back with `pdftotext`, the DOCX
 * with mammoth: both carry the sections, the figures and the edited text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  field,
  type MaillageServer,
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

const SECTIONS = [
  'Rapport moral de la présidence',
  'La délégation en bref',
  'Notre organisation',
  'Quelques chiffres clés',
  'Notre action 2024, mois par mois',
  'Nos adhérents',
  'Les perspectives pour 2025',
  'Merci à nos partenaires',
];
const PRIORITY = 'Ouvrir un groupe d’échange en Lozère (essai de bout en bout)';

/** Any run of spaces (no-break ones included) as one space, so layouts compare as text. */
const flat = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

/**
 * Clicks a download button, watching the page for the progress bar meanwhile (a quick
 * generation would be over before a poll could see it), and saves the file.
 */
async function downloadThroughProgress(page: Page, button: string, name: string) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const record = () => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}:${bar.getAttribute('aria-label')}`);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = join(testResultsDir, name);
  await download.saveAs(path);
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  expect(seen.length, 'the progress bar showed during the generation').toBeGreaterThan(0);
  expect(seen[0]).toMatch(/Génération du fichier/);
  await page
    .getByRole('status')
    .filter({ hasText: `Fichier ${download.suggestedFilename()} prêt.` })
    .waitFor();
  return { path, filename: download.suggestedFilename() };
}

describe('activity report', () => {
  it('staff reads the 2024 report, edits it and downloads its PDF and DOCX', {
    timeout: 300_000,
  }, async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    mkdirSync(testResultsDir, { recursive: true });
    const staff = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(staff, server, 'report-staff'));
    const { page } = staff;

    await step('staff opens the report of 2024 from the menu', async () => {
      await page.goto('/connexion');
      await signInThroughForm(page, SPEC_STAFF);
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: "Rapport d'activité", exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: "Rapport d'activité" }).waitFor({ timeout: 30_000 });
      await field(page, 'Année').selectOption('2024');
      const report = page.getByRole('article', { name: "Rapport d'activité 2024" });
      await report.waitFor({ timeout: 60_000 });
      for (const title of SECTIONS)
        await report.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
      await report.getByText('53 adhérents', { exact: false }).first().waitFor();
      await expect.poll(async () => flat((await report.textContent()) ?? '')).toMatch(/1 761 h/);
      await report.getByText('déclaré', { exact: true }).first().waitFor();
      await report.getByText('calculé', { exact: true }).first().waitFor();
      await report.getByRole('table', { name: 'Adhérents par type de structure' }).waitFor();
    });

    await step('staff adds a priority; the report shows it', async () => {
      const priorities = field(page, 'Perspectives pour l’année suivante');
      const before = await priorities.inputValue();
      await priorities.fill(`${before}\n- ${PRIORITY}`);
      await page.getByRole('button', { name: 'Enregistrer les textes' }).click();
      await page.getByRole('status').filter({ hasText: 'Textes enregistrés.' }).waitFor({ timeout: 30_000 });
      await page
        .getByRole('region', { name: 'Les perspectives pour 2025' })
        .getByText(PRIORITY)
        .waitFor({ timeout: 30_000 });
    });

    await step('the PDF carries the sections, the figures and the edited text', async () => {
      const { path, filename } = await downloadThroughProgress(page, 'Télécharger PDF', 'rapport-2024.pdf');
      expect(filename).toMatch(/\.pdf$/);
      const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
      for (const title of SECTIONS) expect(text).toContain(title);
      expect(text).toMatch(/\b53 adhérents\b/);
      expect(text).toMatch(/\b1 ?761 h\b/);
      const figures = text.slice(text.lastIndexOf('Quelques chiffres clés'));
      expect(figures).toMatch(/Rencontres des groupes d.échange de pratiques/);
      expect(figures).toMatch(/\b10\b/);
      expect(text).toContain(flat(PRIORITY));
    });

    await step('the DOCX opens with real headings', async () => {
      const { path } = await downloadThroughProgress(page, 'Télécharger DOCX', 'rapport-2024.docx');
      const { value: html } = await mammoth.convertToHtml({ path });
      const headings = [...html.matchAll(/<h1>(?:<a id="[^"]*"><\/a>)?([^<]*)<\/h1>/g)].map((m) =>
        (m[1] ?? '').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
      );
      expect(headings).toEqual(SECTIONS);
      expect(html).toContain(PRIORITY);
      expect((html.match(/<table>/g) ?? []).length).toBeGreaterThan(2);
    });

    await step('staff compares the key figures with another year', async () => {
      const compare = field(page, 'Année de comparaison');
      await compare.selectOption({ index: 1 });
      const other = await compare.inputValue();
      const table = page.getByRole('table', { name: `Chiffres clés ${other} et 2024` });
      await table.waitFor({ timeout: 30_000 });
      await table
        .getByRole('row', { name: /adhérents/i })
        .first()
        .waitFor();
    });

    await step(
      'staff freezes the report: its texts become read-only, only an admin may unfreeze',
      async () => {
        await page.getByRole('button', { name: 'Figer le rapport' }).click();
        await page
          .getByRole('dialog', { name: 'Figer le rapport 2024' })
          .getByRole('button', { name: 'Figer' })
          .click();
        await page
          .getByText('Le rapport est figé : ses textes ne peuvent plus être modifiés.')
          .waitFor({ timeout: 30_000 });
        await page
          .getByText(/^Figé le /)
          .first()
          .waitFor();
        expect(await page.getByRole('button', { name: 'Enregistrer les textes' }).isDisabled()).toBe(true);
        expect(await field(page, 'Perspectives pour l’année suivante').isDisabled()).toBe(true);
        expect(await page.getByRole('button', { name: 'Défiger' }).count()).toBe(0);
      },
    );

    expect(staff.problems(), 'browser errors').toEqual([]);
    await staff.close();
  });
});
