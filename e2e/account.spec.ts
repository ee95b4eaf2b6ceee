/**
 * "Mon compte" and "Mot de passe oublié ?": a user renames itself, changes its password
 * (a second session, opened elsewhere, ends), sees its sessions and ends the others; a
 * user who forgot its password receives a link in the outbox, sets a new one, and every
 * session of the account ends. axe audits the three new pages.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  DEMO_BOARD,
  DEMO_MEMBER,
  DEMO_STAFF,
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

// A server of its own: this file changes the demo accounts' names and passwords, which the
// run's shared server keeps for the other specs.
withServerAndBrowser(
  (startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  },
  { own: true },
);

/**
 * Signs in through the API from another loopback address (127.0.0.x): sign-in is
 * throttled per client address (20 a minute), and the browser's own sign-ins in this
 * file come from 127.0.0.1.
 */
let nextAddress = 10;
async function apiSignInElsewhere(email: string, password: string): Promise<string> {
  if (!server) throw new Error('no server');
  const url = new URL('/api/auth/sign-in/email', server.baseUrl);
  const body = JSON.stringify({ email, password });
  const localAddress = `127.0.0.${nextAddress++}`;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', origin: url.origin },
      },
      (response) => {
        response.resume();
        if (response.statusCode !== 200)
          return reject(new Error(`sign-in of ${email}: ${response.statusCode}`));
        resolve((response.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; '));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether a session cookie still designates somebody. */
async function signedIn(cookie: string): Promise<boolean> {
  if (!server) throw new Error('no server');
  const response = await fetch(`${server.baseUrl}/api/me`, { headers: { cookie } });
  return response.status === 200;
}

/** The reset link's token in the newest outbox mail to `email` (the mail is sent in the background). */
async function resetTokenFor(email: string): Promise<string> {
  if (!server) throw new Error('no server');
  const outbox = join(server.dataDir, 'outbox');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const file of existsSync(outbox) ? (await readdir(outbox)).sort().reverse() : []) {
      const mail = (await readFile(join(outbox, file), 'utf8'))
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      if (!mail.toLowerCase().includes(email.toLowerCase())) continue;
      const token = /\/mot-de-passe\/([A-Za-z0-9_-]{10,100})/.exec(mail)?.[1];
      if (token) return token;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No password-reset mail for ${email} in ${outbox}`);
}

describe('Mon compte', () => {
  it('renames, changes the password (ending the other sessions) and ends the other sessions', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const user = DEMO_BOARD;
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'account-page'));
    const { page } = session;
    const elsewhere = await apiSignInElsewhere(user.email, user.password);

    await step('open Mon compte from the shell', async () => {
      await signInThroughForm(page, user);
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    });

    await step('see both sessions, this one marked', async () => {
      const table = page.getByRole('table', { name: 'Sessions actives de votre compte' });
      await table.getByRole('row').nth(2).waitFor();
      expect(await table.getByRole('row').count()).toBe(3);
      await expect.poll(() => table.getByText('cette session').count()).toBe(1);
      await page.getByText('Chrome sur Linux').first().waitFor();
    });

    await step('audit the account page', async () => {
      await page.mouse.move(0, 0); // not hovering the menu link it came through
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    await step('rename', async () => {
      await field(page, 'Nom et prénom').fill('Camille Martin');
      await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
      await page.getByText('Votre nom est enregistré.').waitFor();
      await page.getByText('Connecté·e : Camille Martin').waitFor();
    });

    await step('a wrong current password: a French error, what was typed is kept', async () => {
      const stop = session.ignore(/status of 422\b/);
      await field(page, 'Mot de passe actuel').fill('pas-le-bon-mot-de-passe');
      await field(page, 'Nouveau mot de passe').fill('un-nouveau-secret-solide');
      await field(page, 'Confirmation du nouveau mot de passe').fill('un-nouveau-secret-solide');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Le mot de passe actuel est incorrect.').first().waitFor();
      expect(await field(page, 'Nouveau mot de passe').inputValue()).toBe('un-nouveau-secret-solide');
      expect(await field(page, 'Mot de passe actuel').inputValue()).toBe('pas-le-bon-mot-de-passe');
      stop();
    });

    await step('change the password: the other session ends, this one stays', async () => {
      expect(await signedIn(elsewhere)).toBe(true);
      await field(page, 'Mot de passe actuel').fill(user.password);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Mot de passe changé. Vos autres sessions sont déconnectées.').waitFor();
      expect(await signedIn(elsewhere)).toBe(false);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
      const table = page.getByRole('table', { name: 'Sessions actives de votre compte' });
      await table.getByRole('row').nth(1).waitFor();
      expect(await table.getByRole('row').count()).toBe(2);
    });

    await step('déconnecter les autres sessions', async () => {
      const another = await apiSignInElsewhere(user.email, 'un-nouveau-secret-solide');
      await page.reload();
      const table = page.getByRole('table', { name: 'Sessions actives de votre compte' });
      await table.getByRole('row').nth(2).waitFor();
      await page.getByRole('button', { name: 'Déconnecter les autres sessions' }).click();
      await page.getByText('Les autres sessions sont déconnectées.').waitFor();
      expect(await signedIn(another)).toBe(false);
      await expect.poll(() => table.getByRole('row').count()).toBe(2);
    });

    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });

  it('is in the shell of a member user too', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'account-member'));
    const { page } = session;
    await signInThroughForm(page, DEMO_MEMBER);
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await field(page, 'Nom et prénom').inputValue()).toBe(DEMO_MEMBER.name);
    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });
});

describe('Mot de passe oublié', () => {
  it('sends a link, sets a new password and ends every session', async ({ onTestFailed }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const user = DEMO_STAFF;
    const open = await apiSignInElsewhere(user.email, user.password);
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'password-reset'));
    const { page } = session;

    await step('ask for a link from the sign-in page', async () => {
      await page.goto('/connexion');
      await field(page, 'E-mail').fill(user.email);
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
      expect(await field(page, 'E-mail').inputValue()).toBe(user.email);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Recevoir le lien' }).click();
      await page.getByText(/Si un compte existe pour cette adresse/).waitFor();
    });

    const token = await step('read the mail', () => resetTokenFor(user.email));

    await step('set a new password', async () => {
      await page.goto(`/mot-de-passe/${token}`);
      await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await field(page, 'Nouveau mot de passe').fill('court');
      await field(page, 'Confirmation du nouveau mot de passe').fill('court');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Le mot de passe doit comporter au moins 10 caractères.').waitFor();
      await field(page, 'Nouveau mot de passe').fill('un-secret-retrouve');
      await field(page, 'Confirmation du nouveau mot de passe').fill('un-secret-retrouve');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.getByText('Votre mot de passe est changé. Connectez-vous avec le nouveau.').waitFor();
      expect(await signedIn(open)).toBe(false);
    });

    await step('sign in with the new password; the link does not work twice', async () => {
      await signInThroughForm(page, { email: user.email, password: 'un-secret-retrouve' });
      const stop = session.ignore(/status of 422\b/);
      await page.goto(`/mot-de-passe/${token}`);
      await field(page, 'Nouveau mot de passe').fill('encore-un-autre-secret');
      await field(page, 'Confirmation du nouveau mot de passe').fill('encore-un-autre-secret');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page
        .getByText(/Ce lien de réinitialisation est invalide/)
        .first()
        .waitFor();
      await page.getByRole('link', { name: 'Demander un nouveau lien' }).waitFor();
      stop();
    });

    expect(session.problems(), 'console errors or page errors').toEqual([]);
    await session.close();
  });
});
