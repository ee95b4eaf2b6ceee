/**
 * A newcomer on the delegation's team signs in, creates an organisation with a mistyped
 * SIRET, reads the error, corrects it, and finds the organisation in the member list.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  escapeRegExp,
  field,
  launchBrowser,
  type MaillageServer,
  type PageSession,
  prepareSpecAccounts,
  reportFailure,
  SPEC_STAFF,
  startServer,
  step,
} from './fixtures.ts';

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  // Independent, so started side by side; the server's own 120 s budget stays within hookTimeout.
  const [started, launched] = await Promise.allSettled([
    startServer({ timeoutMs: 120_000 }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled') server = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
  await prepareSpecAccounts(started.value);
}, 180_000);

afterAll(async () => {
  await browser?.close().catch((error: unknown) => console.error('closing Chromium failed:', error));
  await server?.stop();
}, 30_000);

/**
 * The text shown "next to" a form control: what its aria-describedby points at, plus the
 * text of the largest ancestor that still holds no other form control (Mantine's
 * InputWrapper: label, input, description, error).
 */
async function textAroundField(control: Locator): Promise<string> {
  return control.evaluate((element) => {
    const parts: string[] = [];
    for (const id of (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
      parts.push(document.getElementById(id)?.textContent ?? '');
    }
    const controls = 'input, textarea, select, [role="checkbox"], [role="combobox"]';
    let wrapper: Element = element;
    while (
      wrapper.parentElement &&
      wrapper.parentElement !== document.body &&
      wrapper.parentElement.querySelectorAll(controls).length <= 1
    ) {
      wrapper = wrapper.parentElement;
    }
    parts.push(wrapper.textContent ?? '');
    return parts.join(' | ');
  });
}

describe('a newcomer on the team', () => {
  it('signs in as staff, creates an organisation with a wrong SIRET, reads the error, corrects it, and finds it in the list', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const { baseUrl } = server;
    const session: PageSession = await browser.newPage({ baseUrl });
    const { page } = session;

    onTestFailed(reportFailure(session, server, 'newcomer'));

    const stamp = Date.now();
    const name = `RESSOURCERIE ÉCOLOGIQUE TEST ${stamp}`;
    const search = `ecologique test ${stamp}`; // part of the name, lowercase, no accent
    const invalidSiret = '12345678901234'; // 14 digits, Luhn key wrong
    const validSiret = '44306184100047'; // 14 digits, Luhn key right

    await step('open / and land on the sign-in page', async () => {
      await page.goto('/');
      await page.waitForURL((url) => url.pathname !== '/');
      await field(page, 'E-mail').waitFor();
    });

    await step('sign in as the demo staff member', async () => {
      await field(page, 'E-mail').fill(SPEC_STAFF.email);
      await field(page, 'Mot de passe').fill(SPEC_STAFF.password);
      const signInUrl = page.url();
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.href !== signInUrl);
      // Signed in: the sign-in form is gone.
      await page.getByRole('button', { name: 'Se connecter' }).waitFor({ state: 'detached' });
    });

    await step('see the demo members in the list', async () => {
      await page.goto('/adherents');
      await page.getByText('CHORUS', { exact: true }).first().waitFor();
      await page
        .getByText(/\b\d+\s+(résultats?|organisations?)\b/i)
        .first()
        .waitFor();
    });

    const createUrl = await step('open the creation form', async () => {
      await page
        .getByRole('link', { name: 'Nouvelle organisation' })
        .or(page.getByRole('button', { name: 'Nouvelle organisation' }))
        .first()
        .click();
      await field(page, "Nom de l'organisation").waitFor();
      return page.url();
    });

    const nameInput = field(page, "Nom de l'organisation");
    const siretInput = field(page, 'SIRET');
    const aci = page.getByLabel(/^\s*ACI\b/).first();
    let hasAci = false;

    await step('fill the form with a wrong SIRET and save', async () => {
      await nameInput.fill(name);
      await siretInput.fill(invalidSiret);
      await field(page, 'Adresse').fill('12 rue des Récupérateurs');
      await field(page, 'Code postal').fill('31000');
      await field(page, 'Ville').fill('TOULOUSE');
      await field(page, 'Téléphone').fill('05.61.00.00.00');
      // A join date makes it a member (listed by default); left empty it would be a prospect.
      await field(page, "Date d'adhésion").fill('2024-01-01');
      // The type checkboxes come from the reference endpoint and appear a moment after the form:
      // wait for them (auto-waiting), and go on without if this form has none.
      hasAci = await aci.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (hasAci) await aci.check();
    });

    // The refusal comes back as a 422, which Chrome also logs as a console error: expected here.
    const stopIgnoring422 = session.ignore(/status of 422\b/);
    const siretError = /SIRET.*(invalide|clé)|(invalide|clé).*SIRET/i;

    await step('read the SIRET error next to the field, the other fields kept', async () => {
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText(siretError).first().waitFor();
      expect(await textAroundField(siretInput), 'error shown next to the SIRET field').toMatch(siretError);
      expect(page.url(), 'still on the creation form').toBe(createUrl);
      expect(await nameInput.inputValue()).toBe(name);
      expect(await field(page, 'Code postal').inputValue()).toBe('31000');
      expect(await field(page, 'Ville').inputValue()).toBe('TOULOUSE');
      expect(await siretInput.inputValue()).toBe(invalidSiret);
      if (hasAci) expect(await aci.isChecked(), 'ACI still checked').toBe(true);
    });
    stopIgnoring422();

    await step('correct the SIRET, save, and see the record', async () => {
      await siretInput.fill(validSiret);
      expect(await siretInput.inputValue()).toBe(validSiret);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForURL((url) => url.href !== createUrl);
      await page
        .getByRole('heading', { name: new RegExp(escapeRegExp(name)) })
        .or(page.getByText(name, { exact: true }))
        .first()
        .waitFor();
      await page.getByText('05 61 00 00 00').first().waitFor();
    });

    await step('find the organisation by searching for part of its name', async () => {
      await page.goto('/adherents');
      await page.getByText('CHORUS', { exact: true }).first().waitFor();
      await field(page, 'Rechercher').fill(search);
      await page.getByText(name, { exact: true }).first().waitFor();
      // The list is filtered, not merely showing everything.
      await page.getByText('CHORUS', { exact: true }).first().waitFor({ state: 'hidden' });
    });

    expect(session.problems(), 'console errors or page errors during the test').toEqual([]);
    await session.close();
  });
});
