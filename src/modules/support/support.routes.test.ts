import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import type { HttpMethod } from '../../test/app.ts';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';
import { listFiles, updateFile } from './support.service.ts';

const w = routeWorld();

const users: Record<string, { cookie: string; userId: string }> = {};
const orgs: Record<string, string> = {};
let otherOrg: string;

const call = (who: string, method: HttpMethod, url: string, payload?: object) =>
  w.call(users[who]!.cookie, method, url, payload);

beforeAll(async () => {
  Object.assign(users, w.users);
  users.admin = await w.signedIn('admin');
  users.colleague = await w.signedIn('staff');
  const inToulouse = { types: ['ACI'], postcode: '31000' };
  Object.assign(
    orgs,
    await w.addOrganisations(w.staff, { chorus: inToulouse, regain: { ...inToulouse, name: 'RÉGAIN' } }),
  );
  otherOrg = await w.addOrganisation(w.otherStaff, {
    name: 'AILLEURS',
    postcode: '75001',
    types: ['AI'],
    joinedOn: '2024-03-01',
  });
  users.member = await w.signedIn('member', orgs.chorus);
});

const ids: Record<string, string> = {};

describe('support files', () => {
  it('creates a file owned by its author, and refuses bad input field by field in French', async () => {
    const created = await call('staff', 'POST', '/api/support/files', {
      organisationId: orgs.chorus,
      subject: 'fse_plus_application',
      title: 'Demande FSE+ 2025',
      openedOn: '2025-01-15',
      dueOn: '2025-03-31',
      nextStep: 'Relire le budget prévisionnel',
      description: 'Montage du dossier avec la directrice',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      ownerUserId: users.staff!.userId,
      organisationName: 'CHORUS',
      status: 'open',
      closedOn: null,
      documents: [],
      timeEntries: [],
      notes: [],
    });
    ids.chorus = created.json().id;

    const bad = await call('staff', 'POST', '/api/support/files', {
      organisationId: orgs.chorus,
      subject: 'astrologie',
      title: '  ',
    });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(
      bad.json().error.fields.map((f: { field: string; code: string; message: string }) => [f.field, f]),
    );
    expect(fields.subject).toMatchObject({ code: 'validation.unknown_value' });
    expect(fields.title).toMatchObject({ code: 'validation.required', message: 'Ce champ est obligatoire.' });

    const boardOwner = await call('staff', 'POST', '/api/support/files', {
      organisationId: orgs.regain,
      subject: 'financial_diagnosis',
      title: 'Diagnostic',
      ownerUserId: users.board!.userId,
    });
    expectFieldError(boardOwner, 422, { field: 'ownerUserId', code: 'support.owner_not_staff' });
    expect(boardOwner.json().error.fields[0].message).toContain('équipe de la délégation');

    const foreign = await call('staff', 'POST', '/api/support/files', {
      organisationId: otherOrg,
      subject: 'financial_diagnosis',
      title: 'Diagnostic',
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.fields[0].field).toBe('organisationId');
  });

  it('sets the closing date when a file closes and clears it when it reopens', async () => {
    const early = await call('staff', 'PATCH', `/api/support/files/${ids.chorus}`, {
      status: 'done',
      closedOn: '2024-12-31',
    });
    expectFieldError(early, 422, { field: 'closedOn', code: 'support.closed_before_opened' });
    const openWithDate = await call('staff', 'PATCH', `/api/support/files/${ids.chorus}`, {
      closedOn: '2025-02-01',
    });
    expect(openWithDate.json().error.fields[0].code).toBe('support.closed_on_needs_closed_status');

    // Closing without a date takes today's, given by the caller of the service here.
    const closed = await withTenant(
      w.t.database.db,
      { delegationId: w.delegationId, userId: users.staff!.userId },
      (tx) =>
        updateFile(
          tx,
          { userId: users.staff!.userId, role: 'staff', organisationId: null },
          ids.chorus!,
          { status: 'done' },
          '2025-04-02',
        ),
    );
    expect(closed).toMatchObject({ status: 'done', closedOn: '2025-04-02' });
    const abandoned = await call('staff', 'PATCH', `/api/support/files/${ids.chorus}`, {
      status: 'abandoned',
    });
    expect(abandoned.json().closedOn).toBe('2025-04-02');
    const reopened = await call('staff', 'PATCH', `/api/support/files/${ids.chorus}`, {
      status: 'in_progress',
      ownerUserId: users.colleague!.userId,
    });
    expect(reopened.json()).toMatchObject({
      status: 'in_progress',
      closedOn: null,
      ownerUserId: users.colleague!.userId,
    });
  });

  it('lists files with filters: subject, status, owner, year, overdue and an accent-free search', async () => {
    for (const input of [
      {
        organisationId: orgs.regain,
        subject: 'quality_approach',
        title: 'CAP RSE',
        openedOn: '2023-02-01',
        status: 'done',
        closedOn: '2023-11-30',
      },
      {
        organisationId: orgs.regain,
        subject: 'fse_plus_report',
        title: 'Bilan FSE+ 2024',
        openedOn: '2024-09-01',
        dueOn: '2000-01-01',
      },
    ]) {
      const created = await call('staff', 'POST', '/api/support/files', input);
      expect(created.statusCode, created.body).toBe(201);
    }
    const list = async (query: string) =>
      (await call('board', 'GET', `/api/support/files${query}`))
        .json()
        .items.map((f: { title: string }) => f.title);
    expect(await list('?subject=quality_approach')).toEqual(['CAP RSE']);
    expect(await list('?status=done')).toEqual(['CAP RSE']);
    expect(await list(`?ownerUserId=${users.colleague!.userId}`)).toEqual(['Demande FSE+ 2025']);
    expect((await list('?year=2024')).sort()).toEqual(['Bilan FSE+ 2024']);
    expect(await list('?year=2023')).toEqual(['CAP RSE']);
    expect(await list('?overdue=true')).toContain('Bilan FSE+ 2024');
    expect(await list('?overdue=true')).not.toContain('CAP RSE');
    // Overdue on a given day: the service takes the day as a parameter.
    const overdue = await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      listFiles(
        tx,
        { userId: users.staff!.userId, role: 'staff', organisationId: null },
        { overdue: 'true' },
        '2025-02-01',
      ),
    );
    expect(overdue.items.map((f) => f.title)).toEqual(['Bilan FSE+ 2024']);
    expect(await list('?q=r%C3%A9gain')).toEqual(['Bilan FSE+ 2024', 'CAP RSE']);
    expect(await list('?q=budget')).toEqual(['Demande FSE+ 2025']);
    const bad = await call('board', 'GET', '/api/support/files?status=fini');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('querystring.status');
  });

  it('records time spent with totals per person, and notes', async () => {
    const url = `/api/support/files/${ids.chorus}`;
    const tooLong = await call('staff', 'POST', `${url}/time`, { spentOn: '2025-02-03', minutes: 1441 });
    expectFieldError(tooLong, 422, { field: 'minutes', code: 'support.minutes_out_of_range' });
    expect(
      (await call('staff', 'POST', `${url}/time`, { spentOn: '2025-02-03', minutes: 0 })).statusCode,
    ).toBe(422);
    const mine = await call('staff', 'POST', `${url}/time`, {
      spentOn: '2025-02-03',
      minutes: 90,
      note: 'Budget',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    await call('staff', 'POST', `${url}/time`, { spentOn: '2025-02-10', minutes: 30 });
    const theirs = await call('colleague', 'POST', `${url}/time`, { spentOn: '2025-02-11', minutes: 45 });
    const file = (await call('staff', 'GET', url)).json();
    expect(file.time.totalMinutes).toBe(165);
    expect(file.totalMinutes).toBe(165);
    const byUser = Object.fromEntries(
      file.time.byUser.map((u: { userId: string; minutes: number }) => [u.userId, u.minutes]),
    );
    expect(byUser).toEqual({ [users.staff!.userId]: 120, [users.colleague!.userId]: 45 });

    // A line is withdrawn by its author or an administrator only.
    const notMine = await call('staff', 'DELETE', `${url}/time/${theirs.json().id}`);
    expect(notMine.statusCode).toBe(403);
    expect((await call('admin', 'DELETE', `${url}/time/${theirs.json().id}`)).statusCode).toBe(204);

    const note = await call('staff', 'POST', `${url}/notes`, { body: 'La directrice part en juin.' });
    expect(note.statusCode).toBe(201);
    expect((await call('staff', 'POST', `${url}/notes`, { body: '' })).json().error.fields[0].field).toBe(
      'body',
    );
    expect((await call('staff', 'GET', url)).json().notes).toMatchObject([
      { body: 'La directrice part en juin.' },
    ]);
    expect((await call('colleague', 'DELETE', `${url}/notes/${note.json().id}`)).statusCode).toBe(403);
    expect((await call('staff', 'DELETE', `${url}/notes/${note.json().id}`)).statusCode).toBe(204);
    expect((await call('staff', 'GET', url)).json().notes).toEqual([]);
  });

  it('shows a member its own files without notes, time or description, and nothing else', async () => {
    await call('staff', 'POST', `/api/support/files/${ids.chorus}/notes`, { body: 'Interne' });
    const list = (await call('member', 'GET', '/api/support/files')).json();
    expect(list.items.map((f: { organisationName: string }) => f.organisationName)).toEqual(['CHORUS']);
    expect(list.items[0]).not.toHaveProperty('totalMinutes');
    const own = (await call('member', 'GET', `/api/support/files/${ids.chorus}`)).json();
    expect(own).toMatchObject({ title: 'Demande FSE+ 2025', nextStep: 'Relire le budget prévisionnel' });
    for (const hidden of ['notes', 'timeEntries', 'time', 'description', 'totalMinutes'])
      expect(own).not.toHaveProperty(hidden);
    const regainFile = (await call('staff', 'GET', `/api/support/files?organisationId=${orgs.regain}`)).json()
      .items[0].id;
    expect((await call('member', 'GET', `/api/support/files/${regainFile}`)).statusCode).toBe(404);
    expect(
      (await call('member', 'GET', `/api/support/files?organisationId=${orgs.regain}`)).json().items,
    ).toEqual([]);
    expect(
      (await call('member', 'PATCH', `/api/support/files/${ids.chorus}`, { title: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await call('member', 'POST', `/api/support/files/${ids.chorus}/notes`, { body: 'x' })).statusCode,
    ).toBe(403);
  });

  it('searches only what the caller may read: the description is the team’s, its words find nothing for others', async () => {
    // "Montage du dossier avec la directrice" is the description of CHORUS's file.
    const count = async (who: string, q: string) =>
      (await call(who, 'GET', `/api/support/files?q=${encodeURIComponent(q)}`)).json().total;
    expect(await count('staff', 'directrice')).toBe(1);
    // Letter by letter, the count of results would spell the hidden text out.
    for (const q of ['directrice', 'montage', 'dossier avec', 'ontage du'])
      for (const who of ['member', 'board']) expect(await count(who, q), `${who} ${q}`).toBe(0);
    // What they may read is still searched: the title, the next step, the organisation.
    expect(await count('member', 'budget')).toBe(1);
    expect(await count('board', 'chorus')).toBeGreaterThan(0);
  });

  it('lets the board read without notes and refuses its writes', async () => {
    const file = await call('board', 'GET', `/api/support/files/${ids.chorus}`);
    expect(file.statusCode).toBe(200);
    expect(file.json()).not.toHaveProperty('notes');
    expect(
      (
        await call('board', 'POST', '/api/support/files', {
          organisationId: orgs.chorus,
          subject: 'other',
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await call('board', 'DELETE', `/api/support/files/${ids.chorus}`)).statusCode).toBe(403);
    expect((await call('board', 'GET', '/api/support/dashboard')).statusCode).toBe(403);
  });

  it('keeps each delegation to its own files', async () => {
    expect((await call('otherStaff', 'GET', '/api/support/files')).json().items).toEqual([]);
    expect((await call('otherStaff', 'GET', `/api/support/files/${ids.chorus}`)).statusCode).toBe(404);
    expect(
      (await call('otherStaff', 'PATCH', `/api/support/files/${ids.chorus}`, { title: 'x' })).statusCode,
    ).toBe(404);
    expect((await call('otherStaff', 'DELETE', `/api/support/files/${ids.chorus}`)).statusCode).toBe(404);
    const owners = (await call('otherStaff', 'GET', '/api/support/owners')).json().items;
    expect(owners.map((o: { id: string }) => o.id)).toEqual([users.otherStaff!.userId]);
  });

  it('deletes a file with its time and notes', async () => {
    expect((await call('staff', 'DELETE', `/api/support/files/${ids.chorus}`)).statusCode).toBe(204);
    expect((await call('staff', 'GET', `/api/support/files/${ids.chorus}`)).statusCode).toBe(404);
  });
});
