import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDelegation, createTestApp, signedInAs, type TestApp } from '../../test/app.ts';
import { callerAs } from '../../test/route-world.ts';

interface ProblemBody {
  key: string;
  code: string;
  severity: string;
  message: string;
  records: { table: string; id: string; organisationId: string | null; label: string }[];
  field?: string;
  value?: string;
  suggestion?: string;
  suggestions?: string[];
  accepted: null | { id: string; reason: string; acceptedBy: string | null; acceptedAt: string };
}
interface ListBody {
  problems: ProblemBody[];
  counts: { open: number; accepted: number };
}

let t: TestApp;
const users: Record<'staff' | 'admin' | 'board' | 'member' | 'otherStaff', { cookie: string }> = {} as never;

const call = callerAs(() => t, users);
async function list(as: keyof typeof users = 'staff'): Promise<ListBody> {
  const response = await call(as, 'GET', '/api/members/quality');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
const labelsOf = (p: ProblemBody) => p.records.map((r) => r.label);
const find = (body: ListBody, code: string, label: string) =>
  body.problems.filter((p) => p.code === code && p.records.some((r) => r.label.startsWith(label)));

beforeAll(async () => {
  const demo = await createTestApp({ demo: true });
  t = demo;
  const delegationId = demo.demoDelegationId;
  const other = await createDelegation(t.database);
  users.staff = await signedInAs(t, { delegationId, role: 'staff' });
  users.admin = await signedInAs(t, { delegationId, role: 'admin' });
  users.board = await signedInAs(t, { delegationId, role: 'board' });
  users.member = await signedInAs(t, { delegationId, role: 'member' });
  users.otherStaff = await signedInAs(t, { delegationId: other.id, role: 'staff' });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/members/quality on the demo', () => {
  it('lists the printed errors of the seed, each naming the record and the field in French', async () => {
    const body = await list();

    const [postcode] = find(body, 'quality.postcode_format', 'AU PRE EN BULLES');
    expect(postcode).toMatchObject({ severity: 'error', field: 'postcode', value: '8200', accepted: null });
    expect(postcode?.message).toContain('AU PRE EN BULLES');
    expect(postcode?.message).toContain('code postal « 8200 »');
    expect(postcode?.records[0]).toMatchObject({ table: 'establishments' });
    expect(postcode?.records[0]?.organisationId).toEqual(expect.any(String));

    const [phone] = find(body, 'quality.phone_not_normalised', 'GERMEN');
    expect(phone).toMatchObject({ field: 'phone', value: '07.66.61.29.99', suggestion: '07 66 61 29 99' });
    expect(phone?.message).toContain('GERMEN');

    const [sharedPhone] = find(body, 'quality.shared_phone', 'ACTES');
    expect(labelsOf(sharedPhone as ProblemBody)).toEqual(['ACTES', 'LE PETIT MAGASIN']);
    expect(sharedPhone?.value).toBe('04 68 68 31 41');
    const [sharedEmail] = find(body, 'quality.shared_email', 'ACTES');
    expect(labelsOf(sharedEmail as ProblemBody)).toEqual(['ACTES', 'LE PETIT MAGASIN']);
    expect(sharedEmail?.value).toBe('noemie.eudes@asso-sauvy.fr');

    const [address] = find(body, 'quality.shared_address', "AD'OC INTERIM");
    expect(labelsOf(address as ProblemBody)).toEqual(["AD'OC INTERIM", 'QUERCY CONTACTS']);

    const [ailes] = find(body, 'quality.department_without_establishment', 'AILES');
    expect(ailes).toMatchObject({ value: '81', field: 'departments' });
    expect(ailes?.message).toContain('AILES');
    expect(ailes?.message).toContain('81');

    const mandates = body.problems.filter((p) => p.code === 'quality.mandate_unmatched');
    expect(mandates.map((m) => [m.value, m.suggestion])).toEqual(
      expect.arrayContaining([
        ['LE TREMLIN', 'LE TREMPLIN'],
        ["TREMLIN POUR L'EMPLOI", "TREMPLIN POUR L'EMPLOI"],
      ]),
    );
    expect(mandates.find((m) => m.value === 'LE TREMLIN')?.message).toContain('LE TREMPLIN');
  });

  it('does not report what is normal in the demo: no SIRET, one organisation with two establishments', async () => {
    const body = await list();
    expect(body.problems.filter((p) => p.field === 'siret')).toEqual([]);
    // AVIE's two establishments share an e-mail: one organisation, not two.
    expect(find(body, 'quality.shared_email', 'AVIE')).toEqual([]);
    expect(body.problems.filter((p) => p.code === 'quality.member_without_convention')).toEqual([]);
    expect(body.counts).toEqual({ open: body.problems.length, accepted: 0 });
  });

  it('refuses board, member and anonymous callers, and shows another delegation none of it', async () => {
    expect((await call('board', 'GET', '/api/members/quality')).statusCode).toBe(403);
    expect((await call('member', 'GET', '/api/members/quality')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/members/quality')).statusCode).toBe(401);
    expect((await list('admin')).problems.length).toBeGreaterThan(0);
    const other = await list('otherStaff');
    expect(other).toEqual({ problems: [], counts: { open: 0, accepted: 0 } });
  });
});

describe('accepting and reopening a problem', () => {
  it('needs a reason (422 with a French message on the field)', async () => {
    const [problem] = find(await list(), 'quality.shared_phone', 'ACTES');
    for (const reason of [undefined, '   ']) {
      const response = await call('staff', 'POST', '/api/members/quality/acceptances', {
        key: problem?.key,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.fields).toEqual([
        {
          field: 'reason',
          code: 'quality.reason_required',
          message: 'Indiquez pourquoi ce problème est accepté.',
        },
      ]);
    }
  });

  it('refuses a key that names no current problem (404), and board members', async () => {
    const response = await call('staff', 'POST', '/api/members/quality/acceptances', {
      key: 'quality.shared_phone|nope|00',
      reason: 'test',
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('quality.problem_not_found');
    const [problem] = find(await list(), 'quality.shared_phone', 'ACTES');
    const board = await call('board', 'POST', '/api/members/quality/acceptances', {
      key: problem?.key,
      reason: 'x',
    });
    expect(board.statusCode).toBe(403);
  });

  it('moves an accepted problem to the accepted ones, where it stays, until reopened', async () => {
    const [problem] = find(await list(), 'quality.shared_email', 'ACTES');
    const reason = 'Deux ACI de la même structure porteuse (association Sauvy).';
    const created = await call('staff', 'POST', '/api/members/quality/acceptances', {
      key: problem?.key,
      reason,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ reason, acceptedBy: 'Test staff' });

    for (const as of ['staff', 'admin'] as const) {
      const after = await list(as);
      const [again] = find(after, 'quality.shared_email', 'ACTES');
      expect(again?.accepted).toMatchObject({ reason, acceptedBy: 'Test staff' });
      expect(after.counts.accepted).toBe(1);
      expect(after.counts.open).toBe(after.problems.length - 1);
    }
    // The other delegation's staff can neither see nor reopen it.
    const acceptanceId = created.json().id as string;
    expect(
      (await call('otherStaff', 'DELETE', `/api/members/quality/acceptances/${acceptanceId}`)).statusCode,
    ).toBe(404);

    const reopened = await call('admin', 'DELETE', `/api/members/quality/acceptances/${acceptanceId}`);
    expect(reopened.statusCode).toBe(204);
    const [open] = find(await list(), 'quality.shared_email', 'ACTES');
    expect(open?.accepted).toBeNull();
    expect(
      (await call('admin', 'DELETE', `/api/members/quality/acceptances/${acceptanceId}`)).statusCode,
    ).toBe(404);
  });
});

describe('fixing the record', () => {
  it('makes the problem disappear, and an acceptance of the old value does not carry over', async () => {
    const [problem] = find(await list(), 'quality.phone_not_normalised', 'GERMEN');
    const accepted = await call('staff', 'POST', '/api/members/quality/acceptances', {
      key: problem?.key,
      reason: 'Écrit ainsi dans le rapport.',
    });
    expect(accepted.statusCode).toBe(201);

    const establishmentId = problem?.records[0]?.id;
    const fixed = await call('staff', 'PATCH', `/api/members/establishments/${establishmentId}`, {
      phone: problem?.suggestion,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().phone).toBe('07 66 61 29 99');

    const after = await list();
    expect(find(after, 'quality.phone_not_normalised', 'GERMEN')).toEqual([]);
    expect(after.problems.some((p) => p.key === problem?.key)).toBe(false);
    // The lapsed acceptance is no longer counted.
    expect(after.counts.accepted).toBe(0);
  });
});
