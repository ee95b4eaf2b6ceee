import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { expectFieldError } from '../../test/route-world.ts';
import { buildWorld, caller, goodValuesFor, openCampaign, type World } from './campaigns.fixtures.ts';

let t: TestApp;
let world: World;
let call: ReturnType<typeof caller>;
let previousCampaign: string;
let campaign: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await buildWorld(t);
  call = caller(t, world);
  // Last year's answer of REGAIN, transmitted: the base of this year's "change" warnings.
  previousCampaign = await openCampaign(t, world, 2023);
  const last = await call('regain', 'POST', `/api/observatory/campaigns/${previousCampaign}/forms`, {
    conventionType: 'ACI',
    values: goodValuesFor('ACI'),
  });
  const sent = await call('regain', 'POST', `/api/observatory/submissions/${last.json().id}/submit`, {});
  if (sent.statusCode !== 200) throw new Error(sent.body);
  campaign = await openCampaign(t, world, 2024);
});
afterAll(() => t.close());

const forms = (who: string, query = '') =>
  call(who, 'GET', `/api/observatory/campaigns/${campaign}/forms${query}`);
const start = (who: string, conventionType: string, extra: object = {}) =>
  call(who, 'POST', `/api/observatory/campaigns/${campaign}/forms`, { conventionType, ...extra });

describe('member forms', () => {
  it('lists one form per convention type of the member, created on first save', async () => {
    const list = await forms('chorus');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      organisation: { id: world.organisations.chorus, name: 'CHORUS' },
      forms: [
        { conventionType: 'AI', submissionId: null, status: 'not_started', department: '12', valueCount: 0 },
        { conventionType: 'ACI', submissionId: null, status: 'not_started' },
      ],
    });
    const blank = await call('chorus', 'GET', `/api/observatory/campaigns/${campaign}/forms/AI`);
    expect(blank.json()).toMatchObject({ id: null, status: 'not_started', canEdit: true, values: {} });
    expect(blank.json().indicators.map((i: { code: string }) => i.code)).toContain('clients');
    const aci = await call('chorus', 'GET', `/api/observatory/campaigns/${campaign}/forms/ACI`);
    expect(aci.json().indicators.map((i: { code: string }) => i.code)).not.toContain('clients');

    const first = await start('chorus', 'AI', { values: { hoursPaid: 3214, etpPathway: 9.1 } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'draft', values: { hoursPaid: 3214, etpPathway: 9.1 } });
    // The draft is saved even though it is incomplete and inconsistent: the answer says why.
    expect(first.json().check.warnings).toContainEqual(
      expect.objectContaining({
        code: 'etpPathway',
        kind: 'ratio',
        message: expect.stringContaining('= 2 (écart > 5 %)'),
      }),
    );
    expect(
      first.json().check.errors.filter((e: { kind: string }) => e.kind === 'required').length,
    ).toBeGreaterThan(10);
    const again = await start('chorus', 'AI');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await forms('chorus')).json().forms[0]).toMatchObject({
      submissionId: first.json().id,
      status: 'draft',
      valueCount: 2,
    });
  });

  it('keeps a member to its own organisation and away from review actions', async () => {
    const chorusForm = (await start('chorus', 'ACI')).json().id;
    expect((await forms('regain', `?organisationId=${world.organisations.chorus}`)).statusCode).toBe(403);
    expect((await call('regain', 'GET', `/api/observatory/submissions/${chorusForm}`)).statusCode).toBe(404);
    expect(
      (
        await call('regain', 'PUT', `/api/observatory/submissions/${chorusForm}/values`, {
          values: { persons: 1 },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('regain', 'GET', `/api/observatory/submissions/${chorusForm}/history`)).statusCode,
    ).toBe(404);
    expect((await start('regain', 'AI')).statusCode).toBe(404);
    expect((await start('regain', 'ACI', { organisationId: world.organisations.chorus })).statusCode).toBe(
      403,
    );
    expect(
      (await call('chorus', 'POST', `/api/observatory/submissions/${chorusForm}/validate`)).statusCode,
    ).toBe(403);
    expect(
      (
        await call('chorus', 'POST', `/api/observatory/submissions/${chorusForm}/request-correction`, {
          comment: 'x',
        })
      ).statusCode,
    ).toBe(403);
    // Staff of another delegation see nothing of it.
    expect((await call('otherStaff', 'GET', `/api/observatory/submissions/${chorusForm}`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await call('otherStaff', 'PUT', `/api/observatory/submissions/${chorusForm}/values`, {
          values: { persons: 1 },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call(
          'otherStaff',
          'GET',
          `/api/observatory/campaigns/${campaign}/forms?organisationId=${world.organisations.chorus}`,
        )
      ).statusCode,
    ).toBe(404);
    // Staff must say whose forms they want; the board reads them.
    const missing = await forms('staff');
    expectFieldError(missing, 400, { field: 'organisationId' });
    expect((await forms('board', `?organisationId=${world.organisations.chorus}`)).json().forms).toHaveLength(
      2,
    );
    expect(
      (
        await call('board', 'PUT', `/api/observatory/submissions/${chorusForm}/values`, {
          values: { persons: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses figures of indicators outside the form', async () => {
    const id = (await start('abeille', 'EBE')).json().id;
    const response = await call('abeille', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { aideAuPoste: 1000, persons: 'douze' },
    });
    expect(response.statusCode).toBe(400);
    const unknown = await call('abeille', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { aideAuPoste: 1000 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      {
        field: 'values.aideAuPoste',
        code: 'observatory.unknown_indicator',
        message: 'L’indicateur « aideAuPoste » ne fait pas partie de ce formulaire.',
      },
    ]);
  });
});

describe('submission workflow', () => {
  let id: string;

  it('blocks a submission with errors, each on its field with the figures', async () => {
    id = (
      await start('regain', 'ACI', { values: { ...goodValuesFor('ACI'), exitsTotal: 16, entrantsRsa: 25 } })
    ).json().id;
    const refused = await call('regain', 'POST', `/api/observatory/submissions/${id}/submit`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('observatory.submission_invalid');
    expect(refused.json().error.fields).toEqual([
      {
        field: 'values.entrantsRsa',
        code: 'observatory.check_atMost',
        message: 'Entrants bénéficiaires du RSA : 25 > Entrées 20 (ne peut pas dépasser).',
      },
      {
        field: 'values.exitsTotal',
        code: 'observatory.check_sum',
        message: 'Sorties : somme par catégorie 14 ≠ total 16.',
      },
    ]);
    expect((await call('regain', 'GET', `/api/observatory/submissions/${id}`)).json().status).toBe('draft');
  });

  it('asks a comment for each warning before accepting the submission', async () => {
    // +64 % of revenue since 2023 (100,000 then).
    const saved = await call('regain', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { exitsTotal: 14, entrantsRsa: 5, revenue: 164_000 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().check.errors).toEqual([]);
    expect(saved.json().previous).toMatchObject({ year: 2023, values: { revenue: 100_000 } });
    expect(
      saved.json().check.warnings.map((w: { code: string; message: string }) => [w.code, w.message]),
    ).toEqual([['revenue', 'Chiffre d’affaires : +64 % depuis 2023 (100\u202f000 → 164\u202f000).']]);
    const unconfirmed = await call('regain', 'POST', `/api/observatory/submissions/${id}/submit`, {
      confirmWarnings: { revenue: '   ' },
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.fields).toEqual([
      {
        field: 'confirmWarnings.revenue',
        code: 'observatory.warning_comment',
        message:
          'Chiffre d’affaires : +64 % depuis 2023 (100\u202f000 → 164\u202f000). Confirmez cette valeur par un commentaire.',
      },
    ]);
    const submitted = await call('regain', 'POST', `/api/observatory/submissions/${id}/submit`, {
      confirmWarnings: { revenue: 'Reprise d’un second chantier en mars.' },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      canEdit: false,
      confirmedWarnings: { revenue: 'Reprise d’un second chantier en mars.' },
      submittedByName: 'Test member',
    });
    const locked = await call('regain', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { persons: 41 },
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toBe(
      'Ce formulaire a été transmis : il n’est plus modifiable (statut « transmis »).',
    );
    expect((await call('regain', 'POST', `/api/observatory/submissions/${id}/submit`, {})).statusCode).toBe(
      409,
    );
  });

  it('goes back to the member for correction, then is validated and locked', async () => {
    const empty = await call('staff', 'POST', `/api/observatory/submissions/${id}/request-correction`, {
      comment: ' ',
    });
    expect(empty.statusCode).toBe(400);
    const sentBack = await call('staff', 'POST', `/api/observatory/submissions/${id}/request-correction`, {
      comment: 'Le nombre de personnes semble bas.',
    });
    expect(sentBack.json()).toMatchObject({
      status: 'correction_requested',
      correctionComment: 'Le nombre de personnes semble bas.',
    });
    const member = await call('regain', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { persons: 45 },
    });
    expect(member.json()).toMatchObject({
      status: 'correction_requested',
      canEdit: true,
      values: { persons: 45 },
    });
    expect((await call('staff', 'POST', `/api/observatory/submissions/${id}/validate`)).statusCode).toBe(409);
    const again = await call('regain', 'POST', `/api/observatory/submissions/${id}/submit`, {
      confirmWarnings: { revenue: 'Reprise d’un second chantier en mars.' },
    });
    expect(again.json().status).toBe('submitted');
    const validated = await call('staff', 'POST', `/api/observatory/submissions/${id}/validate`);
    expect(validated.json()).toMatchObject({ status: 'validated', validatedByName: 'Test staff' });
    expect(
      (await call('regain', 'PUT', `/api/observatory/submissions/${id}/values`, { values: { persons: 46 } }))
        .statusCode,
    ).toBe(409);
  });

  it('lets staff correct on the member’s behalf, reopening what another validated, with the history', async () => {
    const byValidator = await call('staff', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { staffEtp: 3.75 },
    });
    expect(byValidator.statusCode).toBe(200);
    const other = await call('secondStaff', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { staffEtp: 4 },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('observatory.submission_validated');
    expect(
      (await call('secondStaff', 'POST', `/api/observatory/submissions/${id}/reopen`)).json().status,
    ).toBe('submitted');
    const corrected = await call('secondStaff', 'PUT', `/api/observatory/submissions/${id}/values`, {
      values: { staffEtp: 4, subsidies: null },
    });
    expect(corrected.json()).toMatchObject({ status: 'submitted', values: { staffEtp: 4 } });
    expect(corrected.json().values.subsidies).toBeUndefined();

    const history = await call('regain', 'GET', `/api/observatory/submissions/${id}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items as {
      kind: string;
      indicatorCode?: string;
      before: unknown;
      after: unknown;
      actorName: string;
      comment?: string;
    }[];
    const values = items.filter((i) => i.kind === 'value');
    expect(values.slice(0, 3).map((i) => [i.indicatorCode, i.before, i.after, i.actorName])).toEqual([
      ['subsidies', 10_000, null, 'Test staff'],
      ['staffEtp', 3.75, 4, 'Test staff'],
      ['staffEtp', 3.5, 3.75, 'Test staff'],
    ]);
    expect(values.find((i) => i.indicatorCode === 'persons' && i.after === 45)).toMatchObject({
      before: 40,
      actorName: 'Test member',
    });
    const steps = items.filter((i) => i.kind === 'status').map((i) => [i.before, i.after]);
    expect(steps).toEqual([
      ['validated', 'submitted'],
      ['submitted', 'validated'],
      ['correction_requested', 'submitted'],
      ['submitted', 'correction_requested'],
      ['draft', 'submitted'],
      [null, 'draft'],
    ]);
    expect(items.find((i) => i.after === 'correction_requested')?.comment).toBe(
      'Le nombre de personnes semble bas.',
    );
    // Unchanged figures are not rewritten: saving the same value again adds no line.
    await call('staff', 'PUT', `/api/observatory/submissions/${id}/values`, { values: { staffEtp: 4 } });
    expect(
      (await call('staff', 'GET', `/api/observatory/submissions/${id}/history`)).json().items,
    ).toHaveLength(items.length);
  });

  it('stops member edits once the campaign is closed, staff may still correct', async () => {
    const closed = await openCampaign(t, world, 2020);
    const form = (
      await call('abeille', 'POST', `/api/observatory/campaigns/${closed}/forms`, { conventionType: 'EBE' })
    ).json();
    await call('staff', 'PATCH', `/api/observatory/campaigns/${closed}`, { status: 'closed' });
    const member = await call('abeille', 'PUT', `/api/observatory/submissions/${form.id}/values`, {
      values: { persons: 3 },
    });
    expect(member.statusCode).toBe(409);
    expect(member.json().error.code).toBe('observatory.campaign_not_open');
    expect(
      (
        await call('staff', 'PUT', `/api/observatory/submissions/${form.id}/values`, {
          values: { persons: 3 },
        })
      ).statusCode,
    ).toBe(200);
  });
});
