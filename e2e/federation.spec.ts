/**
 * The national team on Maillage (decision 020): the demo's federation account signs in and
 * lands on the list of delegations with their key figures; it creates a delegation and
 * invites its administrator; it reads the national directory, observatory and report; a
 * delegation's page leads it back to its own. axe checks every page.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  DEMO_FEDERATION,
  field,
  type MaillageServer,
  reportFailure,
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

describe('the federation', () => {
  it('lists the delegations, creates one, and reads the national pages', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'federation'));
    const { page } = session;
    const slug = `fed-${randomBytes(3).toString('hex')}`;
    const name = `Coorace Essai ${slug}`;
    const audit = async () => expect(await seriousAxeViolations(page)).toEqual([]);

    await step('signs in and lands on the list of delegations', async () => {
      await page.goto('/connexion');
      await signInThroughForm(page, DEMO_FEDERATION);
      await page.waitForURL((url) => url.pathname === '/federation');
      await page.getByRole('heading', { name: 'Les délégations' }).waitFor();
      const table = page.getByRole('table', { name: /Délégations et chiffres clés de \d{4}/ });
      const demo = table.getByRole('row').filter({ hasText: 'Coorace Occitanie' });
      await demo.waitFor();
      expect(await demo.getByRole('cell').first().textContent()).toMatch(/\d+/);
      expect(await page.getByText('Fédération — équipe nationale').first().isVisible()).toBe(true);
      await audit();
    });

    await step("a delegation's page leads back to the federation's", async () => {
      await page.goto('/adherents');
      await page.waitForURL((url) => url.pathname === '/federation');
      await page.getByRole('heading', { name: 'Les délégations' }).waitFor();
    });

    await step('creates a delegation and invites its administrator', async () => {
      await page.getByRole('link', { name: 'Créer une délégation' }).click();
      await page.getByRole('heading', { name: 'Nouvelle délégation' }).waitFor();
      await audit();
      await field(page, 'Nom de la délégation').fill(name);
      await field(page, 'Identifiant').fill(slug);
      await field(page, 'Région').fill('Bretagne');
      await field(page, 'Départements couverts').fill('22, 29');
      await field(page, "Adresse e-mail de l'administrateur").fill(`admin-${slug}@example.org`);
      await page.getByRole('button', { name: 'Créer et inviter' }).click();
      await page
        .getByText(`Délégation « ${name} » créée. Invitation envoyée à admin-${slug}@example.org.`)
        .waitFor();
      await audit();
    });

    await step('the new delegation is in the list, empty', async () => {
      await page.getByRole('navigation').getByRole('link', { name: 'Délégations' }).click();
      const row = page.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      expect(await row.getByRole('cell').first().textContent()).toMatch(/^0/);
    });

    await step('reads the national directory', async () => {
      // By address: a navigation link just clicked would be audited in its hover state.
      await page.goto('/federation/annuaire');
      await page.getByRole('heading', { name: 'Annuaire national' }).waitFor();
      await page.getByRole('table', { name: /structure\(s\)/ }).waitFor();
      expect(await page.getByRole('cell', { name: 'Coorace Occitanie' }).count()).toBeGreaterThan(0);
      await audit();
    });

    await step('reads the national observatory', async () => {
      await page.goto('/federation/observatoire');
      await page.getByRole('heading', { name: 'Observatoire national' }).waitFor();
      await page.getByText(/additionné sur les \d+ délégations/).waitFor();
      await audit();
    });

    await step('reads the national report', async () => {
      await page.goto('/federation/rapport');
      await page.getByRole('heading', { name: "Rapport d'activité national" }).waitFor();
      await page.getByRole('table', { name: 'Par délégation' }).waitFor();
      expect(await page.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(
        /^\/api\/federation\/reports\/\d{4}\/download\?format=pdf$/,
      );
      await audit();
    });
  }, 120_000);
});
