/**
 * End-to-end fixtures: a real Maillage server (as `npm start` runs it, on a fresh
 * embedded database with the demo data) and Debian's Chromium driven by playwright-core.
 *
 * One server serves the whole run (e2e/global-setup.ts starts it); each test file signs in
 * with accounts of its own (SPEC_STAFF, SPEC_MEMBER, invited by the demo admin) from a
 * client address of its own (X-Forwarded-For), and starts its own Chromium. Nothing outside
 * a temporary directory is written (except `web/dist`, which `bin/start.mjs` rebuilds when
 * the web sources changed, and screenshots of failed tests in `test-results/`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const testResultsDir = join(repositoryRoot, 'test-results');

/** Demo accounts loaded on the first start of an embedded database (src/db/seed/demo.ts, README). */
export const DEMO_PASSWORD = 'maillage-demo-2024';
export const DEMO_STAFF = {
  email: 'equipe@demo.maillage.fr',
  password: DEMO_PASSWORD,
  role: 'staff',
} as const;
export const DEMO_ADMIN = {
  email: 'admin@demo.maillage.fr',
  password: DEMO_PASSWORD,
  role: 'admin',
} as const;
export const DEMO_BOARD = {
  email: 'conseil@demo.maillage.fr',
  password: DEMO_PASSWORD,
  role: 'board',
} as const;
/** The demo's national team account: the federation, in no delegation (decision 020). */
export const DEMO_FEDERATION = {
  email: 'federation@demo.maillage.fr',
  password: DEMO_PASSWORD,
  role: 'federation',
} as const;
/** The demo member user, bound to the organisation CHORUS. */
export const DEMO_MEMBER = {
  email: 'adherent@demo.maillage.fr',
  password: DEMO_PASSWORD,
  role: 'member',
  name: 'Adhérent démo (CHORUS)',
  organisationName: 'CHORUS',
} as const;

/** This test file's client address: the shared server throttles sign-ins per address. */
export const SPEC_ADDRESS = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + ((randomBytes(1)[0] ?? 0) % 254)}`;
const SETUP_ADDRESS = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.255`;
const specHeaders = { 'x-forwarded-for': SPEC_ADDRESS };

/**
 * This test file's own staff member and member user (bound to CHORUS, as the demo one),
 * filled in by `prepareSpecAccounts` (withServerAndBrowser calls it): what one file does
 * under its name never shows in another's history or sessions.
 */
export const SPEC_STAFF = { email: '', password: '', role: 'staff', name: '' };
export const SPEC_MEMBER = { email: '', password: '', role: 'member', name: '', organisationName: 'CHORUS' };

export async function prepareSpecAccounts(server: MaillageServer): Promise<void> {
  const file = (expect.getState().testPath ?? 'spec').replace(/^.*\//, '').replace('.spec.ts', '');
  // From another address than the file's: the file's own sign-ins keep their whole quota.
  const admin = await apiSignIn(server, DEMO_ADMIN.email, DEMO_ADMIN.password, SETUP_ADDRESS);
  const found = await fetch(`${server.baseUrl}/api/members/organisations?q=${SPEC_MEMBER.organisationName}`, {
    headers: { cookie: admin },
  });
  const items = ((await found.json()) as { items: { id: string; name: string }[] }).items;
  const organisation = items.find((o) => o.name === SPEC_MEMBER.organisationName);
  if (!organisation) throw new Error(`no organisation ${SPEC_MEMBER.organisationName} in the demo data`);
  const [staff, member] = await Promise.all([
    createUser(server, { role: 'staff', name: `Équipe ${file}` }, admin),
    createUser(
      server,
      {
        role: 'member',
        name: `Adhérent ${file} (${SPEC_MEMBER.organisationName})`,
        organisationId: organisation.id,
      },
      admin,
    ),
  ]);
  Object.assign(SPEC_STAFF, staff);
  Object.assign(SPEC_MEMBER, member);
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

export interface MaillageServer {
  /** http://127.0.0.1:<port>, also the server's BASE_URL (same origin for the CSRF check). */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** What the server printed so far (the last 64 kB of each stream). */
  output(): { stdout: string; stderr: string };
  /**
   * True when web/dist was rebuilt after the server started (another process ran a build in
   * this shared tree): the server lists the built files once at start, so the pages it then
   * serves refer to chunks it does not know, and the app shows its crash page.
   */
  webBuildChanged(): boolean;
  /** SIGTERM, SIGKILL after 10 s, then removes the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;

/** A TCP port nobody listens on right now (the kernel picks it). */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error('no port assigned'))));
    });
  });
}

function tail(text: string, limit = OUTPUT_LIMIT): string {
  return text.length > limit ? text.slice(text.length - limit) : text;
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Resolves with the exit code/signal once the process has exited (immediately if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

/**
 * The run's server (e2e/global-setup.ts), or with `env` a server of the file's own (other
 * settings). Stopping the run's server is left to the run's teardown.
 */
export async function startServer(
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<MaillageServer> {
  if (options.env) return startOwnServer(options);
  const shared = inject('e2eServer');
  const builtIndex = join(repositoryRoot, 'web', 'dist', 'index.html');
  const builtAt = (): number => (existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0);
  const builtAtStart = builtAt();
  return {
    ...shared,
    output: () => ({ stdout: '', stderr: "(the run's server: its stderr is printed at the end of the run)" }),
    webBuildChanged: () => builtAt() !== builtAtStart,
    stop: async () => {},
  };
}

/**
 * Starts `node bin/start.mjs` from the repository root on a fresh DATA_DIR and a free port,
 * and resolves once `GET /api/health` answers 200. The first start builds the web app if
 * needed, migrates the embedded database and loads the demo data.
 */
export async function startOwnServer(
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<MaillageServer> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const dataDir = await mkdtemp(join(tmpdir(), 'maillage-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // The server must not inherit the test runner's settings: Vitest sets NODE_ENV=test
  // (which would also make Vite build a development bundle), and a developer's shell may
  // point DATABASE_URL or SMTP_URL at real services.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key.startsWith('npm_')) delete env[key];
  }
  for (const key of [
    'NODE_ENV',
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'SMTP_URL',
    'AUTH_SECRET',
    'DEFAULT_DELEGATION',
    'TRUST_PROXY',
    'TSX_TSCONFIG_PATH',
  ]) {
    delete env[key];
  }
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: baseUrl,
    LOG_LEVEL: 'warn',
    ...options.env,
  });

  let stdout = '';
  let stderr = '';
  // Own process group, so that stopping also reaches a Vite build still running under it.
  const child = spawn(process.execPath, ['bin/start.mjs'], {
    cwd: repositoryRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = tail(stdout + chunk);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = tail(stderr + chunk);
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const signal = (sig: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, sig); // the group we created (detached: true)
    } catch {
      try {
        child.kill(sig);
      } catch {}
    }
  };
  // If the test runner dies first, do not leave the server behind.
  const onRunnerExit = () => signal('SIGKILL');
  process.once('exit', onRunnerExit);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      signal('SIGTERM');
      const killTimer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killTimer);
      process.removeListener('exit', onRunnerExit);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const describeFailure = (reason: string) =>
    new Error(
      `${reason}\n--- server stderr (${baseUrl}, DATA_DIR=${dataDir}) ---\n${tail(stderr, 16_000) || '(empty)'}\n--- server stdout (tail) ---\n${tail(stdout, 4_000) || '(empty)'}`,
    );

  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (spawnError) {
      await stop();
      throw describeFailure(`The server could not be spawned: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      const how = child.exitCode !== null ? `code ${child.exitCode}` : `signal ${child.signalCode}`;
      await stop();
      throw describeFailure(`The server exited (${how}) before /api/health answered.`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw describeFailure(
        `The server did not answer GET /api/health with 200 within ${Math.round(timeoutMs / 1000)} s (last: ${lastProblem}).`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
    }
    await delay(250); // polling interval of the readiness probe
  }

  const builtIndex = join(repositoryRoot, 'web', 'dist', 'index.html');
  const builtAt = (): number => (existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0);
  const builtAtStart = builtAt();
  return {
    baseUrl,
    port,
    dataDir,
    output: () => ({ stdout, stderr }),
    webBuildChanged: () => builtAt() !== builtAtStart,
    stop,
  };
}

// ---------------------------------------------------------------------------
// API helpers (fixtures create their own data)
// ---------------------------------------------------------------------------

/** Signs in through the API and returns the Cookie header of the session. */
export async function apiSignIn(
  server: MaillageServer,
  email: string,
  password: string,
  address = SPEC_ADDRESS,
): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`API sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Creates a user other than the demo ones the way a real one is created: the demo admin
 * invites the address, the invitation link is read from the outbox (DATA_DIR/outbox, no
 * SMTP_URL is set), and the invitation is accepted with the given password.
 */
export async function createUser(
  server: MaillageServer,
  user: {
    role: 'admin' | 'staff' | 'board' | 'member';
    email?: string;
    name?: string;
    password?: string;
    organisationId?: string;
  },
  /** The demo admin's session (signed in here when absent). */
  adminCookie?: string,
): Promise<{ email: string; password: string; name: string }> {
  const email = user.email ?? `e2e-${Date.now()}-${randomBytes(3).toString('hex')}@example.org`;
  const password = user.password ?? `e2e-${randomBytes(12).toString('hex')}`;
  const name = user.name ?? `Personne de test ${user.role}`;
  const cookie = adminCookie ?? (await apiSignIn(server, DEMO_ADMIN.email, DEMO_ADMIN.password));
  const invited = await fetch(`${server.baseUrl}/api/admin/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, cookie },
    body: JSON.stringify({
      email,
      role: user.role,
      ...(user.organisationId ? { organisationId: user.organisationId } : {}),
    }),
  });
  if (invited.status !== 201)
    throw new Error(`Invitation of ${email} failed: ${invited.status} ${await invited.text()}`);

  const outbox = join(server.dataDir, 'outbox');
  let token: string | undefined;
  for (const file of existsSync(outbox) ? (await readdir(outbox)).sort().reverse() : []) {
    const mail = decodeQuotedPrintable(await readFile(join(outbox, file), 'utf8'));
    if (!mail.toLowerCase().includes(email.toLowerCase())) continue;
    token = /\/invitation\/([A-Za-z0-9_-]{20,100})/.exec(mail)?.[1];
    if (token) break;
  }
  if (!token) throw new Error(`No invitation mail for ${email} in ${outbox}`);

  const accepted = await fetch(`${server.baseUrl}/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, ...specHeaders },
    body: JSON.stringify({ name, password }),
  });
  if (accepted.status !== 201)
    throw new Error(
      `Accepting the invitation of ${email} failed: ${accepted.status} ${await accepted.text()}`,
    );
  return { email, password, name };
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PageSession {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, minus the ignored ones. */
  problems(): string[];
  /** Ignores console errors matching `pattern` (e.g. an expected 422) until the returned function is called. */
  ignore(pattern: RegExp): () => void;
  /** Saves a full-page screenshot in test-results/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface BrowserSession {
  browser: Browser;
  /** A fresh context (own cookies, storage) and page, French locale, watched for errors. */
  newPage(options?: { baseUrl?: string }): Promise<PageSession>;
  close(): Promise<void>;
}

/**
 * Failed requests answered 401 are expected before sign-in (the app asks /api/me to know
 * whether somebody is signed in); Chrome reports them as console errors.
 */
export const DEFAULT_IGNORED: RegExp[] = [/status of 401\b/];

/**
 * Launches Debian's Chromium (playwright-core ships no browser). `chromium.launch` gives
 * each browser a new temporary profile (user-data-dir) that it removes on close.
 */
export async function launchBrowser(): Promise<BrowserSession> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: apt-get install -y --no-install-recommends chromium, or set CHROMIUM_PATH.`,
    );
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const pages: PageSession[] = [];

  const newPage = async (options: { baseUrl?: string } = {}): Promise<PageSession> => {
    const context = await browser.newContext({
      ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      extraHTTPHeaders: specHeaders,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);

    const seen: string[] = [];
    const ignored = new Set<RegExp>(DEFAULT_IGNORED);
    const isIgnored = (text: string) => [...ignored].some((pattern) => pattern.test(text));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (isIgnored(text)) return;
      const where = message.location().url;
      seen.push(`console.error: ${text}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => {
      const text = `${error.name}: ${error.message}`;
      if (isIgnored(text)) return;
      seen.push(`pageerror: ${text}${error.stack ? `\n${error.stack}` : ''}`);
    });

    const session: PageSession = {
      page,
      context,
      problems: () => [...seen],
      ignore: (pattern) => {
        ignored.add(pattern);
        return () => void ignored.delete(pattern);
      },
      screenshot: async (name) => {
        await mkdir(testResultsDir, { recursive: true });
        const file = join(
          testResultsDir,
          `${name.replace(/[^\w.-]+/g, '-').slice(0, 80)}-${new Date().toISOString().replaceAll(':', '-')}.png`,
        );
        await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        return file;
      },
      close: () => context.close(),
    };
    pages.push(session);
    return session;
  };

  return {
    browser,
    newPage,
    close: async () => {
      for (const session of pages) await session.close().catch(() => {});
      await browser.close();
    },
  };
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches a form label exactly, tolerating the required-field asterisk Mantine adds and
 * either apostrophe (' or ’): `field(page, "Nom de l'organisation")`.
 */
export function labelPattern(label: string): RegExp {
  const body = escapeRegExp(label).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+');
  return new RegExp(`^\\s*${body}\\s*\\*?\\s*$`, 'i');
}

/** The input, textarea or select labelled exactly `label` (see labelPattern). */
export function field(page: Page, label: string) {
  return page.getByLabel(labelPattern(label)).and(page.locator('input, textarea, select'));
}

// ---------------------------------------------------------------------------
// Test helpers shared by the spec files
// ---------------------------------------------------------------------------

/**
 * `own`: a server of the file's own instead of the run's (a file that changes the demo
 * accounts); `env`: one with other settings (production on an empty database).
 */
export interface OwnServerOptions {
  timeoutMs?: number;
  own?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the server and Chromium side by side (independent); if either fails, stops the
 * other before throwing. Call in `beforeAll` with a hook timeout above the server's budget.
 */
export async function startServerAndBrowser(
  options: OwnServerOptions = {},
): Promise<{ server: MaillageServer; browser: BrowserSession }> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const [started, launched] = await Promise.allSettled([
    options.own || options.env
      ? startOwnServer({ timeoutMs, ...(options.env ? { env: options.env } : {}) })
      : startServer({ timeoutMs }),
    launchBrowser(),
  ]);
  if (started.status === 'fulfilled' && launched.status === 'fulfilled')
    return { server: started.value, browser: launched.value };
  if (launched.status === 'fulfilled') await launched.value.close().catch(() => {});
  if (started.status === 'fulfilled') await started.value.stop();
  throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
}

/** Runs one step of a story; a failure names the step it happened in. */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `[step: ${name}] ${error.message}`;
      throw error;
    }
    throw new Error(`[step: ${name}] ${String(error)}`);
  }
}

/**
 * What to print when a test fails (pass it to Vitest's `onTestFailed`): a screenshot, the
 * page URL, the browser errors so far, the server's stderr, and a warning when web/dist was
 * rebuilt under the running server.
 */
export function reportFailure(
  session: PageSession,
  server: MaillageServer | undefined,
  name: string,
): () => Promise<void> {
  return async () => {
    try {
      const shot = await session.screenshot(name);
      console.error(`Screenshot of the failure: ${shot}\nPage URL: ${session.page.url()}`);
    } catch (error) {
      console.error('Could not take a screenshot of the failure:', error);
    }
    const problems = session.problems();
    if (problems.length) console.error(`Browser errors so far:\n${problems.join('\n')}`);
    if (server?.webBuildChanged()) {
      console.error(
        'web/dist was rebuilt by another process while this test ran: the server only serves the files present when it started, so this failure may come from that rebuild, not from the app. Run the test again.',
      );
    }
    const { stderr } = server?.output() ?? { stderr: '' };
    if (stderr.trim()) console.error(`Server stderr:\n${stderr.slice(-8_000)}`);
  };
}

/**
 * Signs in through the sign-in form (the page is opened at `/connexion` if it is not on it)
 * and resolves once the app has left the sign-in page.
 */
export async function signInThroughForm(
  page: Page,
  account: { email: string; password: string },
): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/connexion')) await page.goto('/connexion');
  await field(page, 'E-mail').fill(account.email);
  await field(page, 'Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.getByRole('button', { name: 'Se connecter' }).waitFor({ state: 'detached' });
}

// ---------------------------------------------------------------------------
// Accessibility (axe-core)
// ---------------------------------------------------------------------------

/** One axe violation, with where it happens (the first few elements). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2 A and AA rules on the whole document. axe is evaluated through
 * the DevTools protocol, which the app's CSP (`script-src 'self'`) does not block, unlike
 * `page.addScriptTag` (see e2e/accessibility.spec.ts).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(
    'typeof window.axe === "object" && typeof window.axe.run === "function"',
  );
  if (!present) await page.evaluate(`${axe.source}; 0`);
  return page.evaluate(async () => {
    const { axe: runner } = window as unknown as { axe: typeof import('axe-core') };
    const results = await runner.run(document, {
      runOnly: ['wcag2a', 'wcag2aa'],
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.map(String).join(' >>> ')}: ${n.html.slice(0, 160)}`),
    }));
  });
}

/** The serious and critical violations, one line each with their elements (for an assertion message). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const violations = await axeViolations(page);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join('\n    ')}`);
}

/**
 * One server and one Chromium for the whole test file: started before the first test,
 * stopped after the last. `onReady` hands them to the file's own variables.
 */
export function withServerAndBrowser(
  onReady: (server: MaillageServer, browser: BrowserSession) => void,
  options: OwnServerOptions = {},
) {
  let started: { server: MaillageServer; browser: BrowserSession } | undefined;
  const own = Boolean(options.own || options.env);
  beforeAll(async () => {
    started = await startServerAndBrowser({ ...options, timeoutMs: options.timeoutMs ?? 170_000 });
    // A server of the file's own keeps the demo accounts as they are (or has none).
    if (!own) await prepareSpecAccounts(started.server);
    onReady(started.server, started.browser);
  }, 180_000);
  afterAll(async () => {
    await started?.browser
      .close()
      .catch((error: unknown) => console.error('closing Chromium failed:', error));
    await started?.server.stop();
  }, 30_000);
}
