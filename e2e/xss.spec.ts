/**
 * HTML typed into a form stays text: staff saves an action and an organisation whose
 * title, summary, name and description are markup that would run a script, then every
 * page that shows them (staff list and record, public agenda and directory) shows the
 * characters as typed, creates no element from them, runs nothing, and opens no dialog.
 * The CSP would block an inline script anyway: the test also fails on a CSP refusal in
 * the console, so escaping is checked on its own, not hidden behind the policy.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  field,
  type MaillageServer,
  type PageSession,
  reportFailure,
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

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const stamp = Date.now().toString(36);
const ACTION_TITLE = `Atelier ${stamp} ${IMG}`;
const ORGANISATION_NAME = `XSS ${stamp} ${IMG}`;

/** The page shows `text` literally, built no element from the markup, and ran nothing. */
async function expectInert(session: PageSession, dialogs: string[], text: string, where: string) {
  const { page } = session;
  await page.getByText(text, { exact: false }).first().waitFor();
  const injected = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll('img[src="x"], [onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }));
  expect(injected, where).toEqual({ flag: undefined, images: 0, scripts: 0 });
  expect(dialogs, where).toEqual([]);
  expect(
    session.problems().filter((p) => /Content Security Policy|Refused to execute/i.test(p)),
    where,
  ).toEqual([]);
}

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return dialogs;
}

describe('HTML typed into forms', () => {
  it('is shown as text on staff and public pages, and never runs', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    const { page } = session;
    onTestFailed(reportFailure(session, server, 'xss'));
    const dialogs = watchDialogs(page);

    await step('sign in as staff', async () => {
      await page.goto('/connexion');
      await signInThroughForm(page, SPEC_STAFF);
    });

    let actionUrl = '';
    await step('save a public action whose title and summary are markup', async () => {
      await page.goto('/actions/nouvelle');
      await field(page, 'Titre').fill(ACTION_TITLE);
      const kind = field(page, 'Type');
      const firstKind = await kind.locator('option').nth(1).getAttribute('value');
      await kind.selectOption(firstKind ?? '');
      await field(page, 'Résumé public').fill(`${SCRIPT} ${IMG}`);
      await field(page, 'Date de début').fill('2026-12-15');
      await page.getByLabel(/Publique : dans l'agenda/).check();
      await page
        .getByRole('button', { name: 'Enregistrer l’action' })
        .or(page.getByRole('button', { name: "Enregistrer l'action" }))
        .click();
      await page.waitForURL(/\/actions\/[0-9a-f-]{36}$/);
      actionUrl = new URL(page.url()).pathname;
    });

    await step('the action’s record shows the markup as text', async () => {
      await expectInert(session, dialogs, ACTION_TITLE, 'action record');
      await expectInert(session, dialogs, SCRIPT, 'action record, summary');
    });

    await step('the staff list of actions shows it as text', async () => {
      await page.goto('/actions?year=2026');
      await expectInert(session, dialogs, ACTION_TITLE, 'actions list');
    });

    await step('the public agenda shows it as text', async () => {
      await page.goto('/agenda?year=2026');
      await expectInert(session, dialogs, ACTION_TITLE, 'public agenda');
      await page.goto(actionUrl);
      await expectInert(session, dialogs, ACTION_TITLE, 'action record again');
    });

    let organisationUrl = '';
    await step('save an organisation whose name and description are markup', async () => {
      await page.goto('/adherents/nouveau');
      await field(page, "Nom de l'organisation").fill(ORGANISATION_NAME);
      await field(page, 'Description').fill(`${SCRIPT} ${IMG}`);
      await field(page, 'Code postal').first().fill('31000');
      await page.getByRole('checkbox', { name: 'ACI', exact: true }).check();
      // A member (join date given), so that the list and the public directory show it.
      await field(page, "Date d'adhésion").fill('2024-01-01');
      await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
      await page.waitForURL(/\/adherents\/[0-9a-f-]{36}$/);
      organisationUrl = new URL(page.url()).pathname;
    });

    await step('the organisation’s record and the member list show it as text', async () => {
      await expectInert(session, dialogs, ORGANISATION_NAME, 'organisation record');
      await page.goto(`/adherents?q=${encodeURIComponent(`XSS ${stamp}`)}`);
      await expectInert(session, dialogs, ORGANISATION_NAME, 'member list');
    });

    await step('the public directory shows it as text', async () => {
      await page.goto(`/annuaire?q=${encodeURIComponent(`XSS ${stamp}`)}`);
      await expectInert(session, dialogs, ORGANISATION_NAME, 'public directory');
      await page.goto(organisationUrl);
      await expectInert(session, dialogs, ORGANISATION_NAME, 'organisation record again');
    });

    expect(session.problems()).toEqual([]);
  }, 240_000);
});
