/**
 * Automated accessibility checks (axe-core, WCAG 2.0/2.1 level A and AA rules) of the main
 * screens: the sign-in page, then as the demo staff member the member list, an
 * organisation's page, the create form and the governance page. A violation of impact
 * `serious` or `critical` fails the test; lesser ones are printed.
 *
 * axe is injected with `page.evaluate(<source as a string>)`: the app's Content-Security-Policy
 * (`script-src 'self'`) blocks `page.addScriptTag({ content })`, but code evaluated through the
 * DevTools protocol is not subject to it, and axe itself needs no eval.
 */
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  withServerAndBrowser,
} from './fixtures.ts';

type Page = PageSession['page'];

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

withServerAndBrowser((startedServer, startedBrowser) => {
  server = startedServer;
  browser = startedBrowser;
});

/** One violation as reported (what the web owner needs to find and fix it). */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; text: string; html: string; summary: string }[];
  nodeCount: number;
}

const FAILING_IMPACTS = new Set(['serious', 'critical']);
const TARGETS_SHOWN = 5;

/** Injects axe into the page (once per document) despite the CSP; see the header comment. */
async function injectAxe(page: Page): Promise<void> {
  const present = await page.evaluate(
    'typeof window.axe === "object" && typeof window.axe.run === "function"',
  );
  if (present) return;
  // A string is evaluated as an expression; "; 0" avoids returning (and serialising) axe itself.
  await page.evaluate(`${axe.source}; 0`);
  const version = await page.evaluate('window.axe && window.axe.version');
  if (version !== axe.version) throw new Error(`axe was not injected (window.axe.version = ${version})`);
}

/** Runs axe on the whole document with the WCAG 2 A and AA rules; returns the violations. */
async function runAxe(page: Page): Promise<Violation[]> {
  await injectAxe(page);
  return page.evaluate(async (shown) => {
    const { axe: runner } = window as unknown as { axe: typeof import('axe-core') };
    const results = await runner.run(document, {
      runOnly: ['wcag2a', 'wcag2aa'],
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodeCount: violation.nodes.length,
      nodes: violation.nodes.slice(0, shown).map((node) => {
        const selector = node.target.map(String).join(' >>> ');
        // The element's own text says which one it is better than a generated class name.
        const element = typeof node.target[0] === 'string' ? document.querySelector(node.target[0]) : null;
        const text = (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return {
          target: selector,
          text: text.length > 80 ? `${text.slice(0, 80)}…` : text,
          html: node.html.length > 160 ? `${node.html.slice(0, 160)}…` : node.html,
          summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        };
      }),
    }));
  }, TARGETS_SHOWN);
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) =>
      [
        `- ${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map(
          (n) => `    at ${n.target}${n.text ? ` ("${n.text}")` : ''}\n       ${n.html}\n       ${n.summary}`,
        ),
        ...(v.nodeCount > v.nodes.length ? [`    … and ${v.nodeCount - v.nodes.length} more`] : []),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Waits until the page has settled: no loader, no running animation or transition (a
 * half-faded element would give wrong contrast results), fonts loaded.
 */
async function settle(page: Page): Promise<void> {
  await page.getByLabel('Chargement…').first().waitFor({ state: 'detached' });
  await page.locator('.mantine-LoadingOverlay-root').first().waitFor({ state: 'hidden' });
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
}

/** Audits the current page; fails on serious/critical violations, prints the others. */
async function audit(page: Page, name: string): Promise<void> {
  await settle(page);
  const violations = await runAxe(page);
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const lesser = violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''));
  if (lesser.length) {
    console.warn(`axe, ${name} (${page.url()}): violations of lesser impact\n${describeViolations(lesser)}`);
  }
  // The message carries the details; comparing the ids keeps the diff short.
  expect(
    failing.map((v) => `${v.id} (${v.impact}, ${v.nodeCount} element${v.nodeCount > 1 ? 's' : ''})`),
    `axe ${axe.version}, ${name} (${page.url()}): serious or critical WCAG 2 A/AA violations\n${describeViolations(failing)}\n`,
  ).toEqual([]);
}

describe(`accessibility (axe-core ${axe.version}, WCAG 2 A and AA)`, () => {
  it('the sign-in page', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'a11y-sign-in'));
    const { page } = session;
    await step('open the sign-in page', async () => {
      await page.goto('/connexion');
      await field(page, 'E-mail').waitFor();
      await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    });
    await step('audit', () => audit(page, 'sign-in page'));
    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });

  describe('as the demo staff member', () => {
    let staff: PageSession | undefined;
    let organisation: { id: string; name: string } | undefined;

    beforeAll(async () => {
      if (!server || !browser) return;
      staff = await browser.newPage({ baseUrl: server.baseUrl });
      await signInThroughForm(staff.page, SPEC_STAFF);
      // An organisation with several establishments and conventions shows the most of the page.
      const cookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);
      const response = await fetch(`${server.baseUrl}/api/members/organisations?q=AVIE`, {
        headers: { cookie },
      });
      const list = (await response.json()) as { items: { id: string; name: string }[] };
      organisation = list.items.find((item) => item.name === 'AVIE') ?? list.items[0];
    }, 60_000);

    afterAll(async () => {
      await staff?.close().catch(() => {});
    });

    /** The shared signed-in page, with the failure report wired. */
    function signedIn(onTestFailed: (handler: () => Promise<void>) => void, name: string): Page {
      if (!staff) throw new Error('the staff session did not start');
      onTestFailed(reportFailure(staff, server, name));
      return staff.page;
    }

    it('the member list', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-member-list');
      await step('open the member list', async () => {
        await page.goto('/adherents');
        await page.getByRole('heading', { level: 1, name: 'Adhérents' }).waitFor();
        await page.getByRole('table').getByRole('row').nth(1).waitFor();
      });
      await step('audit', () => audit(page, 'member list'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it("an organisation's page", async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-organisation');
      if (!organisation) throw new Error('no organisation found in the demo data');
      const { id, name } = organisation;
      await step(`open the page of ${name}`, async () => {
        await page.goto(`/adherents/${id}`);
        await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
        await page
          .getByRole('region', { name: 'Historique des modifications' })
          .getByRole('listitem')
          .or(page.getByText('Aucune modification enregistrée.'))
          .first()
          .waitFor();
      });
      await step('audit', () => audit(page, `organisation page (${name})`));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it('the create form', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-create-form');
      await step('open the create form', async () => {
        await page.goto('/adherents/nouveau');
        await field(page, "Nom de l'organisation").waitFor();
        // The type checkboxes and departments come from the reference endpoint.
        await page
          .getByLabel(/^\s*ACI\b/)
          .first()
          .waitFor();
      });
      await step('audit', () => audit(page, 'create form'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it('the governance page', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-governance');
      await step('open the governance page', async () => {
        await page.goto('/gouvernance');
        await page.getByRole('heading', { level: 1, name: 'Gouvernance' }).waitFor();
        await page.getByRole('region', { name: "Conseil d'administration" }).waitFor();
        await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      });
      await step('audit', () => audit(page, 'governance page'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it('the observatory dashboard', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-observatory-dashboard');
      await step('open the dashboard', async () => {
        await page.goto('/observatoire');
        await page.getByRole('heading', { level: 1, name: 'Observatoire : tableaux de bord' }).waitFor();
        // Each chart has its data table beside it.
        await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      });
      await step('audit', () => audit(page, 'observatory dashboard'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it('the observatory campaigns', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-observatory-campaigns');
      await step('open the campaigns', async () => {
        await page.goto('/observatoire/campagnes');
        await page.getByRole('heading', { level: 1, name: 'Campagnes de l’observatoire' }).waitFor();
        await page.getByText('Campagne synthétique (démonstration)').first().waitFor();
      });
      await step('audit', () => audit(page, 'observatory campaigns'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });

    it('the activity report', async ({ onTestFailed }) => {
      const page = signedIn(onTestFailed, 'a11y-report');
      await step('open the report page', async () => {
        await page.goto('/rapport');
        await page.getByRole('heading', { level: 1, name: "Rapport d'activité" }).waitFor();
        await page.getByRole('heading', { name: 'Comparer avec une autre année' }).waitFor();
      });
      await step('audit', () => audit(page, 'activity report'));
      expect(staff?.problems(), 'console errors or page errors').toEqual([]);
    });
  });
});
