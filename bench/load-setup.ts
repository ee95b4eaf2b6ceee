// Data of the campaign-deadline load (bench/load.ts): one delegation whose members each
// have a member user and a form in the open observatory campaign, and a few staff users.
import { randomBytes } from 'node:crypto';
import { openDatabase, withTenant } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createUserWithPassword, grantRole } from '../src/modules/accounts/accounts.service.ts';
import { type Auth, CLIENT_IP_HEADER, createAuth } from '../src/modules/accounts/auth.ts';
import { delegations } from '../src/modules/delegations/delegations.table.ts';
import { createOrganisation } from '../src/modules/members/members.service.ts';

export const PASSWORD = 'banc-d-essai-charge';
export const SLUG = 'charge';
const TYPES = ['ACI', 'AI', 'EI', 'ETTI'] as const;
const DEPARTMENTS = [
  ['31000', 'TOULOUSE'],
  ['81000', 'ALBI'],
  ['12000', 'RODEZ'],
  ['46000', 'CAHORS'],
  ['09000', 'FOIX'],
] as const;

export interface Member {
  email: string;
  /** The member's own address: behind the load balancer each user comes from elsewhere. */
  ip: string;
  type: string;
  formId: string;
  /** The member's session (signed in beforehand, then again during the load now and then). */
  cookie: string;
  signedInAt: number;
}
export interface LoadData {
  secret: string;
  campaignId: string;
  members: Member[];
  /** Cookies of staff users signed in beforehand. */
  staff: string[];
}

/** Signs in through Better Auth's handler in this process (setup, not measured). */
async function signInHere(auth: Auth, base: string, email: string, ip: string): Promise<string> {
  const response = await auth.handler(
    new Request(`${base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, [CLIENT_IP_HEADER]: ip },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function inParallel<T>(count: number, width: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await run(i);
      }
    }),
  );
  return results;
}

/** Migrates `databaseUrl`, writes the delegation, its members and users. Forms come with `openCampaign`. */
export async function prepareData(databaseUrl: string, origin: string, users: number, staffCount = 5) {
  const owner = await openDatabase({ databaseUrl, poolSize: 4 });
  try {
    await migrate(owner);
    const secret = randomBytes(32).toString('hex');
    const auth = createAuth({ db: owner.db, baseUrl: origin, secret, sessionMaxAgeHours: 12 });
    const [delegation] = await owner.db
      .insert(delegations)
      .values({ slug: SLUG, name: 'Délégation de charge' })
      .returning();
    if (!delegation) throw new Error('no delegation');
    const context = { delegationId: delegation.id, userId: null };
    const organisations = await withTenant(owner.db, context, async (tx) => {
      const ids: { id: string; type: string }[] = [];
      for (let i = 0; i < users; i++) {
        const type = TYPES[i % TYPES.length] as (typeof TYPES)[number];
        const [postcode, city] = DEPARTMENTS[i % DEPARTMENTS.length] ?? DEPARTMENTS[0];
        const { id } = await createOrganisation(tx, {
          name: `STRUCTURE CHARGE ${i}`,
          establishment: { postcode, city },
          conventionTypes: [type],
          joinedOn: '2020-01-06',
          activities: [],
        } as never);
        ids.push({ id, type });
      }
      return ids;
    });
    const members = await inParallel(users, 4, async (i) => {
      const email = `membre${i}@charge.example`;
      const userId = await createUserWithPassword(auth, { email, name: `Membre ${i}`, password: PASSWORD });
      const organisation = organisations[i] as { id: string; type: string };
      await withTenant(owner.db, context, (tx) =>
        grantRole(tx, { userId, role: 'member', organisationId: organisation.id }),
      );
      const ip = `10.20.${i >> 8}.${i & 255}`;
      const cookie = await signInHere(auth, origin, email, ip);
      return { email, ip, type: organisation.type, formId: '', cookie, signedInAt: Date.now() };
    });
    const staff = await inParallel(staffCount, 2, async (i) => {
      const email = `equipe${i}@charge.example`;
      const userId = await createUserWithPassword(auth, { email, name: `Équipe ${i}`, password: PASSWORD });
      await withTenant(owner.db, context, (tx) =>
        grantRole(tx, { userId, role: 'staff', organisationId: null }),
      );
      return signInHere(auth, origin, email, `10.30.0.${i + 1}`);
    });
    return { secret, members, staff, organisations };
  } finally {
    await owner.close();
  }
}

async function call(
  base: string,
  origin: string,
  cookie: string,
  method: string,
  path: string,
  body?: object,
) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, origin, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** Through a running server, as staff: the 2025 campaign opened, one form per member. */
export async function openCampaign(
  base: string,
  origin: string,
  prepared: Awaited<ReturnType<typeof prepareData>>,
): Promise<LoadData> {
  const staff = prepared.staff[0] ?? '';
  const campaign = await call(base, origin, staff, 'POST', '/api/observatory/campaigns', {
    year: 2025,
    title: 'Observatoire 2025',
    opensOn: '2026-01-15',
    deadline: '2026-03-31',
  });
  await call(base, origin, staff, 'PATCH', `/api/observatory/campaigns/${campaign.id}`, { status: 'open' });
  const path = `/api/observatory/campaigns/${campaign.id}/forms`;
  await inParallel(prepared.members.length, 4, async (i) => {
    const member = prepared.members[i] as Member;
    const organisationId = prepared.organisations[i]?.id;
    member.formId = (
      await call(base, origin, staff, 'POST', path, { conventionType: member.type, organisationId })
    ).id;
  });
  return {
    secret: prepared.secret,
    campaignId: campaign.id,
    members: prepared.members,
    staff: prepared.staff,
  };
}

/** A consistent answer to the default catalogue; `round` changes a few figures so every save writes. */
export function answer(type: string, round: number): Record<string, number> {
  const values: Record<string, number> = {
    hoursPaid: 16_070,
    etpPathway: 10,
    persons: 40,
    entries: 20,
    entrantsWomen: 8,
    entrantsMen: 12,
    entrantsRsa: 5,
    staffHeadcount: 4,
    staffEtp: 3.5,
    revenue: 100_000 + (round % 50) * 100,
    subsidies: 10_000 + (round % 7) * 10,
    payroll: 90_000,
    netResult: -1_200.5,
    exitsTotal: 14,
    exitsDurable: 3,
    exitsTransition: 4,
    exitsPositive: 2,
    exitsOther: 5,
  };
  if (['AI', 'ETTI'].includes(type)) values.clients = 12;
  if (type !== 'EBE') values.aideAuPoste = 50_000;
  return values;
}
