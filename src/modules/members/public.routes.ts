import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { PUBLIC } from '../../server/access.ts';
import type { AppDeps } from '../../server/app.ts';
import type { ReadCache } from '../../server/read-cache.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { listPublicActivities, listPublicStructures, todayInFrance } from './members.queries.ts';
import {
  memberStatsQuerySchema,
  memberStatsSchema,
  publicActivitiesQuerySchema,
  publicActivitiesSchema,
  publicStructuresQuerySchema,
  publicStructuresSchema,
} from './members.schemas.ts';
import { memberStats } from './members.stats.ts';

/**
 * The public site's member data: directory and key figures, for anyone. Reads run as
 * the app role in the resolved delegation with no user, so row-level security still
 * scopes them, and the response schemas let only public fields through.
 */
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * The answer checked against its response schema once, when it is computed, and kept as
 * JSON text: a cached answer is then sent as is, without validating and serialising the
 * same object again on every request.
 */
function serialised<T>(schema: z.ZodType<T>, value: unknown): string {
  return JSON.stringify(schema.parse(value));
}

export async function publicRoutes(app: FastifyInstance, deps: AppDeps & { registryCache: ReadCache }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const cache = deps.registryCache;
  // Which delegation a public page speaks for changes only with the delegations table.
  const delegationOf = (slug: string | undefined) =>
    cache.get('*', slug ?? '', () => resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION));

  r.get(
    '/api/public/structures',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['public'],
        querystring: publicStructuresQuerySchema,
        response: { 200: publicStructuresSchema },
      },
    },
    async (request, reply) => {
      const { delegation: slug, ...filters } = request.query;
      const delegation = await delegationOf(slug);
      // Membership depends on the day: the date is part of the key.
      const key = JSON.stringify(['structures', todayInFrance(), filters]);
      const body = await cache.get(delegation.id, key, async () => {
        const items = await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
          listPublicStructures(tx, filters),
        );
        return serialised(publicStructuresSchema, { items, total: items.length });
      });
      // Already JSON text: Fastify sends a string as is, the typed reply expects the object.
      return reply.type(JSON_TYPE).send(body as never);
    },
  );

  r.get(
    '/api/public/activities',
    {
      config: { access: PUBLIC },
      schema: {
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
      config: { access: PUBLIC },
      schema: { tags: ['public'], querystring: memberStatsQuerySchema, response: { 200: memberStatsSchema } },
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
