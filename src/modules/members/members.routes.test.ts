import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, signedInAs, TEST_ORIGIN, type TestApp } from '../../test/app.ts';
import { callerAs, expectFieldError, fieldNames } from '../../test/route-world.ts';
import { checkSiren, checkSiret } from './members.validation.ts';

let t: TestApp;
const users: Record<'staff' | 'admin' | 'board' | 'member' | 'otherStaff', { cookie: string }> = {} as never;
const ids: Record<string, string> = {};

/** Completes 13 digits with the Luhn key digit that makes a valid SIRET. */
function siret(first13: string): string {
  for (let d = 0; d <= 9; d++) if (checkSiret(first13 + d).ok) return first13 + d;
  throw new Error('no key');
}
/** Completes 8 digits with the Luhn key digit that makes a valid SIREN. */
function siren(first8: string): string {
  for (let d = 0; d <= 9; d++) if (checkSiren(first8 + d).ok) return first8 + d;
  throw new Error('no key');
}
const RELAIS_SIREN = siren('42112345');
/** A join date: without one a new organisation is a prospect, out of the default (current) list. */
const MEMBER = { joinedOn: '2024-01-01' };

const call = callerAs(() => t, users);
type As = keyof typeof users | null;
const list = async (as: As, query: string) =>
  (await call(as, 'GET', `/api/members/organisations?${query}`)).json();
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

async function create(body: Record<string, unknown>): Promise<string> {
  const response = await call('staff', 'POST', '/api/members/organisations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createDelegation(t.database);
  const b = await createDelegation(t.database);
  users.staff = await signedInAs(t, { delegationId: a.id, role: 'staff' });
  users.admin = await signedInAs(t, { delegationId: a.id, role: 'admin' });
  users.board = await signedInAs(t, { delegationId: a.id, role: 'board' });
  users.otherStaff = await signedInAs(t, { delegationId: b.id, role: 'staff' });

  ids.apa = await create({
    name: 'ARIÈGE PROFESSION ANIMATION',
    establishment: {
      address: '21 rue des Moulins',
      postcode: '09000',
      city: 'FOIX',
      email: 'apa09@orange.fr',
      siret: siret('7328293200009'),
    },
    conventionTypes: ['AI'],
    joinedOn: '2020-01-01',
  });
  ids.bati = await create({
    ...MEMBER,
    name: 'BATI +',
    establishment: { postcode: '09600', city: 'LE PEYRAT' },
    conventionTypes: ['ACI'],
  });
  ids.interem = await create({
    ...MEMBER,
    name: "INTER'EM",
    establishment: { postcode: '31700', city: 'BLAGNAC' },
    conventionTypes: ['ACI', 'AI'],
  });
  ids.ailes = await create({
    ...MEMBER,
    name: 'AILES',
    establishment: { postcode: '31250', city: 'REVEL' },
    conventionTypes: [],
  });
  const convention = await call('staff', 'POST', `/api/members/organisations/${ids.ailes}/conventions`, {
    type: 'AI',
    departments: ['31', '81'],
  });
  expect(convention.statusCode, convention.body).toBe(201);
  ids.avie = await create({
    ...MEMBER,
    name: 'AVIE',
    establishment: { postcode: '31340', city: 'VILLEMUR SUR TARN' },
    conventionTypes: ['AI'],
  });
  const montauban = await call('staff', 'POST', `/api/members/organisations/${ids.avie}/establishments`, {
    postcode: '82000',
    city: 'MONTAUBAN',
  });
  expect(montauban.statusCode, montauban.body).toBe(201);
  ids.avieMontauban = montauban.json().id;
  ids.former = await create({
    name: 'ANCIEN ADHÉRENT',
    establishment: { postcode: '12000', city: 'RODEZ' },
    conventionTypes: ['EI'],
    joinedOn: '2019-01-01',
  });
  const record = (await call('staff', 'GET', `/api/members/organisations/${ids.former}`)).json();
  const left = await call('staff', 'PATCH', `/api/members/memberships/${record.memberships[0].id}`, {
    leftOn: '2023-12-31',
    leaveReason: 'Cessation d’activité',
  });
  expect(left.statusCode, left.body).toBe(200);
  ids.other = await (async () => {
    const response = await call('otherStaff', 'POST', '/api/members/organisations', {
      name: 'ARIÈGE AUTRE DÉLÉGATION',
      establishment: { postcode: '09000' },
      conventionTypes: ['AI'],
    });
    return response.json().id;
  })();
  users.member = await signedInAs(t, { delegationId: a.id, role: 'member', organisationId: ids.apa });
});
afterAll(async () => {
  await t?.close();
});

describe('access', () => {
  it('asks anonymous callers to sign in', async () => {
    const response = await call(null, 'GET', '/api/members/organisations');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.required');
  });

  it('lets the board read the registry but not create in it', async () => {
    expect((await call('board', 'GET', '/api/members/organisations')).statusCode).toBe(200);
    expect((await call('board', 'GET', `/api/members/organisations/${ids.apa}`)).statusCode).toBe(200);
    const response = await call('board', 'POST', '/api/members/organisations', {
      name: 'X',
      establishment: {},
      conventionTypes: [],
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.forbidden');
  });

  it('does not show the registry list to member users', async () => {
    expect((await call('member', 'GET', '/api/members/organisations')).statusCode).toBe(403);
  });

  it('shows contacts to the team and the organisation, not to the board', async () => {
    const added = await call('staff', 'POST', `/api/members/organisations/${ids.apa}/contacts`, {
      firstName: 'Marie',
      lastName: 'Dupont',
      email: ' Marie.Dupont@Example.org ',
      phone: '0561029897',
      purpose: 'Correspondante pour l’observatoire',
      consent: true,
    });
    expect(added.statusCode, added.body).toBe(201);
    const forStaff = (await call('staff', 'GET', `/api/members/organisations/${ids.apa}`)).json();
    expect(forStaff.contacts).toMatchObject([
      { lastName: 'Dupont', email: 'marie.dupont@example.org', phone: '05 61 02 98 97' },
    ]);
    expect(forStaff.editable).toBe('all');
    const forMember = (await call('member', 'GET', `/api/members/organisations/${ids.apa}`)).json();
    expect(forMember.contacts).toHaveLength(1);
    expect(forMember.editable).toBe('public');
    const forBoard = (await call('board', 'GET', `/api/members/organisations/${ids.apa}`)).json();
    expect(forBoard.contacts).toEqual([]);
    expect(forBoard.editable).toBe('none');
  });
});

describe('list', () => {
  it('finds names whatever the accents and case', async () => {
    for (const q of ['ariege', 'ARIÈGE', 'Ariège profession']) {
      expect(names(await list('staff', `q=${encodeURIComponent(q)}`)), q).toEqual([
        'ARIÈGE PROFESSION ANIMATION',
      ]);
    }
  });

  it('finds by city, SIRET and e-mail', async () => {
    expect(names(await list('staff', 'q=villemur'))).toEqual(['AVIE']);
    expect(names(await list('staff', 'q=montauban'))).toEqual(['AVIE']);
    expect(names(await list('staff', 'q=732%20829%20320'))).toEqual(['ARIÈGE PROFESSION ANIMATION']);
    expect(names(await list('staff', 'q=apa09%40orange'))).toEqual(['ARIÈGE PROFESSION ANIMATION']);
  });

  it('finds by postcode and by e-mail domain, as its hint promises', async () => {
    for (const q of ['09000', '0900', 'orange.fr', '@orange.fr', 'ORANGE.FR']) {
      expect(names(await list('staff', `q=${encodeURIComponent(q)}`)), q).toContain(
        'ARIÈGE PROFESSION ANIMATION',
      );
    }
    expect(names(await list('staff', 'q=82000'))).toEqual(['AVIE']);
  });

  it('filters by type and by department, including departments a convention covers', async () => {
    expect(names(await list('staff', 'type=ACI'))).toEqual(['BATI +', "INTER'EM"]);
    expect(names(await list('staff', 'department=81'))).toEqual(['AILES']);
    expect(names(await list('staff', 'department=82'))).toEqual(['AVIE']);
    expect(names(await list('staff', 'department=31&type=AI'))).toEqual(['AILES', 'AVIE', "INTER'EM"]);
  });

  it('describes each organisation with its types, departments and first establishment', async () => {
    const [avie] = (await list('staff', 'q=avie')).items;
    expect(avie).toMatchObject({
      types: ['AI'],
      departments: ['31', '82'],
      city: 'VILLEMUR SUR TARN',
      membership: 'current',
    });
    const [interem] = (await list('staff', 'q=inter')).items;
    expect(interem.types).toEqual(['AI', 'ACI']);
    const [ailes] = (await list('staff', 'q=ailes')).items;
    expect(ailes.departments).toEqual(['31', '81']);
  });

  it('lists current members by default, former ones on request', async () => {
    expect(names(await list('staff', ''))).not.toContain('ANCIEN ADHÉRENT');
    const former = await list('staff', 'membership=former');
    expect(former.items).toMatchObject([{ name: 'ANCIEN ADHÉRENT', membership: 'former' }]);
    expect((await list('staff', 'membership=all')).total).toBe((await list('staff', '')).total + 1);
  });

  it('sorts by name, department and last update', async () => {
    const byName = names(await list('staff', 'sort=name'));
    expect(byName).toEqual(['AILES', 'ARIÈGE PROFESSION ANIMATION', 'AVIE', 'BATI +', "INTER'EM"]);
    expect(names(await list('staff', 'sort=-name'))).toEqual([...byName].reverse());
    expect(names(await list('staff', 'sort=department')).slice(0, 2)).toEqual([
      'ARIÈGE PROFESSION ANIMATION',
      'BATI +',
    ]);
    expect(names(await list('staff', 'sort=-department'))[0]).not.toMatch(/ARIÈGE|BATI/);
    await call('staff', 'PATCH', `/api/members/organisations/${ids.bati}`, { legalForm: 'Association' });
    expect(names(await list('staff', 'sort=-updated'))[0]).toBe('BATI +');
  });

  it('pages through the results with a stable total', async () => {
    const all = await list('staff', 'pageSize=100');
    const pages = await Promise.all([1, 2, 3].map((page) => list('staff', `pageSize=2&page=${page}`)));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap(names)).toEqual(names(all));
    expect(pages[1]).toMatchObject({ page: 2, pageSize: 2 });
  });

  it('rejects unknown filter values with a coded 400', async () => {
    for (const query of [
      'type=XYZ',
      'membership=soon',
      'sort=size',
      'pageSize=500',
      'page=0',
      'department=ZZ',
    ]) {
      const response = await call('staff', 'GET', `/api/members/organisations?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.code).toBe('request.invalid');
    }
    const response = await call('staff', 'GET', '/api/members/organisations?type=XYZ');
    expect(response.json().error.fields[0]).toMatchObject({
      field: 'querystring.type',
      code: 'validation.unknown_value',
    });
  });
});

describe('creating an organisation', () => {
  const base = {
    ...MEMBER,
    name: 'LE RELAIS PAYS TOULOUSAIN',
    establishment: { postcode: '31500', city: 'Toulouse' },
    conventionTypes: ['EI'],
  };

  it('explains a wrong SIRET in French, then accepts the corrected one', async () => {
    const good = siret(`${RELAIS_SIREN}0001`);
    const wrong = `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`;
    const refused = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      establishment: { ...base.establishment, siret: wrong },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('validation.failed');
    const [field] = refused.json().error.fields;
    expect(field).toMatchObject({ field: 'establishment.siret', code: 'members.siret_checksum' });
    expect(field.message).toMatch(/SIRET est invalide/);
    expect(names(await list('staff', 'q=relais'))).toEqual([]);

    const accepted = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      establishment: {
        ...base.establishment,
        siret: `${good.slice(0, 3)} ${good.slice(3, 6)} ${good.slice(6)}`,
      },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    ids.relais = accepted.json().id;
    const found = await list('staff', 'q=relais');
    expect(found.items).toMatchObject([
      { id: ids.relais, types: ['EI'], departments: ['31'], membership: 'current' },
    ]);
    const record = (await call('staff', 'GET', `/api/members/organisations/${ids.relais}`)).json();
    expect(record.establishments[0]).toMatchObject({ siret: good, isHeadquarters: true, department: '31' });
  });

  it('refuses a SIRET already registered, and the same name at the same postcode (409)', async () => {
    const sameSiret = await call('staff', 'POST', '/api/members/organisations', {
      name: 'AUTRE NOM',
      establishment: { siret: siret(`${RELAIS_SIREN}0001`) },
      conventionTypes: [],
    });
    expect(sameSiret.statusCode).toBe(409);
    expect(sameSiret.json().error.fields).toMatchObject([
      { field: 'establishment.siret', code: 'members.duplicate_siret' },
    ]);
    const sameName = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      name: 'Le Relais – Pays toulousain',
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.fields).toMatchObject([{ field: 'name', code: 'members.duplicate_name' }]);
  });

  it('checks postcodes and departments', async () => {
    const short = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      name: 'A',
      establishment: { postcode: '8200' },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields).toMatchObject([
      { field: 'establishment.postcode', code: 'members.postcode_format' },
    ]);
    const mismatch = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      name: 'B',
      establishment: { postcode: '31250', department: '81' },
    });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.fields).toMatchObject([{ code: 'members.postcode_department_mismatch' }]);
  });

  it('reports every problem at once, and stores nothing', async () => {
    const response = await call('staff', 'POST', '/api/members/organisations', {
      name: '   ',
      siren: '123456789',
      website: 'javascript:alert(1)',
      establishment: { email: 'pas-une-adresse', phone: '12', siret: siret('4211234500012').slice(0, 12) },
      conventionTypes: ['AI'],
    });
    expect(response.statusCode).toBe(422);
    const fields = response
      .json()
      .error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(fields.sort()).toEqual(
      [
        'name:validation.required',
        'siren:members.siren_checksum',
        'website:members.website_invalid',
        'establishment.siret:members.siret_format',
        'establishment.phone:members.phone_invalid',
        'establishment.email:members.email_invalid',
      ].sort(),
    );
  });

  it('stores phone numbers, e-mails and departments normalised', async () => {
    const id = await create({
      name: 'RÉGIE DE QUARTIER',
      establishment: {
        postcode: '31250',
        phone: '05.61.02.98.97',
        email: ' Contact@Regie.FR ',
        website: 'www.regie.fr',
      },
      conventionTypes: ['ACI'],
    });
    const record = (await call('staff', 'GET', `/api/members/organisations/${id}`)).json();
    expect(record.establishments[0]).toMatchObject({
      phone: '05 61 02 98 97',
      email: 'contact@regie.fr',
      website: 'https://www.regie.fr',
      department: '31',
    });
    expect(record.conventions).toMatchObject([{ type: 'ACI', departments: ['31'] }]);
  });

  it('keeps SQL and HTML typed in text fields as plain data', async () => {
    const name = "'); drop table organisations; --";
    const description = '<script>alert(1)</script>';
    const response = await call('staff', 'POST', '/api/members/organisations', {
      ...MEMBER,
      name,
      description,
      note: "Robert'); DELETE FROM contacts; --",
      establishment: { city: '<img src=x onerror=alert(1)>' },
      conventionTypes: ['AI'],
    });
    expect(response.statusCode, response.body).toBe(201);
    const record = (await call('staff', 'GET', `/api/members/organisations/${response.json().id}`)).json();
    expect(record).toMatchObject({ name, description, note: "Robert'); DELETE FROM contacts; --" });
    expect(record.establishments[0].city).toBe('<img src=x onerror=alert(1)>');
    const searched = await call(
      'staff',
      'GET',
      `/api/members/organisations?q=${encodeURIComponent("%'; drop table x; --_")}`,
    );
    expect(searched.statusCode).toBe(200);
    expect(names(await list('staff', 'q=drop%20table'))).toEqual([name]);
    expect((await list('staff', 'pageSize=100')).total).toBeGreaterThan(5);
  });

  it('answers malformed JSON and unknown values with a coded 400', async () => {
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/members/organisations',
      headers: { cookie: users.staff.cookie, origin: TEST_ORIGIN, 'content-type': 'application/json' },
      payload: '{"name": "oops",',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('request.invalid_json');
    const unknownType = await call('staff', 'POST', '/api/members/organisations', {
      ...base,
      conventionTypes: ['SCOP'],
    });
    expectFieldError(unknownType, 400, { field: 'conventionTypes.0', code: 'validation.unknown_value' });
  });
});

describe('member users', () => {
  it('edit the public profile of their organisation only', async () => {
    const edited = await call('member', 'PATCH', `/api/members/organisations/${ids.apa}`, {
      website: 'apa09.fr',
      description: 'Mise à disposition de personnel',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      website: 'https://apa09.fr',
      description: 'Mise à disposition de personnel',
    });

    const renamed = await call('member', 'PATCH', `/api/members/organisations/${ids.apa}`, { name: 'APA' });
    expect(renamed.statusCode).toBe(403);
    expect(renamed.json().error).toMatchObject({
      code: 'members.field_not_editable',
      fields: [{ field: 'name', code: 'members.field_not_editable' }],
    });
  });

  it('update the phone of their establishment, not its SIRET', async () => {
    const record = (await call('member', 'GET', `/api/members/organisations/${ids.apa}`)).json();
    const establishmentId = record.establishments[0].id;
    const phone = await call('member', 'PATCH', `/api/members/establishments/${establishmentId}`, {
      phone: '+33 5 61 02 98 98',
    });
    expect(phone.statusCode, phone.body).toBe(200);
    expect(phone.json().phone).toBe('05 61 02 98 98');
    const other = await call('member', 'PATCH', `/api/members/establishments/${establishmentId}`, {
      siret: null,
    });
    expect(other.statusCode).toBe(403);
  });

  it('cannot see or touch another organisation', async () => {
    for (const [method, url, payload] of [
      ['GET', `/api/members/organisations/${ids.bati}`, undefined],
      ['GET', `/api/members/organisations/${ids.bati}/history`, undefined],
      ['PATCH', `/api/members/organisations/${ids.bati}`, { website: 'x.fr' }],
    ] as const) {
      const response = await call('member', method, url, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.json().error.code).toBe('record.not_found');
    }
  });
});

describe('history', () => {
  it('lets the board read a record history, without the contacts in it', async () => {
    const url = `/api/members/organisations/${ids.apa}`;
    const contact = await call('staff', 'POST', `${url}/contacts`, {
      lastName: 'Durand',
      purpose: 'Invitations',
      consent: true,
    });
    expect(contact.statusCode).toBe(201);
    const forStaff = await call('staff', 'GET', `${url}/history`);
    expect(forStaff.body).toContain('Durand');
    const forBoard = await call('board', 'GET', `${url}/history`);
    expect(forBoard.statusCode).toBe(200);
    expect(forBoard.json().items.length).toBeGreaterThan(0);
    expect(forBoard.body).not.toContain('Durand');
  });

  it('shows each change with before, after and who made it', async () => {
    const renamed = await call('staff', 'PATCH', `/api/members/organisations/${ids.interem}`, {
      name: 'INTER EMPLOI',
    });
    expect(renamed.statusCode).toBe(200);
    const { items } = (
      await call('staff', 'GET', `/api/members/organisations/${ids.interem}/history`)
    ).json();
    expect(items[0]).toMatchObject({
      tableName: 'organisations',
      action: 'update',
      actorName: 'Test staff',
      changes: [{ field: 'name', before: "INTER'EM", after: 'INTER EMPLOI' }],
    });
    expect(items.some((i: { tableName: string }) => i.tableName === 'conventions')).toBe(true);
    const own = await call('member', 'GET', `/api/members/organisations/${ids.apa}/history`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    // The member's own account (user_roles row bound to this organisation) is not part of the record.
    const tables = new Set(own.json().items.map((i: { tableName: string }) => i.tableName));
    expect(tables.has('user_roles')).toBe(false);
    expect(tables.has('invitations')).toBe(false);
    expect(own.body).not.toContain('token_hash');
  });
});

describe('the internal note (the team only)', () => {
  it('is read by staff, never by the member itself nor the board: record, history, answer to a change', async () => {
    const url = `/api/members/organisations/${ids.apa}`;
    const secret = 'Relance URSSAF en cours, ne pas en parler';
    for (const note of [`${secret} (1)`, secret]) {
      const written = await call('staff', 'PATCH', url, { note });
      expect(written.statusCode, written.body).toBe(200);
      expect(written.json().note).toBe(note);
    }
    const history = await call('staff', 'GET', `${url}/history`);
    expect(history.body).toContain(secret);

    for (const who of ['member', 'board'] as const) {
      const record = await call(who, 'GET', url);
      expect(record.statusCode).toBe(200);
      expect(record.json(), who).not.toHaveProperty('note');
      const changes = await call(who, 'GET', `${url}/history`);
      expect(changes.statusCode).toBe(200);
      expect(changes.body, who).not.toContain(secret);
      // Not even that the note changed, and when.
      const fields = changes.json().items.flatMap((i: { changes: { field: string }[] }) => i.changes);
      expect(fields.map((c: { field: string }) => c.field)).not.toContain('note');
    }
    // The member's own change answers its record, without the note either.
    const own = await call('member', 'PATCH', url, { description: 'Association intermédiaire à Foix.' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).not.toHaveProperty('note');
    expect(own.body).not.toContain(secret);
  });
});

describe('establishments, conventions, memberships, contacts', () => {
  it('manages conventions, refusing a duplicate and an unknown department', async () => {
    const url = `/api/members/organisations/${ids.bati}/conventions`;
    expect((await call('staff', 'POST', url, { type: 'ACI', departments: [] })).statusCode).toBe(409);
    const unknown = await call('staff', 'POST', url, { type: 'EI', departments: ['00'] });
    expect(unknown.json().error.fields).toMatchObject([
      { field: 'departments.0', code: 'members.department_unknown' },
    ]);
    const added = await call('staff', 'POST', url, { type: 'EI', departments: ['09', '11'] });
    expect(added.statusCode).toBe(201);
    expect(names(await list('staff', 'department=11'))).toEqual(['BATI +']);
    expect((await call('staff', 'DELETE', `/api/members/conventions/${added.json().id}`)).statusCode).toBe(
      204,
    );
    expect(names(await list('staff', 'department=11'))).toEqual([]);
  });

  it('keeps membership periods consistent', async () => {
    const url = `/api/members/organisations/${ids.former}/memberships`;
    const backwards = await call('staff', 'POST', url, { joinedOn: '2025-03-01', leftOn: '2025-01-01' });
    expect(backwards.json().error.fields).toMatchObject([
      { field: 'leftOn', code: 'members.left_before_joined' },
    ]);
    const overlapping = await call('staff', 'POST', url, { joinedOn: '2023-01-01' });
    expect(overlapping.json().error.fields).toMatchObject([{ code: 'members.membership_overlap' }]);
    expect((await call('staff', 'POST', url, { joinedOn: '2025-01-01' })).statusCode).toBe(201);
    expect((await list('staff', 'q=ancien')).items).toMatchObject([{ membership: 'current' }]);
  });

  it('adds a second establishment as headquarters when asked, and checks its SIRET against the SIREN', async () => {
    const withSiren = await call('staff', 'PATCH', `/api/members/organisations/${ids.relais}`, {
      siren: RELAIS_SIREN,
    });
    expect(withSiren.statusCode, withSiren.body).toBe(200);
    const wrongSiren = await call('staff', 'PATCH', `/api/members/organisations/${ids.apa}`, {
      siren: RELAIS_SIREN,
    });
    expect(wrongSiren.json().error.fields).toMatchObject([
      { field: 'siren', code: 'members.siret_siren_mismatch' },
    ]);
    const url = `/api/members/organisations/${ids.relais}/establishments`;
    const foreign = await call('staff', 'POST', url, { siret: siret('7328293200010') });
    expect(foreign.json().error.fields).toMatchObject([
      { field: 'siret', code: 'members.siret_siren_mismatch' },
    ]);
    const second = await call('staff', 'POST', url, {
      siret: siret(`${RELAIS_SIREN}0002`),
      postcode: '31000',
      isHeadquarters: true,
    });
    expect(second.statusCode, second.body).toBe(201);
    const record = (await call('staff', 'GET', `/api/members/organisations/${ids.relais}`)).json();
    expect(record.establishments.map((e: { isHeadquarters: boolean }) => e.isHeadquarters)).toEqual([
      true,
      false,
    ]);
    expect(record.establishments[0].id).toBe(second.json().id);
  });

  it('requires a name and a purpose for a contact, and erases it', async () => {
    const url = `/api/members/organisations/${ids.bati}/contacts`;
    const incomplete = await call('staff', 'POST', url, { firstName: 'Jean', consent: false });
    expect(fieldNames(incomplete).sort()).toEqual(['lastName', 'purpose']);
    const added = await call('staff', 'POST', url, {
      lastName: 'Martin',
      purpose: 'Invitations',
      consent: true,
    });
    const id = added.json().id;
    const patched = await call('staff', 'PATCH', `/api/members/contacts/${id}`, { jobTitle: 'Directeur' });
    expect(patched.json()).toMatchObject({ lastName: 'Martin', jobTitle: 'Directeur' });
    expect((await call('staff', 'DELETE', `/api/members/contacts/${id}`)).statusCode).toBe(204);
    expect((await call('staff', 'GET', `/api/members/organisations/${ids.bati}`)).json().contacts).toEqual(
      [],
    );
    expect((await call('staff', 'DELETE', `/api/members/contacts/${id}`)).statusCode).toBe(404);
    // Erased from the history too: the trace of the three changes stays, not the person.
    const history = await call('staff', 'GET', `/api/members/organisations/${ids.bati}/history`);
    const traces = history.json().items.filter((i: { recordId: string }) => i.recordId === id);
    expect(traces.map((i: { action: string }) => i.action)).toEqual(['delete', 'update', 'insert']);
    expect(history.body).not.toContain('Martin');
    expect(history.body).not.toContain('Directeur');
  });

  it('serves reference data with French labels', async () => {
    const body = (await call('member', 'GET', '/api/members/reference')).json();
    expect(body.conventionTypes[0]).toEqual({ code: 'AI', label: 'Association intermédiaire' });
    expect(body.departments).toContainEqual({ code: '09', name: 'Ariège' });
    expect(body.departments.map((d: { code: string }) => d.code)).toEqual(['09', '12', '31', '82']);
  });
});

describe('isolation between delegations', () => {
  it("never shows or lets anyone change another delegation's organisation", async () => {
    expect(names(await list('staff', 'q=ariege'))).not.toContain('ARIÈGE AUTRE DÉLÉGATION');
    expect(names(await list('otherStaff', 'membership=all'))).toEqual(['ARIÈGE AUTRE DÉLÉGATION']);
    for (const [method, url] of [
      ['GET', `/api/members/organisations/${ids.apa}`],
      ['PATCH', `/api/members/organisations/${ids.apa}`],
      ['GET', `/api/members/organisations/${ids.apa}/history`],
      ['POST', `/api/members/organisations/${ids.apa}/contacts`],
    ] as const) {
      const payload =
        method === 'GET'
          ? undefined
          : method === 'PATCH'
            ? { note: 'x' }
            : { lastName: 'X', purpose: 'x', consent: false };
      const response = await call('otherStaff', method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call('staff', 'GET', `/api/members/organisations/${ids.other}`)).statusCode).toBe(404);
  });
});
