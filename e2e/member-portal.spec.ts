/**
 * The member portal: the demo member user (bound to CHORUS) signs in, lands on their
 * organisation's page, edits its public website and finds the change in the page's history
 * under their name; they cannot rename the organisation, cannot browse the member list, and
 * cannot open another organisation's page by its address. The team's internal note on the
 * organisation appears nowhere on their page.
 */
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  type BrowserSession,
  escapeRegExp,
  field,
  type MaillageServer,
  type PageSession,
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

interface Me {
  role: string;
  organisationId: string | null;
  user: { name: string };
}
interface OrganisationRecord {
  id: string;
  name: string;
  website: string | null;
  editable: string;
}

async function getJson<T>(url: string, cookie?: string): Promise<T> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a member user on the portal', () => {
  it('edits the public website of their organisation, and sees nothing of the others', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const { baseUrl } = server;
    const session: PageSession = await browser.newPage({ baseUrl });
    const { page } = session;
    onTestFailed(reportFailure(session, server, 'member-portal'));

    // What the test needs to know, asked from the API (the browser session is separate).
    const memberCookie = await apiSignIn(server, SPEC_MEMBER.email, SPEC_MEMBER.password);
    const me = await getJson<Me>(`${baseUrl}/api/me`, memberCookie);
    expect(me.role).toBe('member');
    const ownId = me.organisationId;
    if (!ownId) throw new Error('the demo member user is bound to no organisation');
    const own = await getJson<OrganisationRecord>(
      `${baseUrl}/api/members/organisations/${ownId}`,
      memberCookie,
    );
    expect(own.name).toBe(SPEC_MEMBER.organisationName);
    const publicSearch = await getJson<{ items: { organisationId: string; name: string; city: string }[] }>(
      `${baseUrl}/api/public/structures?q=casta`,
    );
    const other = publicSearch.items[0];
    if (!other) throw new Error('the public directory has no structure matching "casta"');
    expect(other.organisationId).not.toBe(ownId);

    const typedWebsite = 'www.chorus12.fr';
    const normalisedWebsite = 'https://www.chorus12.fr';
    expect(own.website, 'the demo data already holds the website this test sets').not.toBe(normalisedWebsite);

    // The team writes an internal note ("Visible de l'équipe de la délégation seulement").
    const internalNote = 'Retard de cotisation, relance prévue en mars';
    const staffCookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);
    const noted = await fetch(`${baseUrl}/api/members/organisations/${ownId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie: staffCookie },
      body: JSON.stringify({ note: internalNote }),
    });
    expect(noted.status, await noted.clone().text()).toBe(200);

    await step('sign in and land on the own organisation', async () => {
      await page.goto('/');
      await page.waitForURL((url) => url.pathname.startsWith('/connexion'));
      await signInThroughForm(page, SPEC_MEMBER);
      await page.waitForURL((url) => url.pathname === `/adherents/${ownId}`);
      await page
        .getByRole('heading', { level: 1, name: SPEC_MEMBER.organisationName, exact: true })
        .waitFor();
      // The portal says what a member may change.
      await page.getByText(/informations publiques de votre organisation/).waitFor();
    });

    const identity = page.getByRole('region', { name: 'Identité', exact: true });
    const dialog = page.getByRole('dialog', { name: "Modifier l'identité" });

    await step('the page shows nothing of the internal note, not even an empty block', async () => {
      await identity
        .getByText(/Description/)
        .first()
        .waitFor();
      // textContent: the note must not be in the page at all, hidden or not (history included).
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain(internalNote);
      expect(main).not.toContain('Note interne');
    });

    await step('open the identity form: no field renames the organisation', async () => {
      await identity.getByRole('button', { name: "Modifier l'identité" }).click();
      await field(page, "Site web de l'organisation").waitFor();
      const nameInputs = dialog.getByLabel(/Nom de l['’]organisation/);
      const count = await nameInputs.count();
      for (let i = 0; i < count; i++) {
        expect(await nameInputs.nth(i).isDisabled(), 'a name input, if any, is disabled').toBe(true);
      }
      // Nor may the member change the identity fields kept for the delegation.
      for (const label of ['SIREN', 'Forme juridique', 'Note interne']) {
        const input = dialog.getByLabel(new RegExp(`^\\s*${escapeRegExp(label)}`));
        const found = await input.count();
        for (let i = 0; i < found; i++) expect(await input.nth(i).isDisabled(), label).toBe(true);
      }
    });

    await step('type the website without its scheme and save', async () => {
      await field(page, "Site web de l'organisation").fill(typedWebsite);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden' });
    });

    await step('see the website normalised as https://…, as a link', async () => {
      const link = identity.getByRole('link', { name: normalisedWebsite, exact: true });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(normalisedWebsite);
      // The organisation kept its name.
      await page
        .getByRole('heading', { level: 1, name: SPEC_MEMBER.organisationName, exact: true })
        .waitFor();
    });

    await step('find the change in the history, attributed to the member user', async () => {
      const history = page.getByRole('region', { name: 'Historique des modifications' });
      const entry = history
        .getByRole('listitem')
        .filter({ hasText: /^Modification · Organisation/ })
        .filter({
          hasText: new RegExp(
            `Site web\\s*:\\s*${escapeRegExp(own.website ?? '(vide)')}\\s*→\\s*${escapeRegExp(normalisedWebsite)}`,
          ),
        });
      await entry.first().waitFor();
      expect(await entry.count(), 'exactly one history entry for this change').toBe(1);
      // Named as the author was then, with the role it had then.
      await entry.getByText(new RegExp(`\\bpar ${escapeRegExp(SPEC_MEMBER.name)} \\(Adhérent\\)$`)).waitFor();
    });

    await step('the server stored the website and refuses a rename from the member', async () => {
      const stored = await getJson<OrganisationRecord>(
        `${baseUrl}/api/members/organisations/${ownId}`,
        memberCookie,
      );
      expect(stored.website).toBe(normalisedWebsite);
      const rename = await fetch(`${baseUrl}/api/members/organisations/${ownId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', origin: baseUrl, cookie: memberCookie },
        body: JSON.stringify({ name: 'CHORUS RENOMMÉE' }),
      });
      expect(rename.status, await rename.clone().text()).toBeGreaterThanOrEqual(400);
      expect(rename.status).toBeLessThan(500);
      const after = await getJson<OrganisationRecord>(
        `${baseUrl}/api/members/organisations/${ownId}`,
        memberCookie,
      );
      expect(after.name).toBe(SPEC_MEMBER.organisationName);
    });

    await step('/adherents says "not authorised" instead of the list', async () => {
      await page.goto('/adherents');
      await page.getByText('Accès non autorisé', { exact: true }).waitFor();
      await page.getByText('Votre rôle ne donne pas accès à cette page.').waitFor();
      expect(await page.getByRole('table').count(), 'no member table').toBe(0);
      expect(await page.getByRole('heading', { name: 'Adhérents', exact: true }).count()).toBe(0);
      expect(await page.getByText(other.name, { exact: true }).count()).toBe(0);
      // The navigation offers no member list either.
      const nav = page.getByRole('navigation', { name: 'Navigation principale' });
      await nav.getByRole('link', { name: 'Mon organisation' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Adhérents' }).count()).toBe(0);
    });

    // The record of another organisation is answered 404 by the API, which Chrome logs as
    // "Failed to load resource: the server responded with a status of 404 (Not Found)".
    const stopIgnoring404 = session.ignore(/status of 404\b/);
    await step("another organisation's address shows a not-found message, not its data", async () => {
      const recordResponse = page.waitForResponse(
        (response) =>
          new URL(response.url()).pathname === `/api/members/organisations/${other.organisationId}`,
      );
      await page.goto(`/adherents/${other.organisationId}`);
      expect((await recordResponse).status()).toBe(404);
      await page.getByText(/n['’]existe pas ou vous n['’]y avez pas accès/).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).count(), 'no organisation heading').toBe(0);
      // textContent, not innerText: the data must not be in the page at all, hidden or not.
      const main = ((await page.locator('main').textContent()) ?? '').toUpperCase();
      expect(main).not.toContain(other.name.toUpperCase());
      expect(main).not.toContain(other.city.toUpperCase());
      expect(await page.getByRole('region', { name: 'Identité' }).count()).toBe(0);
    });
    stopIgnoring404();

    expect(session.problems(), 'console errors or page errors during the test').toEqual([]);
    await session.close();
  });
});
