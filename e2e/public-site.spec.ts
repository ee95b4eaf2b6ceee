/**
 * The public site, without signing in: the member directory by department with its map
 * and the map's text alternative, then the organisation page (board and staff), each
 * audited with axe-core (no serious or critical WCAG 2 A/AA violation), with no console error.
 */
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  type MaillageServer,
  type PageSession,
  reportFailure,
  seriousAxeViolations,
  step,
  withServerAndBrowser,
} from './fixtures.ts';

type Page = PageSession['page'];

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

withServerAndBrowser((startedServer, startedBrowser) => {
  server = startedServer;
  browser = startedBrowser;
});

/** The directory section of one department ("12. AVEYRON"). */
const departmentSection = (page: Page, heading: string) =>
  page
    .locator('section')
    .filter({ has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });

/** Waits for loaders and transitions to end, then expects no serious/critical axe violation. */
async function audit(page: Page, name: string) {
  await page.getByLabel('Chargement…').first().waitFor({ state: 'detached' });
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
  const failing = await seriousAxeViolations(page);
  expect(failing, `axe, ${name}: serious or critical violations\n${failing.join('\n')}`).toEqual([]);
}

describe('the public site, without signing in', () => {
  it('the directory: departments, map, filters, search, text alternative', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'public-directory'));
    const { page } = session;

    await step('open /annuaire: the departments as the report prints them', async () => {
      await page.goto('/annuaire');
      await page.getByRole('heading', { level: 1, name: 'Annuaire des adhérents' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '09. ARIÈGE' }).waitFor();
      await expect.poll(() => page.url()).toMatch(/\/annuaire$/);
      await departmentSection(page, '12. AVEYRON').getByRole('heading', { name: 'CHORUS' }).waitFor();
      // The public layout: the delegation's name and the way to sign in, no back-office navigation.
      await page.getByRole('link', { name: 'Se connecter' }).waitFor();
      expect(await page.getByText('Coorace Occitanie').first().isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);
    });

    await step('AILES is listed under Haute-Garonne and under Tarn', async () => {
      await departmentSection(page, '31. HAUTE-GARONNE').getByRole('heading', { name: 'AILES' }).waitFor();
      await departmentSection(page, '81. TARN').getByRole('heading', { name: 'AILES' }).waitFor();
    });

    await step('the text alternative gives Haute-Garonne with its count', async () => {
      const table = page.getByRole('table', { name: 'Adhérents par département' });
      const row = table.getByRole('row', { name: /Haute-Garonne/ });
      await expect.poll(() => row.getByRole('cell').textContent()).toBe('14');
      // The map says the same, on the department's own button.
      await page.getByRole('button', { name: 'Haute-Garonne : 14 adhérents' }).waitFor();
    });

    await step('audit the directory', () => audit(page, 'directory'));

    await step('filter by department with the select', async () => {
      await page.getByLabel('Département', { exact: true }).selectOption('12');
      await page.waitForURL(/department=12/);
      await page.getByRole('heading', { level: 2, name: '12. AVEYRON' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '09. ARIÈGE' }).waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 3, name: 'CHORUS' }).waitFor();
    });

    await step('click Tarn on the map: AILES appears (it is listed under 81 too)', async () => {
      const tarn = page.getByRole('button', { name: /^Tarn : \d+ adhérents?$/ });
      await tarn.click();
      await page.waitForURL(/department=81/);
      await page.getByRole('heading', { level: 2, name: '81. TARN' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'AILES' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'CHORUS' }).waitFor({ state: 'detached' });
      expect(await tarn.getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByLabel('Département', { exact: true }).inputValue()).toBe('81');
    });

    await step('the map works with the keyboard: Enter on Lot filters by 46', async () => {
      const lot = page.getByRole('button', { name: /^Lot : \d+ adhérents?$/ });
      await lot.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/department=46/);
      await page.getByRole('heading', { level: 2, name: '46. LOT' }).waitFor();
    });

    await step('search "ariege" (all departments) finds ARIEGE PROFESSION ANIMATION', async () => {
      await page.getByLabel('Département', { exact: true }).selectOption('');
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill('ariege');
      await page.waitForURL(/q=ariege/);
      await page.getByRole('heading', { level: 3, name: 'ARIEGE PROFESSION ANIMATION' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'CHORUS' }).waitFor({ state: 'detached' });
    });

    await step('the filters survive a reload', async () => {
      await page.reload();
      await page.getByRole('heading', { level: 3, name: 'ARIEGE PROFESSION ANIMATION' }).waitFor();
      expect(await page.getByRole('searchbox', { name: 'Rechercher' }).inputValue()).toBe('ariege');
    });

    await step('words across fields, "st" for "saint", a department number', async () => {
      const search = page.getByRole('searchbox', { name: 'Rechercher' });
      await search.fill('chorus decazeville');
      await page.waitForURL(/q=chorus/);
      await page.getByRole('heading', { level: 3, name: 'CHORUS' }).waitFor();
      await search.fill('st girons');
      await page.getByRole('heading', { level: 3, name: 'IRISSE' }).waitFor();
      await search.fill('12');
      await page.getByRole('heading', { level: 2, name: '12. AVEYRON' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '09. ARIÈGE' }).waitFor({ state: 'detached' });
    });

    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });

  it('the directory asks for one page at a time and pages through a federation', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'public-directory-pages'));
    const { page } = session;
    const asked: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/public/structures') asked.push(url);
    });
    // The demo fits one page: the first page's answer is given a federation's total.
    await page.route(/\/api\/public\/structures\?/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { total: number };
      await route.fulfill({ response, json: { ...body, total: 3_600 } });
    });

    await step('the first page, the map from the summary', async () => {
      await page.goto('/annuaire');
      await page.getByRole('heading', { level: 2, name: '09. ARIÈGE' }).waitFor();
      await page.getByRole('button', { name: 'Haute-Garonne : 14 adhérents' }).waitFor();
      await page
        .getByText('3600 établissements trouvés')
        .or(page.getByText('3 600 établissements trouvés'))
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Page 72' }).waitFor();
    });

    await step('page 2: in the URL, asked of the server', async () => {
      await page.getByRole('button', { name: 'Page 2', exact: true }).click();
      await page.waitForURL(/page=2/);
      await expect.poll(() => asked.some((url) => url.searchParams.get('page') === '2')).toBe(true);
      // Past the demo's 50 entries: nothing on page 2.
      await page.getByText('Aucun adhérent ne correspond à ces critères.').waitFor();
    });

    await step('a filter starts again from the first page', async () => {
      await page.getByLabel('Département', { exact: true }).selectOption('12');
      await page.waitForURL(
        (url) => url.searchParams.get('department') === '12' && !url.searchParams.has('page'),
      );
      await page.getByRole('heading', { level: 3, name: 'CHORUS' }).waitFor();
    });

    // Never the whole directory: every request names its page, 50 entries at most.
    expect(asked.length).toBeGreaterThan(0);
    for (const url of asked) {
      expect(url.searchParams.get('page'), url.search).toMatch(/^\d+$/);
      expect(url.searchParams.get('pageSize'), url.search).toBe('50');
    }
    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });

  it('the organisation page: board with roles, staff', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'public-organisation'));
    const { page } = session;

    await step('open /organisation from the directory', async () => {
      await page.goto('/annuaire');
      await page.getByRole('link', { name: "L'organisation" }).click();
      await page.getByRole('heading', { level: 1, name: "L'organisation" }).waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/organisation');
    });

    await step('the board: Sylvia RICCI, Présidence, CHORUS', async () => {
      const board = page.getByRole('table', { name: "Conseil d'administration" });
      const ricci = board.getByRole('row', { name: /Sylvia RICCI/ });
      await ricci.waitFor();
      const cells = await ricci.getByRole('cell').allTextContents();
      expect(cells.slice(0, 3)).toEqual(['Présidence', 'CHORUS', '12 — Aveyron']);
      expect(cells[3]).toBe('Conseil national');
      expect(await board.getByRole('row').count()).toBe(1 + 17);
      expect(await board.getByRole('cell', { name: 'Administrateur·rice' }).count()).toBe(12);
    });

    await step('the 5 staff with their missions', async () => {
      const staff = page.getByRole('table', { name: "L'équipe salariée" });
      expect(await staff.getByRole('row').count()).toBe(1 + 5);
      await staff.getByRole('row', { name: /Nicolas IMBERDIS secrétaire général/ }).waitFor();
    });

    await step('audit the organisation page', () => audit(page, 'organisation'));

    await step('the sign-in link leads to /connexion', async () => {
      await page.getByRole('link', { name: 'Se connecter' }).click();
      await page.waitForURL(/\/connexion/);
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    });

    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });

  it('the signed-in pages still send a visitor to the sign-in page', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'public-signed-in-redirect'));
    const { page } = session;
    await page.goto('/adherents');
    await page.waitForURL(/\/connexion/);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });
});
