import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { type DirectoryFilters, filterDirectory } from './directory.search.ts';
import { listPublicActivities, listPublicStructures, todayInFrance } from './members.queries.ts';
import {
  memberStatsQuerySchema,
  memberStatsSchema,
  publicActivitiesQuerySchema,
  publicActivitiesSchema,
  publicStructureSchema,
  publicStructuresQuerySchema,
  publicStructuresSchema,
  publicStructuresSummaryQuerySchema,
  publicStructuresSummarySchema,
} from './members.schemas.ts';
import { memberStats } from './members.stats.ts';

/**
 * The public site's member data: directory and key figures, for anyone. Reads run as
 * the app role in the resolved delegation with no user, so row-level security still
 * scopes them, and the response schemas let only public fields through.
 */
const JSON_TYPE = 'application/json; charset=utf-8';
/** Entries per page when `page` is given without `pageSize`. */
const DEFAULT_PAGE_SIZE = 50;

/**
 * The answer checked against its response schema once, when it is computed, and kept as
 * JSON text: a cached answer is then sent as is, without validating and serialising the
 * same object again on every request.
 */
function serialised<T>(schema: z.ZodType<T>, value: unknown): string {
  return JSON.stringify(schema.parse(value));
}

/**
 * One directory entry as public JSON, checked against its schema (only public fields) the
 * first time it is sent. Entries are the objects of the cached directory, shared by every
 * filtered list: a change of the registry makes new objects, and these are forgotten.
 */
const entriesJson = new WeakMap<object, string>();
function entryJson(entry: object): string {
  let text = entriesJson.get(entry);
  if (text === undefined) {
    text = JSON.stringify(publicStructureSchema.parse(entry));
    entriesJson.set(entry, text);
  }
  return text;
}

export async function publicRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const cache = deps.registryCache;
  // Which delegation a public page speaks for changes only with the delegations table.
  const delegationOf = (slug: string | undefined) =>
    cache.get('*', slug ?? '', () => resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION));
  // The whole directory read once per day and change; each filter's list is worked out from
  // it in memory, once, and pages are slices of that list.
  // Membership depends on the day: the date is part of the keys.
  const wholeDirectory = (delegationId: string) =>
    cache.get(delegationId, JSON.stringify(['structures-all', todayInFrance()]), () =>
      withTenant(db, { delegationId, userId: null }, (tx) => listPublicStructures(tx, {})),
    );
  const directory = (delegationId: string, filters: DirectoryFilters) =>
    cache.get(delegationId, JSON.stringify(['structures-list', todayInFrance(), filters]), async () =>
      filterDirectory(await wholeDirectory(delegationId), filters),
    );

  r.get(
    '/api/public/structures',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Annuaire public des structures adhérentes',
        tags: ['public'],
        querystring: publicStructuresQuerySchema,
        response: { 200: publicStructuresSchema },
      },
    },
    async (request, reply) => {
      const { delegation: slug, page, pageSize, ...filters } = request.query;
      const delegation = await delegationOf(slug);
      // Without `page`, the whole directory as existing clients read it (kept as JSON text).
      if (page === undefined) {
        const key = JSON.stringify(['structures', todayInFrance(), filters]);
        const body = await cache.get(delegation.id, key, async () => {
          const items = await directory(delegation.id, filters);
          return serialised(publicStructuresSchema, { items, total: items.length });
        });
        // Already JSON text: Fastify sends a string as is, the typed reply expects the object.
        return reply.type(JSON_TYPE).send(body as never);
      }
      const items = await directory(delegation.id, filters);
      const size = pageSize ?? DEFAULT_PAGE_SIZE;
      const slice = items.slice((page - 1) * size, page * size);
      // The page put together from its entries' JSON, each checked once (publicStructuresSchema's
      // key order): validating and serialising 50 entries on every request halved the rate
      // this route kept under 32 connections (bench/RESULTS.md, issue 18).
      const body = `{"items":[${slice.map(entryJson).join(',')}],"total":${items.length},"page":${page},"pageSize":${size}}`;
      return reply.type(JSON_TYPE).send(body as never);
    },
  );

  r.get(
    '/api/public/structures/summary',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: "Chiffres de l'annuaire public par département (carte)",
        tags: ['public'],
        querystring: publicStructuresSummaryQuerySchema,
        response: { 200: publicStructuresSummarySchema },
      },
    },
    async (request, reply) => {
      const delegation = await delegationOf(request.query.delegation);
      const key = JSON.stringify(['structures-summary', todayInFrance()]);
      const body = await cache.get(delegation.id, key, async () => {
        const items = await wholeDirectory(delegation.id);
        const perDepartment = new Map<string, Set<string>>();
        for (const item of items) {
          for (const code of item.listedUnder) {
            const set = perDepartment.get(code) ?? new Set<string>();
            set.add(item.organisationId);
            perDepartment.set(code, set);
          }
        }
        return serialised(publicStructuresSummarySchema, {
          total: items.length,
          organisations: new Set(items.map((i) => i.organisationId)).size,
          byDepartment: Object.fromEntries([...perDepartment].sort().map(([code, set]) => [code, set.size])),
        });
      });
      return reply.type(JSON_TYPE).send(body as never);
    },
  );

  r.get(
    '/api/public/activities',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Activités des adhérents et leur nombre',
        tags: ['public'],
        querystring: publicActivitiesQuerySchema,
        response: { 200: publicActivitiesSchema },
      },
    },
    async (request, reply) => {
      const delegation = await delegationOf(request.query.delegation);
      // Membership depends on the day: the date is part of the key.
      const key = JSON.stringify(['activities', todayInFrance()]);
      const body = await cache.get(delegation.id, key, async () => {
        const items = await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
          listPublicActivities(tx),
        );
        return serialised(publicActivitiesSchema, { items });
      });
      // Already JSON text: Fastify sends a string as is, the typed reply expects the object.
      return reply.type(JSON_TYPE).send(body as never);
    },
  );

  r.get(
    '/api/public/stats/members',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Chiffres clés des adhérents (par type, par département)',
        tags: ['public'],
        querystring: memberStatsQuerySchema,
        response: { 200: memberStatsSchema },
      },
    },
    async (request, reply) => {
      const year = request.query.year ?? Number(todayInFrance().slice(0, 4));
      const delegation = await delegationOf(request.query.delegation);
      const key = JSON.stringify(['stats', todayInFrance(), year]);
      const body = await cache.get(delegation.id, key, async () =>
        serialised(
          memberStatsSchema,
          await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) => memberStats(tx, year)),
        ),
      );
      // Already JSON text: Fastify sends a string as is, the typed reply expects the object.
      return reply.type(JSON_TYPE).send(body as never);
    },
  );
}
