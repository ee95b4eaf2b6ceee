import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../modules/accounts/accounts.table.ts';
import {
  createDelegation,
  createTestApp,
  type HttpMethod,
  request,
  signedInAs,
  TEST_ORIGIN,
  type TestApp,
  type TestAppOptions,
} from './app.ts';

export type SignedIn = Awaited<ReturnType<typeof signedInAs>>;

/** A member organisation as the staff form sends it (`joinedOn` and `types` left out when not given). */
export interface OrganisationSpec {
  name: string;
  postcode: string;
  types?: readonly string[];
  joinedOn?: string;
  establishment?: Record<string, string>;
}

/**
 * Organisations of the network as the route files create them (members since 1 March 2024):
 * `addOrganisations` takes one by its key, with what a file changes on top.
 */
export const SAMPLE_ORGANISATIONS = {
  chorus: { name: 'CHORUS', postcode: '12300', types: ['AI'], joinedOn: '2024-03-01' },
  regain: { name: 'REGAIN', postcode: '46100', types: ['ACI'], joinedOn: '2024-03-01' },
  abeille: { name: "L'ABEILLE VERTE", postcode: '34700', types: ['EBE'], joinedOn: '2024-03-01' },
  irisse: { name: 'IRISSE', postcode: '31000', types: ['GES'], joinedOn: '2024-03-01' },
} satisfies Record<string, OrganisationSpec>;
const samples: Record<string, OrganisationSpec | undefined> = SAMPLE_ORGANISATIONS;

/**
 * What most route files start from: the app, the file's delegation with a staff member and
 * a board member signed in, and a second delegation with its own staff member, whose
 * records the first must never see. The fields are filled in by the fixture's `beforeAll`,
 * which runs before the file's own (hooks run in the order they are declared).
 */
export interface RouteWorld {
  t: TestApp;
  delegationId: string;
  otherDelegationId: string;
  /** The two delegations' slugs, as the public pages name them. */
  slug: string;
  otherSlug: string;
  staff: string;
  board: string;
  otherStaff: string;
  /** The same three users with their ids. */
  users: Record<'staff' | 'board' | 'otherStaff', SignedIn>;
  /** A request from our own pages, signed in with `cookie` (or anonymous with null). */
  call(cookie: string | null, method: HttpMethod, url: string, payload?: object): ReturnType<typeof request>;
  /** Signs in one more user of the file's delegation (a member of `organisationId`, an admin…): the cookie. */
  as(role: Role, organisationId?: string | null): Promise<string>;
  /** The same, with the user's id and email. */
  signedIn(role: Role, organisationId?: string | null): Promise<SignedIn>;
  /**
   * Creates member organisations through the API and returns their ids by key: a key of
   * SAMPLE_ORGANISATIONS with the fields that differ, or a whole spec.
   */
  addOrganisations<K extends string>(
    cookie: string,
    specs: Record<K, Partial<OrganisationSpec>>,
  ): Promise<Record<K, string>>;
  /** Creates one member organisation through the API and returns its id. */
  addOrganisation(cookie: string, spec: OrganisationSpec): Promise<string>;
}

/**
 * Declares the hooks that build a file's RouteWorld (on the worker's shared app unless
 * `options` ask for an app of its own; a function when they can only be known in the
 * hooks, such as a mailer to a server they start) and close it after the file's tests.
 */
export function routeWorld(options?: TestAppOptions | (() => TestAppOptions)): RouteWorld {
  const world = {
    call: (cookie: string | null, method: HttpMethod, url: string, payload?: object) =>
      request(world.t, cookie, method, url, payload),
    signedIn: (role: Role, organisationId: string | null = null) =>
      signedInAs(world.t, { delegationId: world.delegationId, role, organisationId }),
    as: async (role: Role, organisationId: string | null = null) =>
      (await world.signedIn(role, organisationId)).cookie,
    async addOrganisations<K extends string>(cookie: string, specs: Record<K, Partial<OrganisationSpec>>) {
      const ids = {} as Record<K, string>;
      for (const [key, spec] of Object.entries(specs) as [K, Partial<OrganisationSpec>][]) {
        const whole = { ...samples[key], ...spec };
        if (!whole.name || !whole.postcode)
          throw new Error(`addOrganisations: ${key} is no sample, give its name and postcode`);
        ids[key] = await addOrganisation(world, cookie, {
          ...whole,
          name: whole.name,
          postcode: whole.postcode,
        });
      }
      return ids;
    },
    addOrganisation: (cookie: string, spec: OrganisationSpec) => addOrganisation(world, cookie, spec),
  } as RouteWorld;
  beforeAll(async () => {
    const t = await createTestApp(typeof options === 'function' ? options() : options);
    const a = await createDelegation(t.database);
    const b = await createDelegation(t.database);
    const users = {
      staff: await signedInAs(t, { delegationId: a.id, role: 'staff' }),
      board: await signedInAs(t, { delegationId: a.id, role: 'board' }),
      otherStaff: await signedInAs(t, { delegationId: b.id, role: 'staff' }),
    };
    Object.assign(world, {
      t,
      delegationId: a.id,
      otherDelegationId: b.id,
      slug: a.slug,
      otherSlug: b.slug,
      users,
      staff: users.staff.cookie,
      board: users.board.cookie,
      otherStaff: users.otherStaff.cookie,
    });
  });
  afterAll(() => world.t?.close());
  return world;
}

/** Creates a member organisation through the API (as `cookie`) and returns its id. */
export async function addOrganisation(
  world: Pick<RouteWorld, 'call'>,
  cookie: string,
  spec: OrganisationSpec,
): Promise<string> {
  const response = await world.call(cookie, 'POST', '/api/members/organisations', {
    name: spec.name,
    establishment: { postcode: spec.postcode, ...spec.establishment },
    ...(spec.types ? { conventionTypes: spec.types } : {}),
    ...(spec.joinedOn ? { joinedOn: spec.joinedOn } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

/** The first field error of a refused request: its status, then what the field says. */
export function expectFieldError(
  response: { statusCode: number; json(): { error: { fields: object[] } } },
  status: 400 | 422,
  expected: { field: string; code?: string; message?: string },
) {
  expect(response.statusCode).toBe(status);
  expect(response.json().error.fields[0]).toMatchObject(expected);
}

/**
 * Requests as one of `users`, by name, or anonymous with null: an anonymous request
 * carries neither cookie nor origin, as a script or another site's page would send it.
 */
export function callerAs<U extends string>(app: () => TestApp, users: Record<U, { cookie: string }>) {
  return (as: U | null, method: HttpMethod, url: string, payload?: unknown) =>
    app().app.inject({
      method,
      url,
      headers: as ? { cookie: users[as].cookie, origin: TEST_ORIGIN } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
}

/** The fields a refused request names, in its order. */
export function fieldNames(response: { json(): { error: { fields: { field: string }[] } } }): string[] {
  return response.json().error.fields.map((f) => f.field);
}

/** A refused request: its status, and the fields it names, in its order. */
export function expectFieldNames(
  response: { statusCode: number; json(): { error: { fields: { field: string }[] } } },
  status: 400 | 422,
  names: string[],
) {
  expect(response.statusCode).toBe(status);
  expect(fieldNames(response)).toEqual(names);
}
