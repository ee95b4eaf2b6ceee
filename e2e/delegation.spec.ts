/**
 * A real delegation starts on Maillage: a production server on an empty embedded database
 * leads every page to the first run; the set-up code is read from the server's log; a
 * wrong code is refused; the right one creates the delegation and signs its administrator
 * in; the administrator fills the delegation's settings, which the public page shows, and
 * manages invitations, users and the team.
 * axe checks the new pages.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  field,
  type MaillageServer,
  reportFailure,
  seriousAxeViolations,
  step,
  withServerAndBrowser,
} from './fixtures.ts';

let server: MaillageServer | undefined;
let browser: BrowserSession | undefined;

// Production on an empty embedded database: a server of the file's own, never the demo.
withServerAndBrowser(
  (startedServer, startedBrowser) => {
    server = startedServer;
    browser = startedBrowser;
  },
  { env: { NODE_ENV: 'production', AUTH_SECRET: randomBytes(32).toString('hex') } },
);

async function setupCode(s: MaillageServer): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const code = /code d'installation : ([A-Z0-9-]{14})/.exec(s.output().stderr)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no set-up code in the server's log:\n${s.output().stderr}`);
}

describe('the first run of a real delegation', () => {
  it('leads to the set-up page, refuses a wrong code, then signs the administrator in', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const session = await browser.newPage({ baseUrl: server.baseUrl });
    onTestFailed(reportFailure(session, server, 'first-run'));
    const { page } = session;
    const code = await setupCode(server);

    await step('any page leads to the set-up page', async () => {
      await page.goto('/annuaire');
      await page.waitForURL((url) => url.pathname === '/installation');
      await page.getByRole('heading', { name: 'Installer Maillage' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    const fill = async (codeTyped: string) => {
      await field(page, "Code d'installation").fill(codeTyped);
      await field(page, 'Nom de la délégation').fill('Coorace Bretagne');
      await field(page, 'Identifiant').fill('bretagne');
      await field(page, 'Région').fill('Bretagne');
      await field(page, 'Départements couverts').fill('22, 29, 35, 56');
      await field(page, 'Nom et prénom').fill('Anne Admin');
      await field(page, 'Adresse e-mail').fill('anne@example.org');
      await field(page, 'Mot de passe').fill('un-mot-de-passe-solide');
      await field(page, 'Confirmation du mot de passe').fill('un-mot-de-passe-solide');
      await page.getByRole('button', { name: 'Créer la délégation' }).click();
    };

    await step('a wrong code is refused, next to the code', async () => {
      const stop = session.ignore(/status of 403\b/);
      await fill('AAAA-BBBB-CCCC');
      await page.getByText("Ce code d'installation n'est pas le bon").first().waitFor();
      expect(await field(page, "Code d'installation").getAttribute('aria-invalid')).toBe('true');
      stop();
    });

    await step('the right code creates the delegation and signs its administrator in', async () => {
      await field(page, "Code d'installation").fill(code);
      await page.getByRole('button', { name: 'Créer la délégation' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      const me = await page.evaluate(async () => (await fetch('/api/me')).json());
      expect(me).toMatchObject({ role: 'admin', delegation: { slug: 'bretagne', name: 'Coorace Bretagne' } });
    });

    await step('the set-up page is closed now', async () => {
      await page.goto('/installation');
      await page.getByText("L'installation est déjà faite.").waitFor();
    });
    await step(
      'the settings page: a bad phone is named, then the settings are saved and published',
      async () => {
        await page.goto('/admin/delegation');
        await page.getByRole('heading', { name: 'Paramètres de la délégation' }).waitFor();
        await field(page, 'Nom de la délégation').waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
        await field(page, 'Nom de la délégation').fill('Coorace Bretagne (délégation)');
        await field(page, 'Téléphone').fill('12');
        await page.getByRole('button', { name: 'Ajouter une mission' }).click();
        await field(page, 'Code de la mission 1').fill('representer');
        await field(page, 'Libellé de la mission 1').fill('Représenter les adhérents');
        await page.getByRole('button', { name: 'Ajouter un objectif' }).click();
        await field(page, 'Numéro de l’objectif 1').fill('3');
        await field(page, 'Axe de l’objectif 1').fill('Emploi');
        await field(page, 'Texte de l’objectif 1').fill('Développer l’emploi inclusif');
        const stop = session.ignore(/status of 422\b/);
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.getByText("Le numéro de téléphone n'est pas valide").first().waitFor();
        expect(await field(page, 'Téléphone').getAttribute('aria-invalid')).toBe('true');
        stop();
        await field(page, 'Téléphone').fill('02 99 00 00 00');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.getByText('Paramètres enregistrés.').waitFor();
        await page.goto('/organisation');
        await page.getByRole('heading', { name: 'Coorace Bretagne (délégation)' }).waitFor();
        await page.getByText('Représenter les adhérents').waitFor();
        expect(await seriousAxeViolations(page)).toEqual([]);
      },
    );
    await step('users: re-send and withdraw an invitation; the last administrator stays', async () => {
      const invited = await page.evaluate(async () => {
        const response = await fetch('/api/admin/invitations', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'camille@example.org', role: 'staff' }),
        });
        return response.status;
      });
      expect(invited).toBe(201);
      await page.goto('/admin/utilisateurs');
      await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
      await page.getByRole('cell', { name: 'camille@example.org' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      const resent = page.waitForResponse((r) => r.url().endsWith('/resend') && r.status() === 201);
      await page.getByRole('button', { name: 'Renvoyer camille@example.org' }).click();
      await resent;
      await page.getByRole('button', { name: 'Retirer camille@example.org' }).click();
      await page.getByText('Aucune invitation en attente.').waitFor();

      // A role is changed only once confirmed: an arrow key on the select sends nothing.
      const roleSelect = page.getByRole('combobox', { name: 'Rôle de Anne Admin' });
      await roleSelect.selectOption('staff');
      const roleDialog = page.getByRole('dialog', { name: 'Changer le rôle de Anne Admin ?' });
      await roleDialog.waitFor();
      await roleDialog.getByRole('button', { name: 'Annuler' }).click();
      await roleDialog.waitFor({ state: 'hidden' });
      expect(await roleSelect.inputValue()).toBe('admin');
      const stop = session.ignore(/status of 409\b/);
      await roleSelect.selectOption('staff');
      await roleDialog.getByRole('button', { name: 'Changer le rôle' }).click();
      await roleDialog.getByText("C'est le dernier administrateur de la délégation").waitFor();
      await roleDialog.getByRole('button', { name: 'Annuler' }).click();
      await page.getByRole('button', { name: 'Désactiver Anne Admin' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Désactiver' }).click();
      await page.getByText("C'est le dernier administrateur de la délégation").waitFor();
      stop();
    });
    await step('staff: add a team member, on the public page, then end their time', async () => {
      await page.goto('/gouvernance');
      await page.getByRole('heading', { name: "L'équipe salariée" }).waitFor();
      await field(page, 'Prénom').fill('Rosa');
      await field(page, 'Nom').fill('VERA');
      await field(page, 'Fonction').fill('chargée de mission');
      await field(page, 'Missions').fill('Développement économique');
      await page.getByRole('button', { name: 'Ajouter à l’équipe' }).click();
      await page.getByRole('rowheader', { name: 'Rosa VERA' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      const publicStaff = async () =>
        page.evaluate(async () => (await (await fetch('/api/public/organisation')).json()).staff.length);
      expect(await publicStaff()).toBe(1);
      await page.getByRole('button', { name: 'Terminer la fonction de Rosa VERA' }).click();
      await page.getByRole('button', { name: 'Réintégrer Rosa VERA' }).waitFor();
      // Today is the last day in the team: the public page drops them from tomorrow
      // (src/modules/governance/staff.routes.test.ts checks a past date).
      await page.getByText(/^Jusqu’au /).waitFor();
    });
    expect(session.problems()).toEqual([]);
  });
});
