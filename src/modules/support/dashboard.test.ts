import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { createDelegation, createTestApp, request, signedInAs, type TestApp } from '../../test/app.ts';
import { supportDashboard, supportStats } from './dashboard.service.ts';
import type { FileInput } from './support.schemas.ts';
import { createFile } from './support.service.ts';
import { addTimeEntry } from './work.service.ts';

let t: TestApp;
let delegationId: string;
const people: Record<string, { cookie: string; userId: string }> = {};
const files: Record<string, string> = {};
const TODAY = '2025-03-10';

const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.database.db, { delegationId, userId: people.me!.userId }, fn);

beforeAll(async () => {
  t = await createTestApp();
  delegationId = (await createDelegation(t.database)).id;
  people.me = await signedInAs(t, { delegationId, role: 'staff' });
  people.colleague = await signedInAs(t, { delegationId, role: 'staff' });
  people.board = await signedInAs(t, { delegationId, role: 'board' });
  const orgs: Record<string, string> = {};
  for (const name of ['ALPHA', 'BETA']) {
    const created = await request(t, people.me.cookie, 'POST', '/api/members/organisations', {
      name,
      establishment: { postcode: '31000' },
      conventionTypes: ['AI'],
      joinedOn: '2020-01-01',
    });
    orgs[name] = created.json().id;
  }
  people.member = await signedInAs(t, { delegationId, role: 'member', organisationId: orgs.ALPHA! });
  const me = { userId: people.me.userId, role: 'staff' as const, organisationId: null };
  const file = (key: string, org: string, input: Omit<FileInput, 'organisationId' | 'title'>) =>
    inTenant(async (tx) => {
      const created = await createFile(tx, me, { organisationId: orgs[org]!, title: key, ...input }, TODAY);
      files[key] = created.id;
    });
  await file('overdue', 'ALPHA', {
    subject: 'fse_plus_application',
    openedOn: '2025-01-05',
    dueOn: '2025-03-01',
  });
  await file('inAWeek', 'BETA', {
    subject: 'financial_diagnosis',
    openedOn: '2025-02-01',
    dueOn: '2025-03-17',
  });
  await file('today', 'ALPHA', { subject: 'fse_plus_report', openedOn: '2025-02-01', dueOn: TODAY });
  await file('later', 'BETA', { subject: 'quality_approach', openedOn: '2025-02-01', dueOn: '2025-03-18' });
  await file('undated', 'ALPHA', {
    subject: 'individual_support',
    openedOn: '2025-02-01',
    status: 'waiting',
  });
  await file('closedThisYear', 'BETA', {
    subject: 'fse_plus_report',
    openedOn: '2024-05-01',
    dueOn: '2025-02-01',
    status: 'done',
    closedOn: '2025-01-20',
  });
  await file('longClosed', 'ALPHA', {
    subject: 'territorial_project',
    openedOn: '2023-01-01',
    status: 'abandoned',
    closedOn: '2023-06-30',
  });
  await file('colleagues', 'ALPHA', {
    subject: 'fse_plus_application',
    openedOn: '2025-01-02',
    dueOn: '2025-03-02',
    ownerUserId: people.colleague.userId,
  });
  const spend = (who: string, key: string, spentOn: string, minutes: number) =>
    inTenant((tx) =>
      addTimeEntry(tx, { userId: people[who]!.userId, role: 'staff' }, files[key]!, { spentOn, minutes }),
    );
  await spend('me', 'overdue', '2025-03-02', 60);
  await spend('me', 'inAWeek', '2025-03-09', 15);
  await spend('me', 'overdue', '2025-02-28', 30);
  await spend('colleague', 'colleagues', '2025-03-05', 45);
  await spend('me', 'closedThisYear', '2024-12-15', 20);
});
afterAll(() => t.close());

const titles = (items: { title: string }[]) => items.map((f) => f.title);

describe('support dashboard', () => {
  it('groups my open files into overdue, due within a week and later, by due date', async () => {
    const board = await inTenant((tx) => supportDashboard(tx, people.me!.userId, TODAY));
    expect(titles(board.overdue)).toEqual(['overdue']);
    expect(titles(board.dueSoon)).toEqual(['today', 'inAWeek']);
    expect(titles(board.later)).toEqual(['later', 'undated']);
    // March only, mine only: not February's 30 minutes nor my colleague's 45.
    expect(board.minutesThisMonth).toBe(75);
    expect(board.countsByStatus).toEqual({ open: 4, in_progress: 0, waiting: 1, done: 1, abandoned: 1 });
    expect(board.owner.id).toBe(people.me!.userId);
  });

  it('shows a colleague’s dashboard to staff, refuses a non-team owner and the board', async () => {
    const mine = await request(t, people.me!.cookie, 'GET', '/api/support/dashboard');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().owner.id).toBe(people.me!.userId);
    const theirs = await request(
      t,
      people.me!.cookie,
      'GET',
      `/api/support/dashboard?ownerUserId=${people.colleague!.userId}`,
    );
    expect(theirs.json().owner.id).toBe(people.colleague!.userId);
    expect(titles([...theirs.json().overdue, ...theirs.json().dueSoon, ...theirs.json().later])).toEqual([
      'colleagues',
    ]);
    const notTeam = await request(
      t,
      people.me!.cookie,
      'GET',
      `/api/support/dashboard?ownerUserId=${people.member!.userId}`,
    );
    expect(notTeam.statusCode).toBe(422);
    expect(notTeam.json().error.fields[0].field).toBe('ownerUserId');
    expect((await request(t, people.board!.cookie, 'GET', '/api/support/dashboard')).statusCode).toBe(403);
  });
});

describe('support figures of a year', () => {
  it('counts the files active that year, the members helped and the time spent', async () => {
    const stats = await inTenant((tx) => supportStats(tx, 2025));
    const subject = (name: string) => stats.subjects.find((s) => s.subject === name)!;
    expect(subject('fse_plus_application')).toMatchObject({ files: 2, members: 1, minutes: 135 });
    expect(subject('fse_plus_report')).toMatchObject({
      files: 2,
      members: 2,
      byStatus: { open: 1, done: 1 },
    });
    expect(subject('territorial_project').files).toBe(0);
    // ALPHA (application and report) and BETA (report): each counted once.
    expect(stats.fsePlusMembers).toBe(2);
    expect(stats.totals).toEqual({ files: 7, members: 2, minutes: 150, hours: 2.5 });
    const old = await inTenant((tx) => supportStats(tx, 2023));
    expect(old.totals).toMatchObject({ files: 1, members: 1, minutes: 0 });
    expect(old.subjects.find((s) => s.subject === 'territorial_project')!.byStatus.abandoned).toBe(1);
  });

  it('serves the figures to the board, not to members', async () => {
    const response = await request(t, people.board!.cookie, 'GET', '/api/support/stats?year=2025');
    expect(response.statusCode).toBe(200);
    expect(response.json().totals.files).toBe(7);
    expect((await request(t, people.member!.cookie, 'GET', '/api/support/stats?year=2025')).statusCode).toBe(
      403,
    );
    expect((await request(t, people.board!.cookie, 'GET', '/api/support/stats?year=deux')).statusCode).toBe(
      400,
    );
  });
});
