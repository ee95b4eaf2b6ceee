/**
 * The observatory, from one end to the other: the team prepares and opens a campaign, the
 * demo member user (CHORUS, an AI) fills its form, meets a blocking error and a warning,
 * fixes the one and explains the other, submits; the team sees the answer on the
 * completeness board and its XLSX, validates it, and finds the figure in the dashboard
 * and its exports.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATORS } from '../src/modules/observatory/catalogue.default.ts';
import {
  apiSignIn,
  type BrowserSession,
  escapeRegExp,
  field,
  type MaillageServer,
  reportFailure,
  SPEC_MEMBER,
  SPEC_STAFF,
  seriousAxeViolations,
  signInThroughForm,
  step,
  withServerAndBrowser,
} from './fixtures.ts';

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

withServerAndBrowser((startedServer, startedBrowser) => {
  server = startedServer;
  browser = startedBrowser;
});

/** An ISO date `days` after today. */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How the form labels each input: "Chiffre d’affaires (€)" (labels.ts of the campaign pages). */
const UNITS: Record<string, string> = {
  count: 'nombre',
  hours: 'heures',
  euros: '€',
  percent: '%',
  etp: 'ETP',
};

interface BlankForm {
  indicators: { code: string; label: string; unit: string }[];
  previous: { year: number; values: Record<string, number> };
}

/**
 * Consistent figures of an AI (women + men = entries ≤ persons, profile counts ≤ entries,
 * exits by category = total), used when the organisation has no complete answer last year.
 */
const FALLBACK: Record<string, number> = {
  hoursPaid: 32_140,
  etpPathway: 20,
  clients: 310,
  persons: 120,
  entries: 60,
  entrantsWomen: 32,
  entrantsMen: 28,
  entrantsUnder26: 10,
  entrants26to49: 38,
  entrants50Plus: 12,
  entrantsRsa: 20,
  entrantsDeld: 25,
  entrantsDetld: 9,
  entrantsQpv: 6,
  entrantsRqth: 5,
  entrantsNoQualification: 30,
  staffHeadcount: 4,
  staffEtp: 3.5,
  revenue: 540_000,
  subsidies: 25_000,
  aideAuPoste: 30_000,
  payroll: 520_000,
  netResult: 12_000,
  exitsTotal: 58,
  exitsDurable: 15,
  exitsTransition: 18,
  exitsPositive: 7,
  exitsOther: 18,
};

/** The text of what describes an input for assistive technology: its description and its error. */
function describedText(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
}

/** Clicks a download link and returns the downloaded file's bytes. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()]);
  const failure = await file.failure();
  if (failure) throw new Error(`download of ${file.suggestedFilename()} failed: ${failure}`);
  return readFile(await file.path());
}

/** Every row of the first sheet, as the texts of its cells. */
async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

const withoutSpaces = (text: string | null) => (text ?? '').replace(/\s/g, '');
const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

describe('observatory', () => {
  it('a campaign is opened, a member submits its figures, the team validates them and sees them in the dashboards', {
    timeout: 300_000,
  }, async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const { baseUrl } = server;

    // A year no campaign of the demo uses yet (it holds 2024 and 2025).
    const staffCookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);
    const existing = (await (
      await fetch(`${baseUrl}/api/observatory/campaigns`, { headers: { cookie: staffCookie } })
    ).json()) as { items: { year: number }[] };
    let year = 2026;
    while (existing.items.some((c) => c.year === year)) year += 1;
    const title = `Observatoire ${year}`;

    const staff = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(staff, server, 'observatory-staff'));
    const campaignId = await step('the team creates the campaign and opens it to members', async () => {
      const { page } = staff;
      await page.goto('/connexion');
      await signInThroughForm(page, SPEC_STAFF);
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Campagnes de l’observatoire' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Campagnes de l’observatoire' }).waitFor();
      await page.getByRole('button', { name: 'Nouvelle campagne' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle campagne' });
      await field(page, 'Année des chiffres').fill(String(year));
      await field(page, 'Titre').fill(title);
      await field(page, 'Ouverture').fill(inDays(0));
      await field(page, 'Date limite').fill(inDays(30));
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL((url) => /^\/observatoire\/campagnes\/[0-9a-f-]{36}$/.test(url.pathname), {
        timeout: 30_000,
      });
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('En préparation', { exact: true }).waitFor();

      const catalogue = page.getByRole('region', { name: 'Catalogue d’indicateurs' });
      await catalogue.getByText(`${DEFAULT_INDICATORS.length} indicateurs`, { exact: true }).waitFor();
      for (const indicator of DEFAULT_INDICATORS) {
        await catalogue.getByRole('rowheader', { name: indicator.code, exact: true }).waitFor();
      }

      await page.getByRole('button', { name: 'Ouvrir aux adhérents' }).click();
      const confirm = page.getByRole('dialog', { name: 'Ouvrir aux adhérents' });
      await confirm.getByRole('button', { name: 'Confirmer' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page.getByText('Ouverte', { exact: true }).waitFor();
      await page.getByRole('region', { name: 'Réponses des adhérents' }).waitFor();
      return new URL(page.url()).pathname.split('/').pop() as string;
    });
    expect(staff.problems(), 'browser errors while preparing the campaign').toEqual([]);

    // What the form asks an AI, and last year's figures (the "change" rules compare with them).
    const memberCookie = await apiSignIn(server, SPEC_MEMBER.email, SPEC_MEMBER.password);
    const blank = (await (
      await fetch(`${baseUrl}/api/observatory/campaigns/${campaignId}/forms/AI`, {
        headers: { cookie: memberCookie },
      })
    ).json()) as BlankForm;
    const codes = blank.indicators.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['hoursPaid', 'etpPathway', 'revenue', 'exitsTotal']));
    const base = codes.every((code) => typeof blank.previous.values[code] === 'number')
      ? blank.previous.values
      : FALLBACK;
    const values: Record<string, number> = Object.fromEntries(codes.map((code) => [code, base[code] ?? 0]));
    // A figure of its own, so that the dashboard shows what was typed here and nothing else.
    values.revenue = Math.round((values.revenue || 500_000) * 1.03) + 7;
    const exitParts = ['exitsDurable', 'exitsTransition', 'exitsPositive', 'exitsOther'];
    const exitSum = exitParts.reduce((sum, code) => sum + (values[code] ?? 0), 0);
    values.exitsTotal = exitSum + 3; // the parts do not add up: a blocking error
    values.etpPathway = Math.round(((values.hoursPaid ?? 0) / 1607) * 2 * 10) / 10; // twice hours/1 607: a warning
    const labelOf = (code: string) => {
      const indicator = blank.indicators.find((i) => i.code === code);
      if (!indicator) throw new Error(`no indicator ${code} in the AI form`);
      return `${indicator.label} (${UNITS[indicator.unit] ?? indicator.unit})`;
    };

    const member = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(member, server, 'observatory-member'));
    const { page: memberPage } = member;
    const exitsInput = field(memberPage, labelOf('exitsTotal'));
    const etpInput = field(memberPage, labelOf('etpPathway'));

    await step('the member user opens the form of its AI under "Observatoire"', async () => {
      await memberPage.goto('/connexion');
      await signInThroughForm(memberPage, SPEC_MEMBER);
      await memberPage
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Observatoire', exact: true })
        .click();
      await memberPage.getByRole('heading', { level: 1, name: 'Observatoire : mes formulaires' }).waitFor();
      await memberPage
        .getByRole('region', { name: title })
        .getByRole('link', { name: 'Formulaire AI' })
        .click();
      await memberPage.waitForURL(
        (url) => url.pathname === `/observatoire/campagnes/${campaignId}/formulaire/AI`,
      );
      await memberPage.getByRole('heading', { level: 1, name: 'Observatoire · CHORUS · AI' }).waitFor();
    });

    await step('types figures and saves a draft: the exits error and the ETP warning show', async () => {
      for (const code of codes) {
        await field(memberPage, labelOf(code)).fill(String(values[code]).replace('.', ','));
      }
      await memberPage.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await memberPage.getByText('Brouillon enregistré.').waitFor({ timeout: 30_000 });
      await expect.poll(() => exitsInput.getAttribute('aria-invalid')).toBe('true');
      await expect
        .poll(() => describedText(exitsInput))
        .toMatch(/Sorties : somme par catégorie .+ ≠ total .+\./);
      await expect
        .poll(() => describedText(etpInput))
        .toMatch(/À vérifier : ETP des salariés en parcours : .+ ≠ .+ \/ 1\s607/);
      expect(await etpInput.getAttribute('aria-invalid')).not.toBe('true');
      expect(await seriousAxeViolations(memberPage), 'axe on the form page').toEqual([]);
    });

    await step('fixes the total, submits and confirms the warning with a comment', async () => {
      await exitsInput.fill(String(exitSum));
      await memberPage.getByRole('button', { name: 'Transmettre', exact: true }).click();
      const dialog = memberPage.getByRole('dialog', { name: 'Valeurs à confirmer' });
      await dialog.waitFor({ timeout: 30_000 });
      await field(memberPage, 'Commentaire : ETP des salariés en parcours').fill(
        'Beaucoup de contrats courts cette année : plus de personnes à temps partiel.',
      );
      // Other warnings (a figure far from last year's) would ask their own comment too.
      const comments = dialog.getByRole('textbox');
      for (let index = 0; index < (await comments.count()); index += 1) {
        const comment = comments.nth(index);
        if (!(await comment.inputValue())) await comment.fill('Chiffre vérifié dans nos comptes.');
      }
      expect(await seriousAxeViolations(memberPage), 'axe on the warnings dialog').toEqual([]);
      await dialog.getByRole('button', { name: 'Confirmer et transmettre' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      await memberPage.getByText('Transmis', { exact: true }).waitFor();
      await memberPage
        .getByText(new RegExp(`^Transmis le .+ par ${escapeRegExp(SPEC_MEMBER.name)}\\.$`))
        .waitFor();
    });
    expect(member.problems(), 'browser errors on the member side').toEqual([]);
    await member.close();

    const { page } = staff;
    await step('the completeness board shows CHORUS transmitted, and so does its XLSX', async () => {
      // As when the team comes back later: the board is read afresh each time it is shown.
      await page.goto('/observatoire/campagnes');
      await page.getByRole('heading', { level: 1, name: 'Campagnes de l’observatoire' }).waitFor();
      await page.getByRole('link', { name: String(year), exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/observatoire/campagnes/${campaignId}`);
      const board = page.getByRole('region', { name: 'Réponses des adhérents' });
      const row = board
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'CHORUS', exact: true }) })
        .filter({ has: page.getByRole('cell', { name: 'AI', exact: true }) });
      await row.getByText('Transmis', { exact: true }).waitFor({ timeout: 30_000 });
      await board.getByText('Transmis : 1', { exact: true }).waitFor();
      expect(await seriousAxeViolations(page), 'axe on the campaign page').toEqual([]);

      const rows = await sheetRows(
        await download(page, board.getByRole('link', { name: 'Exporter (XLSX)' })),
      );
      const chorus = rows.find((cells) => cells[0] === 'CHORUS' && cells[1] === 'AI');
      expect(chorus, 'CHORUS in the completeness XLSX').toBeDefined();
      expect(chorus?.[rows[0]?.indexOf('Statut') ?? -1]).toBe('transmis');
      await row.getByRole('link', { name: 'CHORUS', exact: true }).click();
    });

    await step('the team validates the form', async () => {
      await page.waitForURL((url) => /^\/observatoire\/formulaire\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByRole('heading', { level: 1, name: 'Observatoire · CHORUS · AI' }).waitFor();
      await page.getByRole('button', { name: 'Valider', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Valider' });
      await confirm.getByRole('button', { name: 'Confirmer' }).click();
      await confirm.waitFor({ state: 'hidden', timeout: 30_000 });
      await page.getByText(/^Validé le .+ par /).waitFor();
      await page.getByText('Validé', { exact: true }).waitFor();
    });

    await step(`the dashboard of ${year} shows the revenue typed by the member`, async () => {
      await page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Tableaux de bord de l’observatoire' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Observatoire : tableaux de bord' }).waitFor();
      await field(page, 'De').selectOption(String(year), { timeout: 30_000 });
      await field(page, 'À').selectOption(String(year));
      await page.waitForURL(
        (url) => url.searchParams.get('de') === String(year) && url.searchParams.get('a') === String(year),
      );
      const table = page
        .getByRole('region', { name: 'Chiffre d’affaires' })
        .getByRole('table', { name: 'Évolution : Chiffre d’affaires' });
      const line = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: String(year) }) });
      await line.waitFor({ timeout: 30_000 });
      await expect.poll(() => table.getByRole('row').count()).toBe(2); // the header and this year only
      await expect
        .poll(async () => withoutSpaces(await line.getByRole('cell').first().textContent()))
        .toBe(withoutSpaces(euros.format(values.revenue ?? 0)));
      await line.getByRole('cell', { name: 'calculé', exact: true }).waitFor();
    });

    await step('the exports of the observatory download with that figure', async () => {
      const exports = page.getByRole('region', { name: 'Exporter les données' });
      const csv = (await download(page, exports.getByRole('link', { name: 'Exporter (CSV)' }))).toString(
        'utf8',
      );
      const csvLine = csv
        .split(/\r?\n/)
        .map((line) => line.split(';'))
        .find((cells) => cells[0] === String(year) && cells[1] === 'AI' && cells[3] === 'revenue');
      expect(csvLine, `a ${year} revenue line of AI in the CSV`).toBeDefined();
      expect(withoutSpaces(csvLine?.[6] ?? '')).toBe(String(values.revenue));
      expect(csvLine?.[11]).toBe('non');

      const rows = await sheetRows(
        await download(page, exports.getByRole('link', { name: 'Exporter (XLSX)' })),
      );
      expect(rows[0]?.[0]).toBe('Année');
      const xlsxLine = rows.find(
        (cells) => cells[0] === String(year) && cells[1] === 'AI' && cells[3] === 'revenue',
      );
      expect(xlsxLine?.[6]).toBe(String(values.revenue));
    });
    expect(staff.problems(), 'browser errors on the team side').toEqual([]);
    await staff.close();

    await step('the validated figures are the member’s, through the API', async () => {
      const response = await fetch(`${baseUrl}/api/observatory/campaigns/${campaignId}/completeness`, {
        headers: { cookie: staffCookie },
      });
      const board = (await response.json()) as {
        items: { organisationName: string; conventionType: string; status: string }[];
      };
      expect(
        board.items.find((r) => r.organisationName === 'CHORUS' && r.conventionType === 'AI')?.status,
      ).toBe('validated');
    });
  });
});
