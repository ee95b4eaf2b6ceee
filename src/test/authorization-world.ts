import { randomBytes, randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import { loadDemo } from '../db/seed/demo.ts';
import { insertAction } from '../modules/events/test-fixtures.ts';
import {
  createDelegation,
  type HttpMethod,
  request,
  signedInAs,
  signedInAsFederation,
  TEST_ORIGIN,
  type TestApp,
} from './app.ts';
import type { Samples } from './route-samples.ts';

/**
 * The callers of the authorization matrix; X is the tested delegation, Y another one;
 * `federation` is the national team's account (decision 020), in no delegation.
 */
export const CALLERS = [
  'anonymous',
  'memberA',
  'memberB',
  'staffX',
  'staffY',
  'boardX',
  'adminX',
  'federation',
] as const;
export type Caller = (typeof CALLERS)[number];
export const ROLE_OF = {
  anonymous: null,
  memberA: 'member',
  memberB: 'member',
  staffX: 'staff',
  staffY: 'staff',
  boardX: 'board',
  adminX: 'admin',
  federation: 'federation',
} as const satisfies Record<Caller, string | null>;

export interface World {
  x: string;
  y: string;
  organisationA: string;
  organisationB: string;
  cookies: Record<Caller, string | null>;
  samples: Samples;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/** A multipart/form-data body with one PDF, as a browser's FormData sends it. */
function uploadPdf(t: TestApp, cookie: string, url: string) {
  const boundary = `----maillage${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="piece.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, origin: TEST_ORIGIN, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/**
 * Delegation X is the demo (every registry record kind) plus one record of each kind the
 * demo lacks, made through the API as its staff or as member A; Y is an empty delegation
 * with its own staff.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const x = (await loadDemo(t.database, t.auth)).delegationId;
  const y = (await createDelegation(t.database)).id;
  const one = async (query: SQL, what: string): Promise<string> => {
    const [row] = await queryRows<{ v: string | number }>(t.database.db, query);
    if (row?.v === undefined || row.v === null) throw new Error(`the demo has no ${what}`);
    return String(row.v);
  };
  const [first, second] = await queryRows<{ v: string }>(
    t.database.db,
    sql`select distinct organisation_id::text as v from observatory_submissions where delegation_id = ${x} order by 1 limit 2`,
  );
  if (!first || !second) throw new Error('the demo has fewer than two organisations with answers');
  const organisationA = first.v;
  const organisationB = second.v;

  const member = (organisationId: string) =>
    signedInAs(t, { delegationId: x, role: 'member', organisationId }).then((s) => s.cookie);
  const cookies: Record<Caller, string | null> = {
    anonymous: null,
    memberA: await member(organisationA),
    memberB: await member(organisationB),
    staffX: (await signedInAs(t, { delegationId: x, role: 'staff' })).cookie,
    staffY: (await signedInAs(t, { delegationId: y, role: 'staff' })).cookie,
    boardX: (await signedInAs(t, { delegationId: x, role: 'board' })).cookie,
    adminX: (await signedInAs(t, { delegationId: x, role: 'admin' })).cookie,
    federation: (await signedInAsFederation(t)).cookie,
  };
  const cookieOf = (who: Caller) => {
    const cookie = cookies[who];
    if (!cookie) throw new Error(`${who} is not signed in`);
    return cookie;
  };
  // Failures are gathered and thrown together at the end, so that one run names them all.
  const failures: string[] = [];
  const make = async (who: Caller, method: HttpMethod, url: string, payload?: object) => {
    const response = await request(t, cookies[who], method, url, payload);
    if (response.statusCode < 300) return response.json();
    failures.push(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return { id: randomUUID(), items: [{ id: randomUUID() }], problems: [{ key: 'x' }], url: '/feeds/x.ics' };
  };
  const post = (url: string, payload?: object) => make('staffX', 'POST', url, payload);
  const ofA = sql`delegation_id = ${x} and organisation_id = ${organisationA}`;

  // The demo's campaigns are closed: an open one, where member A has started its form.
  const conventionType = await one(
    sql`select type::text as v from conventions where ${ofA} limit 1`,
    'convention',
  );
  const year = await one(
    sql`select max(year) + 1 as v from observatory_campaigns where delegation_id = ${x}`,
    'campaign',
  );
  const campaign = (
    await post('/api/observatory/campaigns', {
      year: Number(year),
      title: 'Observatoire de la matrice',
      opensOn: `${Number(year) + 1}-01-15`,
      deadline: `${Number(year) + 1}-03-31`,
    })
  ).id;
  await make('staffX', 'PATCH', `/api/observatory/campaigns/${campaign}`, { status: 'open' });
  const submission = (
    await make('memberA', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
      conventionType,
      values: {},
    })
  ).id;
  // A ZEST' programme: the only kind with training sessions besides members and links.
  const project = (
    await post('/api/territories/projects', {
      kind: 'zest',
      name: 'ZEST’ BTP',
      sector: 'BTP',
      departments: ['34'],
    })
  ).id;
  const practiceGroup = await one(
    sql`select id::text as v from practice_groups where delegation_id = ${x} order by id limit 1`,
    'practice group',
  );
  const training = await one(
    sql`select id::text as v from training_sessions where delegation_id = ${x} limit 1`,
    'training',
  );
  const supportFile = (
    await post('/api/support/files', {
      organisationId: organisationA,
      subject: 'fse_plus_application',
      title: 'FSE+',
    })
  ).id;
  const supportDocument = await uploadPdf(
    t,
    cookieOf('staffX'),
    `/api/support/files/${supportFile}/documents`,
  );
  const submissionDocument = await uploadPdf(
    t,
    cookieOf('memberA'),
    `/api/observatory/submissions/${submission}/documents`,
  );
  for (const upload of [supportDocument, submissionDocument])
    if (upload.statusCode !== 201) failures.push(`upload: ${upload.statusCode} ${upload.body}`);
  const event = await insertAction(t, x, { title: 'Atelier de la matrice' });
  const calendar = await make('memberA', 'POST', '/api/calendar/token');
  const calendarToken = /feeds\/([^/]+)\.ics$/.exec(calendar.url)?.[1] ?? '';
  if (!calendarToken) failures.push(`calendar token: no token in ${calendar.url}`);
  const buyer = await one(sql`select id::text as v from buyers where delegation_id = ${x} limit 1`, 'buyer');
  const opportunity = (
    await post('/api/purchasing/opportunities', { buyerId: buyer, title: 'Entretien', kind: 'quote' })
  ).id;
  const certification = (
    await post('/api/quality-approaches/certifications', {
      organisationId: organisationA,
      label: 'Qualiopi',
      status: 'certified',
    })
  ).id;
  const grid = (await post('/api/quality-approaches/grids/default')).id;
  const problem = (await make('staffX', 'GET', '/api/members/quality')).problems[0];
  await post('/api/support/interview-templates/2024/default');
  // Done, since a member reads its interview only then.
  await make('staffX', 'PUT', `/api/support/interviews/2024/${organisationA}`, {
    status: 'done',
    heldOn: '2024-06-01',
    answers: {
      situation_generale: 'Stable',
      sante_structure: 4,
      situation_financiere: 'Saine',
      satisfaction_reseau: 5,
      attentes_reseau: 'Formations',
    },
  });
  const [declaredFigure] = await queryRows<{ year: number; key: string }>(
    t.database.db,
    sql`select year, key from declared_figures where delegation_id = ${x} limit 1`,
  );
  const [declaredIndicator] = await queryRows<{ year: number; code: string }>(
    t.database.db,
    sql`select year, indicator_code as code from observatory_declared where delegation_id = ${x} limit 1`,
  );
  if (!declaredFigure || !declaredIndicator) throw new Error('the demo has no declared figures');

  const samples: Samples = {
    invitationToken: randomBytes(16).toString('hex'),
    // The demo's own administrator account: not one of the matrix's callers, and adminX
    // remains an administrator whatever is done to it.
    user: await one(sql`select id as v from users where email = 'admin@demo.maillage.fr'`, 'admin account'),
    invitation: (
      await make('adminX', 'POST', '/api/admin/invitations', { email: 'matrice@example.org', role: 'staff' })
    ).id,
    organisation: organisationA,
    historyEntry: await one(
      sql`select id::text as v from audit_log where record_id = ${organisationA} order by id limit 1`,
      'history entry',
    ),
    establishment: await one(
      sql`select id::text as v from establishments where ${ofA} limit 1`,
      'establishment',
    ),
    convention: await one(sql`select id::text as v from conventions where ${ofA} limit 1`, 'convention'),
    membership: await one(
      sql`select id::text as v from membership_periods where ${ofA} limit 1`,
      'membership',
    ),
    contact: (
      await post(`/api/members/organisations/${organisationA}/contacts`, {
        lastName: 'Durand',
        purpose: 'Suivi',
        consent: true,
      })
    ).id,
    qualityAcceptance: (await post('/api/members/quality/acceptances', { key: problem.key, reason: 'Connu' }))
      .id,
    assembly: await one(
      sql`select id::text as v from general_assemblies where delegation_id = ${x}`,
      'assembly',
    ),
    staffMember: await one(
      sql`select id::text as v from staff_members where delegation_id = ${x} limit 1`,
      'staff member',
    ),
    mandate: await one(
      sql`select id::text as v from board_mandates where delegation_id = ${x} limit 1`,
      'mandate',
    ),
    memberGroup: (
      await post('/api/governance/groups', {
        name: 'GES',
        kind: 'ges',
        organisationIds: [organisationA, organisationB],
      })
    ).id,
    year: '2024',
    duesCall: (await post('/api/dues/calls', { organisationId: organisationA, year: 2024, amount: 100 })).id,
    event,
    registration: (
      await make('memberA', 'POST', `/api/events/${event}/registrations`, {
        firstName: 'Alix',
        lastName: 'Martin',
        email: 'alix.martin@example.org',
      })
    ).id,
    calendarToken,
    partner: await one(sql`select id::text as v from partners where delegation_id = ${x} limit 1`, 'partner'),
    action: await one(sql`select id::text as v from actions where delegation_id = ${x} limit 1`, 'action'),
    practiceGroup,
    practiceGroupPerson: (
      await post(`/api/practice-groups/${practiceGroup}/people`, {
        organisationId: organisationA,
        firstName: 'Sam',
        lastName: 'Petit',
      })
    ).id,
    practiceGroupMeeting: (
      await post(`/api/practice-groups/${practiceGroup}/meetings`, {
        startsOn: '2024-05-02',
        online: true,
        visibility: 'internal',
      })
    ).id,
    training,
    trainee: (
      await post(`/api/trainings/${training}/trainees`, { firstName: 'Lou', lastName: 'Roux', hours: 3 })
    ).id,
    declaredFigureYear: String(declaredFigure.year),
    declaredFigureKey: declaredFigure.key,
    supportFile,
    supportTimeEntry: (
      await post(`/api/support/files/${supportFile}/time`, { spentOn: '2024-02-03', minutes: 30 })
    ).id,
    supportNote: (await post(`/api/support/files/${supportFile}/notes`, { body: 'Point budget' })).id,
    supportDocument: supportDocument.json().id ?? randomUUID(),
    campaign,
    indicator: await one(
      sql`select id::text as v from observatory_indicators where campaign_id = ${campaign} limit 1`,
      'indicator',
    ),
    conventionType,
    submission,
    submissionDocument: submissionDocument.json().id ?? randomUUID(),
    declaredIndicatorYear: String(declaredIndicator.year),
    declaredIndicatorCode: declaredIndicator.code,
    funder: (await post('/api/funders', { name: 'Fondation Garonne', kind: 'foundation' })).id,
    certification,
    certificationAudit: (
      await post(`/api/quality-approaches/certifications/${certification}/audits`, {
        kind: 'initial',
        heldOn: '2024-03-01',
        result: 'passed',
      })
    ).id,
    grid,
    assessment: (
      await make('memberA', 'POST', '/api/quality-approaches/assessments', {
        gridId: grid,
        assessedOn: '2024-03-01',
      })
    ).id,
    progressAction: (
      await make('memberA', 'POST', '/api/quality-approaches/progress-actions', { title: 'Plan' })
    ).id,
    cohort: (await post('/api/quality-approaches/cohorts', { name: 'Groupe', programme: 'CAP RSE' })).id,
    buyer,
    opportunity,
    opportunityMatch: (
      await post(`/api/purchasing/opportunities/${opportunity}/matches`, { organisationIds: [organisationA] })
    ).items[0].id,
    territorialProject: project,
    projectMember: (
      await post(`/api/territories/projects/${project}/members`, { organisationId: organisationA })
    ).id,
    projectLink: (await post(`/api/territories/projects/${project}/links`, { supportFileId: supportFile }))
      .id,
    projectSession: (await post(`/api/territories/projects/${project}/sessions`, { title: 'Comité' })).id,
  };
  if (failures.length > 0) throw new Error(`could not create the matrix's records:\n${failures.join('\n')}`);
  return { x, y, organisationA, organisationB, cookies, samples };
}
