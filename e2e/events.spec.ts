/**
 * Events: the team creates a public webinar open to registrations in the actions form, the
 * demo member user registers one of its staff on /evenements, the team ticks that person
 * present on the event's page, and the webinar is in the chronicle and the public calendar.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  type BrowserSession,
  field,
  type MaillageServer,
  reportFailure,
  SPEC_MEMBER,
  SPEC_STAFF,
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

/** An ISO date `days` after today. */
function inDays(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('events', () => {
  it('a member registers a person, the team takes attendance, the public calendar lists the event', async ({
    onTestFailed,
  }) => {
    if (!server || !browser) throw new Error('server or browser not started');
    const { baseUrl } = server;
    const suffix = Date.now().toString(36);
    const title = `Atelier achats responsables ${suffix}`;
    const attendee = {
      firstName: 'Inès',
      lastName: `Lefèvre-${suffix}`,
      email: `ines.${suffix}@example.org`,
    };
    const attendeeName = `${attendee.firstName} ${attendee.lastName}`;

    const staffCookie = await apiSignIn(server, SPEC_STAFF.email, SPEC_STAFF.password);
    const startsOn = inDays(21);
    const creator = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(creator, server, 'events-creator'));
    const actionId = await step(
      'the team creates a public webinar open to registrations, in the form',
      async () => {
        const { page } = creator;
        await page.goto('/connexion');
        await signInThroughForm(page, SPEC_STAFF);
        await page.goto('/actions/nouvelle');
        await field(page, 'Titre').fill(title);
        await field(page, 'Type').selectOption({ label: 'Webinaire' });
        await field(page, 'Date de début').fill(startsOn);
        await field(page, 'Heure de début').fill('14:00');
        await field(page, 'Heure de fin').fill('16:30');
        await page.getByRole('checkbox', { name: 'En ligne' }).check();
        await field(page, 'Résumé public').fill(
          'Un webinaire pour répondre aux marchés avec clauses sociales.',
        );
        await page.getByRole('radio', { name: "Publique : dans l'agenda du site public" }).check();
        await page.getByRole('checkbox', { name: 'Inscriptions ouvertes' }).check();
        await field(page, 'Nombre de places').fill('12');
        await page.getByRole('button', { name: "Enregistrer l'action" }).click();
        await page.waitForURL((url) => /^\/actions\/[0-9a-f-]{36}$/.test(url.pathname));
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        return new URL(page.url()).pathname.split('/').pop() as string;
      },
    );
    expect(creator.problems(), 'browser errors while creating the webinar').toEqual([]);

    const member = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(member, server, 'events-member'));
    const event = member.page.getByRole('article', { name: title });

    await step('the member user finds the event under "Événements"', async () => {
      await member.page.goto('/connexion');
      await signInThroughForm(member.page, SPEC_MEMBER);
      await member.page
        .getByRole('navigation', { name: 'Navigation principale' })
        .getByRole('link', { name: 'Événements' })
        .click();
      await member.page.getByRole('heading', { level: 1, name: 'Événements' }).waitFor();
      await event.waitFor();
      await event.getByText('12 places restantes sur 12').waitFor();
    });

    await step('and registers one of its staff', async () => {
      await event.getByRole('button', { name: 'S’inscrire' }).click();
      const dialog = member.page.getByRole('dialog', { name: `Inscription : ${title}` });
      await field(member.page, 'Prénom').fill(attendee.firstName);
      await field(member.page, 'Nom').fill(attendee.lastName);
      await field(member.page, 'E-mail').fill(attendee.email);
      await field(member.page, 'Fonction').fill('Chargée de développement');
      await dialog.getByRole('button', { name: 'Inscrire' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await member.page
        .getByRole('status')
        .getByText(`${attendeeName} est inscrit·e.`, { exact: false })
        .waitFor();
      await event.getByText(attendeeName, { exact: false }).waitFor();
      await event.getByText('Inscrit·e', { exact: true }).waitFor();
      await event.getByText('11 places restantes sur 12').waitFor();
      expect(await seriousAxeViolations(member.page), 'axe on /evenements').toEqual([]);
    });

    await step('the confirmation e-mail is in the outbox', async () => {
      const outbox = join(server?.dataDir ?? '', 'outbox');
      const mails = existsSync(outbox)
        ? await Promise.all((await readdir(outbox)).map((file) => readFile(join(outbox, file), 'utf8')))
        : [];
      expect(
        mails.some((mail) => mail.includes(attendee.email) && mail.includes('Inscription_confirm')),
      ).toBe(true);
    });
    expect(member.problems(), 'browser errors on the member side').toEqual([]);
    await member.close();

    const staff = await browser.newPage({ baseUrl });
    onTestFailed(reportFailure(staff, server, 'events-staff'));
    await step('the team opens the event page and ticks the person present', async () => {
      await staff.page.goto('/connexion');
      await signInThroughForm(staff.page, SPEC_STAFF);
      await staff.page.goto('/evenements');
      await staff.page
        .getByRole('article', { name: title })
        .getByRole('link', { name: 'Gérer les inscriptions' })
        .click();
      await staff.page.waitForURL((url) => url.pathname === `/evenements/${actionId}`);
      await staff.page.getByRole('heading', { level: 1, name: title }).waitFor();
      const row = staff.page.getByRole('row').filter({ hasText: attendee.email });
      await row.getByText('CHORUS').waitFor();
      await staff.page.getByRole('checkbox', { name: `Présent·e : ${attendeeName}` }).check();
      await staff.page.getByRole('button', { name: 'Enregistrer les présences' }).click();
      await staff.page.getByText('Présences enregistrées : 1 personne présente.').waitFor();
      const present = staff.page
        .locator('dt', { hasText: 'Présents' })
        .locator('xpath=following-sibling::dd[1]');
      await expect.poll(() => present.textContent()).toBe('1');
      expect(await seriousAxeViolations(staff.page), 'axe on the event page').toEqual([]);
    });
    expect(staff.problems(), 'browser errors on the team side').toEqual([]);
    await staff.close();

    await step('the action now counts one participant, from attendance', async () => {
      const response = await fetch(`${baseUrl}/api/actions/${actionId}`, {
        headers: { cookie: staffCookie },
      });
      const action = (await response.json()) as { participantsCount: number; participantsSource: string };
      expect(action).toMatchObject({ participantsCount: 1, participantsSource: 'attendance' });
    });

    await step('the chronicle of the year shows the webinar with its one participant', async () => {
      const { page } = creator;
      await page.goto(`/chronique?annee=${startsOn.slice(0, 4)}`);
      const entry = page.getByRole('article').filter({ hasText: title });
      await entry.first().waitFor();
      await entry
        .first()
        .getByText(/1 participant/)
        .waitFor();
    });
    await creator.close();

    await step('the public calendar lists the event at the right time', async () => {
      const response = await fetch(`${baseUrl}/api/public/events.ics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      const zone = calendar.getFirstSubcomponent('vtimezone');
      if (zone) ICAL.TimezoneService.register(zone);
      const found = calendar
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.uid === `${actionId}@maillage`);
      expect(found?.summary).toBe(title);
      expect(found?.location).toBe('En ligne');
      const start = found?.startDate.toJSDate();
      // 14:00 in Paris is 12:00 or 13:00 UTC depending on the season.
      expect([12, 13]).toContain(start?.getUTCHours());
    });
  });
});
