import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/client.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createTestApp, type HttpMethod, request, signIn, type TestApp } from '../../test/app.ts';
import { expectFieldError, routeWorld, SAMPLE_ORGANISATIONS } from '../../test/route-world.ts';
import { auditLog } from '../audit/audit.table.ts';

const w = routeWorld();
const { call } = w;

let admin: string;
let member: string;
const orgs: Record<string, string> = {};
let assemblyId: string;

const names = (items: { lastName: string }[]) => items.map((m) => m.lastName).sort();

beforeAll(async () => {
  admin = await w.as('admin');
  Object.assign(
    orgs,
    await w.addOrganisations(w.staff, {
      chorus: {},
      regain: {},
      regain2: { ...SAMPLE_ORGANISATIONS.regain, name: 'REGAIN CHANTIERS' },
      irisse: {},
    }),
  );
  member = await w.as('member', orgs.chorus ?? null);
});

describe('general assemblies', () => {
  it('records an assembly with its place, hosts, decisions and elections, and edits it', async () => {
    const created = await call(w.staff, 'POST', '/api/governance/assemblies', {
      heldOn: '2027-06-10',
      kind: 'ordinary',
      place: 'Rodez',
      hosts: 'CHORUS',
      decisions: 'Rapport moral adopté.',
      elections: 'Renouvellement du conseil.',
    });
    expect(created.statusCode, created.body).toBe(201);
    assemblyId = created.json().id;
    const edited = await call(admin, 'PATCH', `/api/governance/assemblies/${assemblyId}`, {
      place: 'Rodez, salle des fêtes',
    });
    expect(edited.json()).toMatchObject({ heldOn: '2027-06-10', place: 'Rodez, salle des fêtes' });
    const list = (await call(w.board, 'GET', '/api/governance/assemblies')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ hosts: 'CHORUS', decisions: 'Rapport moral adopté.' });

    const missing = await call(w.staff, 'PATCH', `/api/governance/assemblies/${crypto.randomUUID()}`, {
      place: 'x',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('governance.assembly_not_found');
    const bad = await call(w.staff, 'POST', '/api/governance/assemblies', {
      heldOn: '10/06/2027',
      kind: 'ordinary',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('heldOn');
  });
});

describe('mandates', () => {
  it('elects a board in 2024, then a new one at the 2027 assembly, and answers the board at a date', async () => {
    const elect = (body: object) => call(w.staff, 'POST', '/api/governance/mandates', body);
    const first = [
      {
        firstName: 'Sylvia',
        lastName: 'RICCI',
        organisationId: orgs.chorus,
        role: 'president',
        nationalRepresentative: true,
      },
      { firstName: 'Jean', lastName: 'MARTIN', organisationName: 'LE TREMLIN', role: 'treasurer' },
      { firstName: 'Anne', lastName: 'DURAND', organisationId: orgs.regain, role: null },
    ];
    for (const m of first) {
      const response = await elect({
        department: '12',
        nationalRepresentative: false,
        ...m,
        electedOn: '2024-05-16',
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const ricci = (await call(w.board, 'GET', '/api/governance/mandates?person=ricci')).json().items[0];
    // Linked to an organisation, the mandate carries that organisation's name.
    expect(ricci).toMatchObject({ organisationName: 'CHORUS', role: 'president', generalAssemblyId: null });

    // MARTIN leaves the day before the 2027 assembly; DUPONT is elected at it, with no date typed.
    const martin = (await call(w.board, 'GET', '/api/governance/mandates?person=Jean%20Martin')).json()
      .items[0];
    const ended = await call(w.staff, 'PATCH', `/api/governance/mandates/${martin.id}`, {
      endsOn: '2027-06-09',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const dupont = await elect({
      firstName: 'Léa',
      lastName: 'DUPONT',
      organisationId: orgs.regain2,
      role: 'treasurer',
      nationalRepresentative: false,
      generalAssemblyId: assemblyId,
    });
    expect(dupont.statusCode, dupont.body).toBe(201);
    expect(dupont.json()).toMatchObject({
      electedOn: '2027-06-10',
      generalAssemblyId: assemblyId,
      endsOn: null,
    });

    const boardAt = async (at: string) => {
      const response = await call(w.board, 'GET', `/api/governance/board?at=${at}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().at).toBe(at);
      return response.json().items;
    };
    expect(names(await boardAt('2024-05-15'))).toEqual([]);
    expect(names(await boardAt('2026-01-01'))).toEqual(['DURAND', 'MARTIN', 'RICCI']);
    expect(names(await boardAt('2027-06-09'))).toEqual(['DURAND', 'MARTIN', 'RICCI']);
    const after = await boardAt('2027-06-10');
    expect(names(after)).toEqual(['DUPONT', 'DURAND', 'RICCI']);
    // Administrateur·rice: a mandate without a bureau role.
    expect(after.find((m: { lastName: string }) => m.lastName === 'DURAND').role).toBeNull();
    expect(after.find((m: { lastName: string }) => m.lastName === 'DUPONT')).toMatchObject({
      role: 'treasurer',
      organisationName: 'REGAIN CHANTIERS',
      generalAssemblyId: assemblyId,
    });
    // Without a date: today's board (every mandate of 2024 still runs unless ended).
    const today = (await call(member, 'GET', '/api/governance/board')).json();
    expect(today.at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps the history of a person and of an organisation, newest first', async () => {
    const ricci = await call(w.staff, 'GET', '/api/governance/mandates?person=ricci');
    const id = ricci.json().items[0].id;
    // RICCI steps down from the presidency on 10 June 2027 and is re-elected as a director.
    expect(
      (await call(w.staff, 'PATCH', `/api/governance/mandates/${id}`, { endsOn: '2027-06-09' })).statusCode,
    ).toBe(200);
    const again = await call(admin, 'POST', '/api/governance/mandates', {
      firstName: 'Sylvia',
      lastName: 'Ricci',
      organisationId: orgs.chorus,
      role: null,
      nationalRepresentative: true,
      generalAssemblyId: assemblyId,
    });
    expect(again.statusCode, again.body).toBe(201);
    const history = (await call(w.board, 'GET', '/api/governance/mandates?person=Sylvia%20RICCI')).json()
      .items;
    expect(
      history.map((m: { electedOn: string; role: string | null; endsOn: string | null }) => [
        m.electedOn,
        m.role,
        m.endsOn,
      ]),
    ).toEqual([
      ['2027-06-10', null, null],
      ['2024-05-16', 'president', '2027-06-09'],
    ]);
    const ofChorus = (
      await call(w.board, 'GET', `/api/governance/mandates?organisationId=${orgs.chorus}`)
    ).json().items;
    expect(ofChorus).toHaveLength(2);
    const all = (await call(w.board, 'GET', '/api/governance/mandates')).json().items;
    expect(all).toHaveLength(5);
    expect(all[0].electedOn).toBe('2027-06-10');
  });

  it('refuses a second mandate of the same person on overlapping dates, in French', async () => {
    const overlap = await call(w.staff, 'POST', '/api/governance/mandates', {
      firstName: 'anne',
      lastName: 'Durand',
      organisationName: 'AUTRE',
      role: 'secretary',
      nationalRepresentative: false,
      electedOn: '2025-01-01',
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({ code: 'governance.mandate_overlap' });
    expect(overlap.json().error.message).toContain('Anne DURAND a déjà un mandat');
    // Extending an ended mandate over a later one is refused too.
    const old = (await call(w.staff, 'GET', '/api/governance/mandates?person=ricci')).json().items[1];
    const reopen = await call(w.staff, 'PATCH', `/api/governance/mandates/${old.id}`, { endsOn: null });
    expect(reopen.statusCode).toBe(409);
  });

  it('changes a role, links an organisation, and checks dates and references by field', async () => {
    const durand = (await call(w.staff, 'GET', '/api/governance/mandates?person=durand')).json().items[0];
    const promoted = await call(w.staff, 'PATCH', `/api/governance/mandates/${durand.id}`, {
      role: 'secretary',
    });
    expect(promoted.json().role).toBe('secretary');
    const martin = (await call(w.staff, 'GET', '/api/governance/mandates?person=martin')).json().items[0];
    expect(martin.organisationId).toBeNull();
    const linked = await call(w.staff, 'PATCH', `/api/governance/mandates/${martin.id}`, {
      organisationId: orgs.regain,
    });
    expect(linked.json()).toMatchObject({ organisationId: orgs.regain, organisationName: 'REGAIN' });

    const early = await call(w.staff, 'PATCH', `/api/governance/mandates/${durand.id}`, {
      endsOn: '2020-01-01',
    });
    expectFieldError(early, 422, { field: 'endsOn', code: 'governance.ends_before_elected' });
    const noOrg = await call(w.staff, 'POST', '/api/governance/mandates', {
      firstName: 'Paul',
      lastName: 'SANS',
      role: null,
      nationalRepresentative: false,
      electedOn: '2025-01-01',
    });
    expect(noOrg.json().error.fields[0].field).toBe('organisationName');
    const unknownOrg = await call(w.staff, 'POST', '/api/governance/mandates', {
      firstName: 'Paul',
      lastName: 'SANS',
      organisationId: crypto.randomUUID(),
      role: null,
      nationalRepresentative: false,
      electedOn: '2025-01-01',
    });
    expectFieldError(unknownOrg, 422, { field: 'organisationId', code: 'governance.organisation_unknown' });
    const wrongDate = await call(w.staff, 'POST', '/api/governance/mandates', {
      firstName: 'Paul',
      lastName: 'SANS',
      organisationName: 'X',
      role: null,
      nationalRepresentative: false,
      electedOn: '2027-01-01',
      generalAssemblyId: assemblyId,
    });
    expect(wrongDate.json().error.fields[0].message).toContain('10/06/2027');
    const badRole = await call(w.staff, 'PATCH', `/api/governance/mandates/${durand.id}`, { role: 'chair' });
    expect(badRole.statusCode).toBe(400);
  });

  it('leaves every write in the audit log with its author', async () => {
    const rows = await withTenant(w.t.database.db, { delegationId: w.delegationId, userId: null }, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tableName, 'board_mandates'), eq(auditLog.actorUserId, w.users.staff.userId))),
    );
    expect(rows.filter((r) => r.action === 'insert').length).toBeGreaterThanOrEqual(4);
    expect(rows.some((r) => r.action === 'update')).toBe(true);
  });
});

describe('member groups', () => {
  let gesId: string;

  it('groups a structure porteuse with its ACI and a GES with at least two organisations', async () => {
    const porteuse = await call(w.staff, 'POST', '/api/governance/groups', {
      name: 'REGAIN (structure porteuse)',
      kind: 'structure_porteuse',
      organisationIds: [orgs.regain, orgs.regain2],
    });
    expect(porteuse.statusCode, porteuse.body).toBe(201);
    expect(porteuse.json().organisations.map((o: { name: string }) => o.name)).toEqual([
      'REGAIN',
      'REGAIN CHANTIERS',
    ]);

    const lonelyGes = await call(w.staff, 'POST', '/api/governance/groups', {
      name: 'GES IRISSE',
      kind: 'ges',
      organisationIds: [orgs.irisse, orgs.irisse],
    });
    expectFieldError(lonelyGes, 422, { field: 'organisationIds', code: 'governance.ges_too_small' });
    const empty = await call(w.staff, 'POST', '/api/governance/groups', {
      name: 'Vide',
      kind: 'structure_porteuse',
      organisationIds: [],
    });
    expect(empty.json().error.fields[0].code).toBe('governance.group_empty');
    const unknown = await call(w.staff, 'POST', '/api/governance/groups', {
      name: 'GES IRISSE',
      kind: 'ges',
      organisationIds: [orgs.irisse, crypto.randomUUID()],
    });
    expectFieldError(unknown, 422, { field: 'organisationIds.1', code: 'governance.organisation_unknown' });

    const ges = await call(admin, 'POST', '/api/governance/groups', {
      name: 'GES IRISSE',
      kind: 'ges',
      note: 'Groupe économique solidaire',
      organisationIds: [orgs.irisse, orgs.chorus],
    });
    expect(ges.statusCode).toBe(201);
    gesId = ges.json().id;
  });

  it('replaces the organisations of a group, keeps its rules, and deletes it', async () => {
    const shrunk = await call(w.staff, 'PATCH', `/api/governance/groups/${gesId}`, {
      organisationIds: [orgs.irisse],
    });
    expect(shrunk.json().error.fields[0].code).toBe('governance.ges_too_small');
    const replaced = await call(w.staff, 'PATCH', `/api/governance/groups/${gesId}`, {
      name: 'GES IRISSE 31',
      organisationIds: [orgs.irisse, orgs.regain],
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ name: 'GES IRISSE 31', note: 'Groupe économique solidaire' });
    expect(replaced.json().organisations.map((o: { name: string }) => o.name)).toEqual(['IRISSE', 'REGAIN']);
    const list = (await call(w.board, 'GET', '/api/governance/groups')).json().items;
    expect(list.map((g: { name: string }) => g.name)).toEqual([
      'GES IRISSE 31',
      'REGAIN (structure porteuse)',
    ]);

    expect((await call(w.staff, 'DELETE', `/api/governance/groups/${gesId}`)).statusCode).toBe(204);
    expect((await call(w.staff, 'DELETE', `/api/governance/groups/${gesId}`)).statusCode).toBe(404);
    expect((await call(w.board, 'GET', '/api/governance/groups')).json().items).toHaveLength(1);
  });

  it('does not change the member count', async () => {
    const stats = await w.t.app.inject({
      method: 'GET',
      url: `/api/public/stats/members?year=2024&delegation=${(await slugOf()) ?? ''}`,
    });
    // Four organisations, one convention each: the structure porteuse group counts nothing more or less.
    expect(stats.json().total).toBe(4);
  });
});

describe('access and isolation', () => {
  it('lets the board read but not write, and refuses members and anonymous callers', async () => {
    const writes: [HttpMethod, string, object][] = [
      ['POST', '/api/governance/assemblies', { heldOn: '2028-01-01', kind: 'ordinary' }],
      ['PATCH', `/api/governance/assemblies/${assemblyId}`, { place: 'x' }],
      [
        'POST',
        '/api/governance/mandates',
        { firstName: 'A', lastName: 'B', organisationName: 'C', role: null, electedOn: '2028-01-01' },
      ],
      ['POST', '/api/governance/groups', { name: 'G', kind: 'ges', organisationIds: [] }],
    ];
    for (const [method, url, body] of writes) {
      expect((await call(w.board, method, url, body)).statusCode, url).toBe(403);
      expect((await call(member, method, url, body)).statusCode, url).toBe(403);
      expect((await call(null, method, url, body)).statusCode, url).toBe(401);
    }
    for (const url of ['/api/governance/assemblies', '/api/governance/mandates', '/api/governance/groups']) {
      expect((await call(w.board, 'GET', url)).statusCode, url).toBe(200);
      expect((await call(member, 'GET', url)).statusCode, url).toBe(403);
      expect((await call(null, 'GET', url)).statusCode, url).toBe(401);
    }
  });

  it('keeps each delegation to its own assemblies, mandates and groups', async () => {
    for (const url of [
      '/api/governance/assemblies',
      '/api/governance/mandates',
      '/api/governance/groups',
      '/api/governance/board?at=2027-06-10',
    ]) {
      expect((await call(w.otherStaff, 'GET', url)).json().items, url).toEqual([]);
    }
    expect(
      (await call(w.otherStaff, 'PATCH', `/api/governance/assemblies/${assemblyId}`, { place: 'x' }))
        .statusCode,
    ).toBe(404);
    const mandate = (await call(w.staff, 'GET', '/api/governance/mandates')).json().items[0];
    expect(
      (await call(w.otherStaff, 'PATCH', `/api/governance/mandates/${mandate.id}`, { endsOn: null }))
        .statusCode,
    ).toBe(404);
    const foreignOrg = await call(w.otherStaff, 'POST', '/api/governance/groups', {
      name: 'GES',
      kind: 'ges',
      organisationIds: [orgs.irisse, orgs.chorus],
    });
    expect(foreignOrg.statusCode).toBe(422);
    const foreignAssembly = await call(w.otherStaff, 'POST', '/api/governance/mandates', {
      firstName: 'A',
      lastName: 'B',
      organisationName: 'C',
      role: null,
      nationalRepresentative: false,
      generalAssemblyId: assemblyId,
    });
    expect(foreignAssembly.json().error.fields[0]).toMatchObject({ field: 'generalAssemblyId' });
  });
});

describe('the demo board', () => {
  // The demo on a database of its own (copied from the worker's demo template).
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp({ demo: true });
  });
  afterAll(() => demo.close());

  it('stays as printed: 17 mandates elected on 16 May 2024 by the assembly the chronicle tells of', async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === 'board');
    const cookie = await signIn(demo, account?.email ?? '', DEMO_PASSWORD);
    const on = (method: HttpMethod, url: string) => request(demo, cookie, method, url);
    const at = async (date: string) =>
      (await on('GET', `/api/governance/board?at=${date}`)).json().items as {
        generalAssemblyId: string | null;
        electedOn: string;
      }[];
    const elected = await at('2024-05-16');
    expect(elected).toHaveLength(17);
    expect(await at('2024-05-15')).toEqual([]);
    // The chronicle says where the assembly met and who hosted it; it lists no decision.
    const assemblies = (await on('GET', '/api/governance/assemblies')).json().items;
    expect(assemblies).toHaveLength(1);
    expect(assemblies[0]).toMatchObject({
      heldOn: '2024-05-16',
      place: 'Villefranche-de-Rouergue (12)',
      hosts: "Recyclerie du Rouergue et Inter'Emploi",
      decisions: null,
    });
    expect(
      elected.every((m) => m.generalAssemblyId === assemblies[0].id && m.electedOn === '2024-05-16'),
    ).toBe(true);
  });
});

async function slugOf(): Promise<string | undefined> {
  const { delegations } = await import('../delegations/delegations.table.ts');
  const [row] = await w.t.database.db.select().from(delegations).where(eq(delegations.id, w.delegationId));
  return row?.slug;
}
