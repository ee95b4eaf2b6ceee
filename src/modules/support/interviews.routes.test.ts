import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../test/app.ts';
import { routeWorld } from '../../test/route-world.ts';

const w = routeWorld();

const cookies: Record<string, string> = {};
const orgs: Record<string, string> = {};

const call = (who: string, method: HttpMethod, url: string, payload?: object) =>
  w.call(cookies[who]!, method, url, payload);

type Field = { field: string; code: string; message: string };
const fieldsOf = (body: { error: { fields: Field[] } }) =>
  Object.fromEntries(body.error.fields.map((f) => [f.field, f.code]));

beforeAll(async () => {
  Object.assign(cookies, { staff: w.staff, board: w.board, otherStaff: w.otherStaff });
  for (const [name, joinedOn] of [
    ['CHORUS', '2024-03-01'],
    ['REGAIN', '2025-02-01'],
    ['ANCIEN', '2020-01-01'],
  ] as const)
    orgs[name] = await w.addOrganisation(w.staff, { name, postcode: '31000', types: ['ACI'], joinedOn });
  // ANCIEN left in 2023: not a member in 2025.
  const record = (await call('staff', 'GET', `/api/members/organisations/${orgs.ANCIEN}`)).json();
  const left = await call('staff', 'PATCH', `/api/members/memberships/${record.memberships[0].id}`, {
    leftOn: '2023-12-31',
  });
  expect(left.statusCode, left.body).toBe(200);
  cookies.member = await w.as('member', orgs.CHORUS);
});

const questions = [
  { id: 'situation', label: 'Situation de la structure', kind: 'long_text', required: true },
  { id: 'etp', label: 'Salariés permanents (ETP)', kind: 'number' },
  {
    id: 'finances',
    label: 'Situation financière',
    kind: 'choice',
    options: ['Saine', 'Fragile'],
    required: true,
  },
  { id: 'fse', label: 'Besoin FSE+', kind: 'yes_no', required: true },
  { id: 'satisfaction', label: 'Satisfaction', kind: 'scale' },
];

describe('annual interview templates', () => {
  it('loads the default grid into a year only when asked, once', async () => {
    expect((await call('staff', 'GET', '/api/support/interview-templates/2024')).json().error.code).toBe(
      'support.no_template',
    );
    const loaded = await call('staff', 'POST', '/api/support/interview-templates/2024/default');
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json().title).toBe('Entretien annuel adhérent 2024');
    expect(loaded.json().questions.map((q: { id: string }) => q.id)).toContain('besoin_fse_plus');
    expect((await call('staff', 'POST', '/api/support/interview-templates/2024/default')).statusCode).toBe(
      409,
    );
    expect((await call('otherStaff', 'GET', '/api/support/interview-templates/2024')).statusCode).toBe(404);
  });

  it('refuses duplicate ids, choices without options and options elsewhere, field by field', async () => {
    const bad = await call('staff', 'PUT', '/api/support/interview-templates/2025', {
      title: 'Entretien 2025',
      questions: [
        { id: 'situation', label: 'Situation', kind: 'text' },
        { id: 'situation', label: 'Encore', kind: 'text' },
        { id: 'Besoin FSE', label: 'FSE+', kind: 'yes_no' },
        { id: 'finances', label: 'Finances', kind: 'choice', options: ['Saine'] },
        { id: 'etp', label: 'ETP', kind: 'number', options: ['1', '2'] },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad.json())).toEqual({
      'questions.1.id': 'support.question_id_duplicate',
      'questions.2.id': 'support.question_id_format',
      'questions.3.options': 'support.choice_needs_options',
      'questions.4.options': 'support.options_only_for_choice',
    });
    expect(bad.json().error.fields[0].message).toBe(
      'Cet identifiant est déjà utilisé par une autre question.',
    );
    const wrongKind = await call('staff', 'PUT', '/api/support/interview-templates/2025', {
      title: 'Entretien 2025',
      questions: [{ id: 'x', label: 'X', kind: 'date' }],
    });
    expect(fieldsOf(wrongKind.json())).toEqual({ 'questions.0.kind': 'validation.unknown_value' });
    const saved = await call('staff', 'PUT', '/api/support/interview-templates/2025', {
      title: 'Entretien 2025',
      questions,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call('board', 'GET', '/api/support/interview-templates/2025')).statusCode).toBe(403);
  });
});

describe('annual interviews', () => {
  const url = () => `/api/support/interviews/2025/${orgs.CHORUS}`;

  it('lists the year’s members, none started', async () => {
    const list = (await call('staff', 'GET', '/api/support/interviews?year=2025')).json();
    expect(list.template).toMatchObject({ title: 'Entretien 2025', questions: 5 });
    expect(
      list.items.map((i: { organisationName: string; status: string }) => [i.organisationName, i.status]),
    ).toEqual([
      ['CHORUS', 'not_started'],
      ['REGAIN', 'not_started'],
    ]);
  });

  it('saves an incomplete draft, and names each missing question when marked done', async () => {
    const draft = await call('staff', 'PUT', url(), {
      answers: { situation: 'Stable', etp: null },
      status: 'draft',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().interview).toMatchObject({
      status: 'draft',
      answers: { situation: 'Stable' },
      completedAt: null,
    });
    expect(draft.json().interview.interviewerName).toBe('Test staff');

    const incomplete = await call('staff', 'PUT', url(), {
      answers: { situation: 'Stable', etp: 4.5 },
      status: 'done',
    });
    expect(incomplete.statusCode).toBe(422);
    expect(fieldsOf(incomplete.json())).toEqual({
      'answers.finances': 'support.answer_required',
      'answers.fse': 'support.answer_required',
    });
    expect(incomplete.json().error.fields[0].message).toBe(
      'Cette question est obligatoire pour terminer l’entretien.',
    );
    // Nothing of the refused save was kept.
    expect((await call('staff', 'GET', url())).json().interview.answers).toEqual({ situation: 'Stable' });

    const wrong = await call('staff', 'PUT', url(), {
      answers: { situation: 3, etp: '4', finances: 'Excellente', fse: 'oui', satisfaction: 7, inconnue: 'x' },
      status: 'draft',
    });
    expect(fieldsOf(wrong.json())).toEqual({
      'answers.situation': 'support.answer_not_text',
      'answers.etp': 'support.answer_not_number',
      'answers.finances': 'support.answer_not_in_options',
      'answers.fse': 'support.answer_not_yes_no',
      'answers.satisfaction': 'support.answer_not_in_scale',
      'answers.inconnue': 'support.answer_unknown_question',
    });
  });

  it('completes the interview, and shows it to the member only once done', async () => {
    expect((await call('member', 'GET', url())).statusCode).toBe(404);
    const done = await call('staff', 'PUT', url(), {
      answers: { situation: 'Stable', finances: 'Fragile', fse: true, satisfaction: 4 },
      status: 'done',
      heldOn: '2025-03-14',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().interview).toMatchObject({ status: 'done', heldOn: '2025-03-14' });
    expect(done.json().interview.completedAt).not.toBeNull();

    const list = (await call('staff', 'GET', '/api/support/interviews?year=2025')).json();
    expect(
      list.items.find((i: { organisationName: string }) => i.organisationName === 'CHORUS'),
    ).toMatchObject({
      status: 'done',
      answered: 4,
    });
    const seen = await call('member', 'GET', url());
    expect(seen.statusCode).toBe(200);
    expect(seen.json().interview.answers.finances).toBe('Fragile');
    expect((await call('member', 'GET', `/api/support/interviews/2025/${orgs.REGAIN}`)).statusCode).toBe(404);
    expect((await call('member', 'PUT', url(), { answers: {}, status: 'draft' })).statusCode).toBe(403);
    expect((await call('member', 'GET', '/api/support/interviews?year=2025')).statusCode).toBe(403);
    expect((await call('otherStaff', 'GET', url())).statusCode).toBe(404);
  });
});
