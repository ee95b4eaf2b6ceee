/**
 * The programmes of issue 6, from one end to the other in the browser: the team loads the
 * proposed self-assessment grid, the demo member user (CHORUS, an AI in Aveyron) fills it,
 * reads its scores per pillar and adds a step to its progress plan; the team records a buyer
 * and a need and sees CHORUS among the members to put forward, with its reasons; the team
 * adds a funder to the guide and finds it for a project.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID_NAME } from '../src/modules/quality-approaches/default-grid.ts';
import { scorePillars } from '../src/modules/quality-approaches/grid.rules.ts';
import {
  apiSignIn,
  type BrowserSession,
  field,
  type MaillageServer,
  reportFailure,
  SPEC_MEMBER,
  SPEC_STAFF,
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

interface Grid {
  id: string;
  name: string;
  pillars: {
    id: string;
    label: string;
    criteria: { id: string; label: string; levels: { level: number; label: string }[] }[];
  }[];
}

async function getJson<T>(url: string, cookie: string): Promise<T> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Opens a page of the main navigation by its link. */
async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: link, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
}

describe('programmes', () => {
  it('self-assessment, purchasing and funders work for a newcomer in the browser', {
    timeout: 300_000,
  }, async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const { baseUrl } = server;
    const staffCookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);

    const staff = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(staff, server, 'programmes-staff'));
    const { page } = staff;

    const grid = await step('the team loads the proposed self-assessment grid', async () => {
      await page.goto('/connexion');
      await signInThroughForm(page, SPEC_STAFF);
      await openFromMenu(page, 'Qualité et RSE', 'Démarches qualité et RSE');
      const gridsUrl = `${baseUrl}/api/quality-approaches/grids`;
      const count = (await getJson<Grid[]>(gridsUrl, staffCookie)).length;
      await page.getByRole('button', { name: 'Charger la grille proposée' }).click();
      await expect
        .poll(async () => (await getJson<Grid[]>(gridsUrl, staffCookie)).length, { timeout: 30_000 })
        .toBe(count + 1);
      await page.getByText(DEFAULT_GRID_NAME, { exact: true }).first().waitFor({ timeout: 30_000 });
      const grids = await getJson<Grid[]>(gridsUrl, staffCookie);
      const loaded = grids.filter((g) => g.name === DEFAULT_GRID_NAME).at(-1);
      if (!loaded) throw new Error('the proposed grid was not created');
      expect(loaded.pillars.length).toBeGreaterThan(0);
      return loaded;
    });

    // One level per criterion, varied so that the pillars do not all score the same.
    const answers: Record<string, number> = {};
    let index = 0;
    for (const pillar of grid.pillars)
      for (const criterion of pillar.criteria) {
        answers[criterion.id] = (index % criterion.levels.length) + 1;
        index += 1;
      }
    const expected = scorePillars(grid.pillars as Parameters<typeof scorePillars>[0], answers);

    const member = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(member, server, 'programmes-member'));
    const { page: memberPage } = member;
    const actionTitle = 'Rédiger une charte d’achats responsables';

    await step('the member user fills the grid and reads its scores per pillar', async () => {
      await memberPage.goto('/connexion');
      await signInThroughForm(memberPage, SPEC_MEMBER);
      await openFromMenu(memberPage, 'Auto-évaluation RSE', 'Auto-évaluation RSE');
      await field(memberPage, 'Grille').selectOption(grid.id, { timeout: 30_000 });
      await memberPage.getByRole('button', { name: 'Commencer une auto-évaluation' }).click();
      await memberPage
        .getByRole('heading', { name: /^Auto-évaluation en cours du / })
        .waitFor({ timeout: 30_000 });
      for (const pillar of grid.pillars)
        for (const criterion of pillar.criteria) {
          const level = criterion.levels.find((l) => l.level === answers[criterion.id]);
          if (!level) throw new Error(`no level ${answers[criterion.id]} in ${criterion.id}`);
          await memberPage
            .getByRole('radiogroup', { name: criterion.label, exact: true })
            .getByRole('radio', { name: `${level.level}. ${level.label}`, exact: true })
            .check();
        }
      await memberPage.getByRole('button', { name: 'Terminer et calculer les scores' }).click();
      const scores = memberPage
        .getByRole('region', { name: 'Scores par pilier et progression' })
        .getByRole('table', { name: new RegExp(`^Évaluation du .+ \\(${DEFAULT_GRID_NAME}\\)$`) });
      await scores.waitFor({ timeout: 30_000 });
      for (const pillar of grid.pillars) {
        const row = scores
          .getByRole('row')
          .filter({ has: memberPage.getByRole('rowheader', { name: pillar.label, exact: true }) });
        await expect
          .poll(async () => (await row.getByRole('cell').first().textContent())?.trim())
          .toBe(String(expected[pillar.id]));
        await row.getByText('Première évaluation', { exact: true }).waitFor();
      }
      await memberPage.getByRole('button', { name: 'Commencer une auto-évaluation' }).waitFor();
    });

    await step('the member user adds a step to its progress plan', async () => {
      const firstCriterion = grid.pillars[0]?.criteria[0];
      if (!firstCriterion) throw new Error('the grid has no criterion');
      await memberPage.getByRole('button', { name: 'Nouvelle action' }).click();
      const dialog = memberPage.getByRole('dialog', { name: 'Nouvelle action' });
      await dialog.waitFor();
      await field(memberPage, 'Action').fill(actionTitle);
      await field(memberPage, 'Critère concerné').selectOption(firstCriterion.id);
      await field(memberPage, 'Responsable').fill('Direction');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      const plan = memberPage.getByRole('table', { name: 'Plan de progrès' });
      const row = plan
        .getByRole('row')
        .filter({ has: memberPage.getByRole('rowheader', { name: actionTitle, exact: true }) });
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('cell', { name: firstCriterion.label, exact: true }).waitFor();
      await row.getByRole('cell', { name: 'Prévue', exact: true }).waitFor();
    });
    expect(member.problems(), 'browser errors on the member side').toEqual([]);
    await member.close();

    // CHORUS's activities (the demo registry does not list them): set through the API, as
    // the member or the team would on its record.
    const chorus = await getJson<{ items: { id: string; name: string }[] }>(
      `${baseUrl}/api/members/organisations?q=CHORUS`,
      staffCookie,
    );
    const chorusId = chorus.items.find((o) => o.name === 'CHORUS')?.id;
    if (!chorusId) throw new Error('CHORUS not found in the registry');
    const patched = await fetch(`${baseUrl}/api/members/organisations/${chorusId}`, {
      method: 'PATCH',
      headers: { cookie: staffCookie, 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify({ activities: ['Entretien des espaces verts', 'Nettoyage de locaux'] }),
    });
    expect(patched.status, await patched.clone().text()).toBe(200);

    const opportunityTitle = 'Entretien des espaces verts du collège de Decazeville';
    await step('the team records a buyer and a need, and sees CHORUS proposed with reasons', async () => {
      await openFromMenu(page, 'Achats inclusifs', 'Achats inclusifs');
      await page.getByRole('button', { name: 'Nouvel acheteur' }).click();
      const buyerDialog = page.getByRole('dialog', { name: 'Nouvel acheteur' });
      await buyerDialog.waitFor();
      await field(page, 'Acheteur').fill('Conseil départemental de l’Aveyron (essai)');
      await field(page, 'Secteur').selectOption({ label: 'Public' });
      await buyerDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await buyerDialog.waitFor({ state: 'hidden', timeout: 30_000 });

      const create = page.getByRole('button', { name: 'Nouvelle opportunité' });
      await expect.poll(() => create.isEnabled(), { timeout: 30_000 }).toBe(true);
      await create.click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle opportunité' });
      await dialog.waitFor();
      await field(page, 'Acheteur').selectOption({ label: 'Conseil départemental de l’Aveyron (essai)' });
      await field(page, 'Intitulé').fill(opportunityTitle);
      await field(page, 'Type').selectOption({ label: 'Marché réservé' });
      await field(page, 'Activités recherchées').fill('espaces verts');
      await field(page, 'Montant (€)').fill('25000');
      await field(page, 'Lieu').fill('Decazeville');
      await field(page, 'Département').fill('12');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

      await page.getByRole('link', { name: opportunityTitle, exact: true }).click();
      await page.waitForURL((url) => /^\/achats\/opportunites\/[0-9a-f-]{36}$/.test(url.pathname));
      await page.getByRole('heading', { level: 1, name: opportunityTitle }).waitFor({ timeout: 30_000 });
      const candidates = page.getByRole('region', { name: 'Adhérents à proposer' });
      const row = candidates
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'CHORUS', exact: true }) });
      await row.waitFor({ timeout: 30_000 });
      await row
        .getByRole('cell', {
          name: 'Activité commune : espaces verts ; Présent dans le département 12',
          exact: true,
        })
        .waitFor();
      // CHORUS shares the activity and the department: it comes first.
      await expect
        .poll(async () => (await candidates.getByRole('rowheader').first().textContent())?.trim())
        .toBe('CHORUS');
    });

    const funderName = 'Fondation pour l’insertion en Aveyron (essai)';
    await step('the team adds a funder to the guide', async () => {
      await openFromMenu(page, 'Guide des financeurs', 'Guide des financeurs');
      await page.getByRole('button', { name: 'Ajouter un financeur' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ajouter un financeur' });
      await dialog.waitFor();
      await field(page, 'Nom').fill(funderName);
      await field(page, 'Type de financeur').selectOption({ label: 'Fondation' });
      await field(page, 'Thèmes').fill('insertion');
      await field(page, 'Territoires').fill('12');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
      await page.getByRole('rowheader', { name: funderName }).waitFor({ timeout: 30_000 });
    });

    await step('and finds it for a project on insertion in Aveyron, with its reasons', async () => {
      await page.getByRole('link', { name: 'Trouver des financeurs pour un projet' }).click();
      await page.waitForURL((url) => url.pathname === '/financeurs/recherche');
      await page.getByRole('heading', { level: 1, name: 'Trouver des financeurs pour un projet' }).waitFor();
      await field(page, 'Thèmes du projet').fill('insertion');
      await field(page, 'Département du projet').fill('12');
      await page.getByRole('button', { name: 'Chercher' }).click();
      const results = page.getByRole('region', { name: /financeurs? correspond/ });
      await results.waitFor({ timeout: 30_000 });
      const card = results
        .locator('.mantine-Card-root')
        .filter({ has: page.getByRole('heading', { level: 3, name: funderName, exact: true }) });
      await card.waitFor();
      await card
        .getByRole('listitem')
        .filter({ hasText: /^Thème commun : insertion$/ })
        .waitFor();
      await card
        .getByRole('listitem')
        .filter({ hasText: /^Intervient dans ce département : Aveyron \(12\)$/ })
        .waitFor();
    });
    expect(staff.problems(), 'browser errors on the team side').toEqual([]);
    await staff.close();
  });
});
