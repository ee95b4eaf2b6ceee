import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { insertAction, insertOrganisation, involveOrganisation, person } from './test-fixtures.ts';

let t: TestApp;
let slug: string;
let delegationId: string;
const as: Record<'staff' | 'board' | 'member' | 'otherStaff', string> = {} as never;
const ids: Record<string, string> = {};
const year = new Date().getUTCFullYear() + 1;

const LONG_TITLE =
  'Journée régionale « Coopérer, entreprendre ; réussir » : l’inclusion au cœur des territoires d’Occitanie, édition spéciale';

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return calendar;
}
const events = (text: string) =>
  parse(text)
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
const uids = (text: string) => events(text).map((e) => e.uid);

beforeAll(async () => {
  t = await createTestApp();
  const delegation = await createDelegation(t.database);
  slug = delegation.slug;
  delegationId = delegation.id;
  const other = await createDelegation(t.database);
  const chorus = await insertOrganisation(t, delegationId, 'CHORUS');
  const regain = await insertOrganisation(t, delegationId, 'REGAIN');
  as.staff = (await signedInAs(t, { delegationId, role: 'staff' })).cookie;
  as.board = (await signedInAs(t, { delegationId, role: 'board' })).cookie;
  as.member = (await signedInAs(t, { delegationId, role: 'member', organisationId: chorus })).cookie;
  as.otherStaff = (await signedInAs(t, { delegationId: other.id, role: 'staff' })).cookie;

  const at = (date: string, extra = {}) => ({ startsOn: date, endsOn: date, ...extra });
  // Either side of the spring change (last Sunday of March), and of the autumn one.
  ids.winter = await insertAction(t, delegationId, {
    title: 'Avant le changement d’heure',
    visibility: 'public',
    ...at(`${year}-01-15`),
  });
  ids.summer = await insertAction(t, delegationId, {
    title: LONG_TITLE,
    visibility: 'public',
    ...at(`${year}-07-01`),
    sequence: 3,
  });
  ids.allDay = await insertAction(t, delegationId, {
    title: 'Assemblée générale',
    visibility: 'public',
    startsOn: `${year}-06-11`,
    endsOn: `${year}-06-12`,
    startTime: null,
    endTime: null,
    online: true,
  });
  ids.month = await insertAction(t, delegationId, {
    title: 'Comités de pilotage',
    visibility: 'public',
    datePrecision: 'month',
    ...at(`${year}-02-01`),
  });
  ids.internalRegistered = await insertAction(t, delegationId, {
    title: 'Groupe qualité',
    ...at(`${year}-03-10`),
  });
  ids.internalInvolved = await insertAction(t, delegationId, {
    title: 'Visite',
    registrationOpen: false,
    ...at(`${year}-04-10`),
  });
  ids.internalOther = await insertAction(t, delegationId, {
    title: 'Réunion d’équipe',
    registrationOpen: false,
    ...at(`${year}-05-10`),
  });
  ids.elsewhere = await insertAction(t, other.id, {
    title: 'Autre délégation',
    visibility: 'public',
    ...at(`${year}-05-10`),
  });
  await involveOrganisation(t, delegationId, ids.internalInvolved as string, chorus);
  await involveOrganisation(t, delegationId, ids.internalOther as string, regain);
  const registered = await request(
    t,
    as.member,
    'POST',
    `/api/events/${ids.internalRegistered}/registrations`,
    person('cal'),
  );
  expect(registered.statusCode).toBe(201);
});
afterAll(() => t.close());

describe('the public calendar', () => {
  it("holds the delegation's public actions dated to the day, as valid iCalendar", async () => {
    const response = await request(t, null, 'GET', `/api/public/events.ics?delegation=${slug}&year=${year}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(new Set(uids(response.body))).toEqual(
      new Set([`${ids.winter}@maillage`, `${ids.summer}@maillage`, `${ids.allDay}@maillage`]),
    );
    for (const event of parse(response.body).getAllSubcomponents('vevent')) {
      for (const property of ['uid', 'dtstamp', 'dtstart', 'summary'])
        expect(event.hasProperty(property), property).toBe(true);
    }
    expect(parse(response.body).getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');
  });

  it('turns Paris times into the right instants in winter and summer, and writes whole days as dates', async () => {
    const body = (await request(t, null, 'GET', `/api/public/events.ics?delegation=${slug}&year=${year}`))
      .body;
    const byUid = new Map(events(body).map((e) => [e.uid, e]));
    const winter = byUid.get(`${ids.winter}@maillage`);
    const summer = byUid.get(`${ids.summer}@maillage`);
    expect(winter?.startDate.toJSDate().toISOString()).toBe(`${year}-01-15T13:00:00.000Z`);
    expect(winter?.endDate.toJSDate().toISOString()).toBe(`${year}-01-15T15:00:00.000Z`);
    expect(summer?.startDate.toJSDate().toISOString()).toBe(`${year}-07-01T12:00:00.000Z`);
    // The long summary with accents, folded at 75 octets, comes back whole.
    expect(body.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(summer?.summary).toBe(LONG_TITLE);
    expect(summer?.sequence).toBe(3);
    expect(summer?.location).toBe('Toulouse (31)');
    const allDay = byUid.get(`${ids.allDay}@maillage`);
    expect(allDay?.startDate.isDate).toBe(true);
    expect(allDay?.startDate.toString()).toBe(`${year}-06-11`);
    expect(allDay?.endDate.toString()).toBe(`${year}-06-13`);
    expect(allDay?.location).toBe('En ligne');
  });

  it('answers 404 for an unknown delegation', async () => {
    expect((await request(t, null, 'GET', '/api/public/events.ics?delegation=nulle-part')).statusCode).toBe(
      404,
    );
  });
});

describe('the private calendar', () => {
  const tokenOf = (url: string) => /\/api\/calendar\/feeds\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1] ?? '';
  const feed = (token: string) => request(t, null, 'GET', `/api/calendar/feeds/${token}.ics`);

  it('gives a member user the public actions and those of its organisation, never the others', async () => {
    const created = await request(t, as.member, 'POST', '/api/calendar/token');
    expect(created.statusCode).toBe(201);
    const token = tokenOf(created.json().url);
    expect(token).toHaveLength(43);
    const response = await feed(token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const got = new Set(uids(response.body));
    for (const key of ['winter', 'summer', 'allDay', 'internalRegistered', 'internalInvolved'])
      expect(got.has(`${ids[key]}@maillage`), key).toBe(true);
    for (const key of ['internalOther', 'month', 'elsewhere'])
      expect(got.has(`${ids[key]}@maillage`), key).toBe(false);
    // Only the hash is stored.
    const stored = await withTenant(t.database.db, { delegationId, userId: null }, (tx) =>
      queryRows<{ token_hash: string }>(tx, sql`select token_hash from calendar_tokens`),
    );
    expect(stored.map((r) => r.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(stored.some((r) => r.token_hash.includes(token))).toBe(false);
  });

  it('gives the team every action of the delegation', async () => {
    for (const who of ['staff', 'board'] as const) {
      const token = tokenOf((await request(t, as[who], 'POST', '/api/calendar/token')).json().url);
      const got = new Set(uids((await feed(token)).body));
      expect(got.has(`${ids.internalOther}@maillage`), who).toBe(true);
      expect(got.has(`${ids.elsewhere}@maillage`), who).toBe(false);
    }
  });

  it('stops answering once revoked or replaced, and for unknown tokens', async () => {
    const first = tokenOf((await request(t, as.staff, 'POST', '/api/calendar/token')).json().url);
    expect((await request(t, as.staff, 'GET', '/api/calendar/token')).json().active).toBe(true);
    const second = tokenOf((await request(t, as.staff, 'POST', '/api/calendar/token')).json().url);
    expect((await feed(first)).statusCode).toBe(404);
    expect((await feed(second)).statusCode).toBe(200);
    expect((await request(t, as.staff, 'DELETE', '/api/calendar/token')).statusCode).toBe(204);
    const revoked = await feed(second);
    expect(revoked.statusCode).toBe(404);
    expect(revoked.json().error.message).toBe("Ce calendrier n'existe pas ou son adresse a été révoquée.");
    expect((await request(t, as.staff, 'GET', '/api/calendar/token')).json()).toEqual({
      active: false,
      createdAt: null,
    });
    expect((await feed('x'.repeat(43))).statusCode).toBe(404);
    expect((await request(t, null, 'POST', '/api/calendar/token')).statusCode).toBe(401);
  });
});
