import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../modules/accounts/accounts.table.ts';
import {
  createDelegation,
  createTestApp,
  type HttpMethod,
  request,
  signedInAs,
  type TestApp,
  type TestAppOptions,
} from './app.ts';

/** A member organisation as the staff form sends it (`joinedOn` and `types` left out when not given). */
export interface OrganisationSpec {
  name: string;
  postcode: string;
  types?: readonly string[];
  joinedOn?: string;
  establishment?: Record<string, string>;
}

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
  staff: string;
  staffUserId: string;
  board: string;
  otherStaff: string;
  /** A request from our own pages, signed in with `cookie` (or anonymous with null). */
  call(cookie: string | null, method: HttpMethod, url: string, payload?: object): ReturnType<typeof request>;
  /** Signs in one more user of the file's delegation (a member of `organisationId`, an admin…). */
  as(role: Role, organisationId?: string | null): Promise<string>;
  /** Creates member organisations through the API and returns their ids by key. */
  addOrganisations<K extends string>(
    cookie: string,
    specs: Record<K, OrganisationSpec>,
  ): Promise<Record<K, string>>;
}

/**
 * Declares the hooks that build a file's RouteWorld (on the worker's shared app unless
 * `options` ask for an app of its own) and close it after the file's tests.
 */
export function routeWorld(options?: TestAppOptions): RouteWorld {
  const world = {
    call: (cookie: string | null, method: HttpMethod, url: string, payload?: object) =>
      request(world.t, cookie, method, url, payload),
    as: async (role: Role, organisationId: string | null = null) =>
      (await signedInAs(world.t, { delegationId: world.delegationId, role, organisationId })).cookie,
    async addOrganisations<K extends string>(cookie: string, specs: Record<K, OrganisationSpec>) {
      const ids = {} as Record<K, string>;
      for (const [key, spec] of Object.entries(specs) as [K, OrganisationSpec][])
        ids[key] = await addOrganisation(world, cookie, spec);
      return ids;
    },
  } as RouteWorld;
  beforeAll(async () => {
    const t = await createTestApp(options);
    const a = await createDelegation(t.database);
    const b = await createDelegation(t.database);
    const staff = await signedInAs(t, { delegationId: a.id, role: 'staff' });
    Object.assign(world, {
      t,
      delegationId: a.id,
      otherDelegationId: b.id,
      staff: staff.cookie,
      staffUserId: staff.userId,
      board: (await signedInAs(t, { delegationId: a.id, role: 'board' })).cookie,
      otherStaff: (await signedInAs(t, { delegationId: b.id, role: 'staff' })).cookie,
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
