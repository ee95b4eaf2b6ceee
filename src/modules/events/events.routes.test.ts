import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import type { HttpMethod } from '../../test/app.ts';
import { routeWorld } from '../../test/route-world.ts';
import { actions } from '../actions/actions.table.ts';
import { register } from './events.service.ts';
import { addDays, parisToday } from './paris-time.ts';
import { insertAction, insertOrganisation, person } from './test-fixtures.ts';

const w = routeWorld();

const as: Record<'staff' | 'board' | 'member' | 'otherMember' | 'otherStaff', string> = {} as never;
const org: Record<'chorus' | 'regain', string> = {} as never;

const call = (who: keyof typeof as | null, method: HttpMethod, url: string, payload?: object) =>
  w.call(who ? as[who] : null, method, url, payload);
const registerAs = (who: keyof typeof as, actionId: string, body: object) =>
  call(who, 'POST', `/api/events/${actionId}/registrations`, body);

beforeAll(async () => {
  org.chorus = await insertOrganisation(w.t, w.delegationId, 'CHORUS');
  org.regain = await insertOrganisation(w.t, w.delegationId, 'REGAIN');
  Object.assign(as, { staff: w.staff, board: w.board, otherStaff: w.otherStaff });
  as.member = await w.as('member', org.chorus);
  as.otherMember = await w.as('member', org.regain);
});
beforeEach(() => {
  w.t.sentMail.length = 0;
});

describe('the list of events', () => {
  it('shows upcoming events with places left and the own organisation’s registrations', async () => {
    const soon = await insertAction(w.t, w.delegationId, {
      title: 'Webinaire L’Instant',
      capacity: 30,
      inDays: 3,
    });
    const past = await insertAction(w.t, w.delegationId, { title: 'Atelier passé', inDays: -5 });
    const notEvent = await insertAction(w.t, w.delegationId, { title: 'Comité', registrationOpen: false });
    expect((await registerAs('member', soon, person('list'))).statusCode).toBe(201);
    expect((await registerAs('otherMember', soon, person('list-other'))).statusCode).toBe(201);

    const response = await call('member', 'GET', '/api/events?upcoming=true');
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(soon);
    expect(ids).not.toContain(past);
    expect(ids).not.toContain(notEvent);
    const item = response.json().items.find((i: { id: string }) => i.id === soon);
    expect(item).toMatchObject({
      capacity: 30,
      registeredCount: 2,
      placesLeft: 28,
      registrationState: 'open',
    });
    // Only CHORUS's person, not REGAIN's.
    expect(item.ownRegistrations.map((r: { lastName: string }) => r.lastName)).toEqual(['Martin list']);

    const all = (await call('staff', 'GET', '/api/events')).json().items.map((i: { id: string }) => i.id);
    expect(all).toContain(past);
    expect((await call('otherStaff', 'GET', '/api/events')).json().items).toEqual([]);
    expect((await call(null, 'GET', '/api/events')).statusCode).toBe(401);
    expect((await call('otherStaff', 'GET', `/api/events/${soon}`)).statusCode).toBe(404);
  });
});

describe('registering', () => {
  it('refuses bad input with French messages on each field', async () => {
    const id = await insertAction(w.t, w.delegationId);
    const response = await registerAs('member', id, {
      firstName: '',
      lastName: 'Martin',
      email: 'pas-un-mail',
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json()
      .error.fields.map((f: { field: string; message: string }) => [f.field, f.message]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['firstName', 'Ce champ est obligatoire.'],
        ['email', "Cette valeur n'a pas le format attendu."],
      ]),
    );
  });

  it("lets a member user register its own organisation's people only, and e-mails a confirmation", async () => {
    const id = await insertAction(w.t, w.delegationId, {
      title: 'Atelier qualité',
      startsOn: '2031-05-15',
      endsOn: '2031-05-15',
    });
    const created = await registerAs('member', id, person('own', { email: 'Camille.Own@Example.org' }));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'registered',
      organisationId: org.chorus,
      organisationName: 'CHORUS',
      email: 'camille.own@example.org',
    });
    expect(w.t.sentMail).toHaveLength(1);
    expect(w.t.sentMail[0]).toMatchObject({
      to: 'camille.own@example.org',
      subject: 'Inscription confirmée : Atelier qualité',
    });
    expect(w.t.sentMail[0]?.text).toContain('Date : le jeudi 15 mai 2031, de 14 h 00 à 16 h 00');
    expect(w.t.sentMail[0]?.text).toContain('Lieu : Toulouse (31)');
    expect(w.t.sentMail[0]?.text).toContain('http://localhost:3000/evenements');

    const forOther = await registerAs('member', id, person('x', { organisationId: org.regain }));
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json().error.code).toBe('events.other_organisation');
    expect((await registerAs('board', id, person('board'))).statusCode).toBe(403);
    // Staff register anyone, for any organisation.
    const byStaff = await registerAs('staff', id, person('staff', { organisationId: org.regain }));
    expect(byStaff.json()).toMatchObject({ organisationName: 'REGAIN', status: 'registered' });
    const unknownOrg = await registerAs('staff', id, person('u', { organisationId: crypto.randomUUID() }));
    expect(unknownOrg.statusCode).toBe(422);
    expect(unknownOrg.json().error.fields[0].field).toBe('organisationId');
  });

  it('refuses an e-mail already registered (409 on the field), whatever its case', async () => {
    const id = await insertAction(w.t, w.delegationId);
    expect((await registerAs('member', id, person('dup'))).statusCode).toBe(201);
    const again = await registerAs('staff', id, person('dup', { email: 'CAMILLE.MARTIN.DUP@example.org' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual([
      {
        field: 'email',
        code: 'events.already_registered',
        message: 'Cette adresse e-mail est déjà inscrite à cet événement.',
      },
    ]);
  });

  it('refuses registrations after the closing day and once the event has begun', async () => {
    const yesterday = addDays(parisToday(new Date()), -1);
    const closed = await insertAction(w.t, w.delegationId, { registrationClosesOn: yesterday });
    const started = await insertAction(w.t, w.delegationId, {
      inDays: 0,
      startTime: '00:00',
      endTime: '23:59',
    });
    for (const id of [closed, started]) {
      const response = await registerAs('member', id, person(`closed-${id}`));
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe('Les inscriptions à cet événement sont closes.');
    }
    expect((await call('member', 'GET', `/api/events/${closed}`)).json().registrationState).toBe('closed');
    expect((await registerAs('member', crypto.randomUUID(), person('none'))).statusCode).toBe(404);
  });

  it('puts people on the waiting list when full, even when the last place is asked twice at once', async () => {
    const id = await insertAction(w.t, w.delegationId, { title: 'Petit atelier', capacity: 2 });
    expect((await registerAs('member', id, person('cap-1'))).json().status).toBe('registered');
    const [a, b] = await Promise.all([
      registerAs('member', id, person('cap-2')),
      registerAs('otherMember', id, person('cap-3')),
    ]);
    expect([a?.statusCode, b?.statusCode]).toEqual([201, 201]);
    expect([a?.json().status, b?.json().status].sort()).toEqual(['registered', 'waiting']);
    const fourth = await registerAs('staff', id, person('cap-4'));
    expect(fourth.json()).toMatchObject({ status: 'waiting', waitingPosition: 2 });
    const waitingMail = w.t.sentMail.find((m) => m.to === 'camille.martin.cap-4@example.org');
    expect(waitingMail?.subject).toBe("Liste d'attente : Petit atelier");
    expect(waitingMail?.text).toContain("liste d'attente (rang 2)");
    const event = (await call('member', 'GET', `/api/events/${id}`)).json();
    expect(event).toMatchObject({ registeredCount: 2, waitingCount: 2, placesLeft: 0 });
  });

  it('gives one last place to one registration only, however many transactions ask at once', async () => {
    const id = await insertAction(w.t, w.delegationId, { capacity: 1 });
    const staff = { userId: null as unknown as string, role: 'staff' as const, organisationId: null };
    // Open the pool's connections first (on PostgreSQL), so that the transactions do run side by side.
    await Promise.all(Array.from({ length: 4 }, () => w.t.database.db.execute(sql`select pg_sleep(0.05)`)));
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
          register(tx, staff, id, { ...person(`race-${i}`), jobTitle: null }, new Date()),
        ),
      ),
    );
    const statuses = outcomes.map((o) => o.participation.status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(1);
    expect(outcomes.map((o) => o.waitingPosition).sort()).toEqual([1, 2, 3, 4, 5, null]);
  });
});

describe('cancelling', () => {
  it('frees the place for the first on the waiting list, who is told by e-mail', async () => {
    const id = await insertAction(w.t, w.delegationId, { title: 'Journée régionale', capacity: 1 });
    const first = (await registerAs('member', id, person('c-1'))).json();
    const waiting1 = (await registerAs('otherMember', id, person('c-2'))).json();
    const waiting2 = (await registerAs('staff', id, person('c-3'))).json();
    expect([waiting1.status, waiting2.status]).toEqual(['waiting', 'waiting']);
    w.t.sentMail.length = 0;

    const refused = await call('otherMember', 'POST', `/api/events/${id}/registrations/${first.id}/cancel`);
    expect(refused.statusCode).toBe(404);
    const cancelled = await call('member', 'POST', `/api/events/${id}/registrations/${first.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toEqual({ id: first.id, status: 'cancelled', promoted: [waiting1.id] });
    expect(w.t.sentMail.map((m) => [m.to, m.subject])).toEqual([
      ['camille.martin.c-2@example.org', "Une place s'est libérée : Journée régionale"],
    ]);
    const again = await call('member', 'POST', `/api/events/${id}/registrations/${first.id}/cancel`);
    expect(again.statusCode).toBe(409);
    const list = (await call('staff', 'GET', `/api/events/${id}/registrations`)).json().items;
    expect(
      list.map((r: { lastName: string; status: string; waitingPosition: number | null }) => [
        r.lastName,
        r.status,
        r.waitingPosition,
      ]),
    ).toEqual([
      ['Martin c-2', 'registered', null],
      ['Martin c-3', 'waiting', 1],
      ['Martin c-1', 'cancelled', null],
    ]);
    // The cancelled address may register again.
    expect((await registerAs('member', id, person('c-1'))).json().status).toBe('waiting');
  });
});

describe('registrations of an event', () => {
  it('shows staff every registration, a member user its own, and exports them for staff', async () => {
    const id = await insertAction(w.t, w.delegationId, {
      title: 'Rencontre « achats », 2031',
      startsOn: '2031-03-04',
      endsOn: '2031-03-04',
    });
    await registerAs('member', id, person('r-1'));
    await registerAs('otherMember', id, person('r-2', { jobTitle: '=1+1' }));
    const mine = (await call('member', 'GET', `/api/events/${id}/registrations`)).json().items;
    expect(mine.map((r: { lastName: string }) => r.lastName)).toEqual(['Martin r-1']);
    expect((await call('staff', 'GET', `/api/events/${id}/registrations`)).json().items).toHaveLength(2);
    expect((await call('board', 'GET', `/api/events/${id}/registrations`)).statusCode).toBe(403);

    const csv = await call('staff', 'GET', `/api/events/${id}/registrations.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="inscriptions-2031-03-04-rencontre-achats-2031.csv"',
    );
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      "\uFEFFNom;Prénom;Organisation;E-mail;Fonction;Statut;Rang d'attente;Inscrit le;Présence",
    );
    expect(lines[2]).toContain("Martin r-2;Camille;REGAIN;camille.martin.r-2@example.org;'=1+1;Inscrit·e");
    expect((await call('member', 'GET', `/api/events/${id}/registrations.csv`)).statusCode).toBe(403);
  });
});

describe('attendance', () => {
  it('notes who came, walk-ins included, and writes the count into the action', async () => {
    const id = await insertAction(w.t, w.delegationId, {
      participantsCount: 80,
      participantsQualifier: 'at_least',
      participantsSource: 'declared',
    });
    const a = (await registerAs('member', id, person('p-1'))).json();
    const b = (await registerAs('otherMember', id, person('p-2'))).json();
    const c = (await registerAs('staff', id, person('p-3'))).json();

    const bad = await call('staff', 'PUT', `/api/events/${id}/attendance`, {
      present: [a.id, crypto.randomUUID()],
      absent: [a.id],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['present.0', 'events.attendance_both'],
      ['present.1', 'events.participation_unknown'],
    ]);
    expect(
      (await call('member', 'PUT', `/api/events/${id}/attendance`, { present: [a.id] })).statusCode,
    ).toBe(403);

    const taken = await call('staff', 'PUT', `/api/events/${id}/attendance`, {
      present: [a.id, b.id],
      absent: [c.id],
    });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().participantsCount).toBe(2);
    const walkIn = await call('staff', 'POST', `/api/events/${id}/walk-ins`, {
      firstName: 'Lou',
      lastName: 'Durand',
      organisationId: org.regain,
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json()).toMatchObject({
      participantsCount: 3,
      registration: { attended: true, organisationName: 'REGAIN' },
    });
    expect(
      (await call('member', 'POST', `/api/events/${id}/walk-ins`, { firstName: 'X', lastName: 'Y' }))
        .statusCode,
    ).toBe(403);

    const [action] = await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      tx.select().from(actions).where(eq(actions.id, id)),
    );
    expect(action).toMatchObject({
      participantsCount: 3,
      participantsSource: 'attendance',
      participantsQualifier: 'exact',
    });
    // Corrected: B did not come after all.
    const corrected = await call('staff', 'PUT', `/api/events/${id}/attendance`, { absent: [b.id] });
    expect(corrected.json().participantsCount).toBe(2);
    expect(
      (await call('otherStaff', 'PUT', `/api/events/${id}/attendance`, { present: [a.id] })).statusCode,
    ).toBe(404);
  });
});
