import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { boardRoleSchema } from './governance.schemas.ts';
import { listBoard, listStaff } from './governance.service.ts';

export const publicOrganisationQuerySchema = z.object({
  delegation: z.string().max(100).optional(),
});

// Only what the delegation prints in its activity report: no accounts, no e-mail of
// people, no notes, no link to internal records beyond the member organisation's id.
export const publicOrganisationSchema = z
  .object({
    delegation: z.object({
      name: z.string(),
      slug: z.string(),
      region: z.string().nullable(),
      departmentsCovered: z.array(z.string()),
      addresses: z.array(z.object({ line: z.string(), postcode: z.string(), city: z.string() })),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      website: z.string().nullable(),
      missions: z.array(z.object({ code: z.string(), label: z.string() })),
      objectives: z.array(
        z.object({ number: z.number().int().nullable(), axis: z.string(), text: z.string() }),
      ),
      /** The delegation's logo (GET /api/public/logo), or null without one. */
      logoUrl: z.string().nullable(),
    }),
    board: z.array(
      z.object({
        firstName: z.string(),
        lastName: z.string(),
        // null: a director without a bureau role (administrateur·rice).
        role: boardRoleSchema.nullable(),
        organisationName: z.string(),
        department: z.string().nullable(),
        nationalRepresentative: z.boolean(),
        electedOn: z.string(),
      }),
    ),
    staff: z.array(z.object({ firstName: z.string(), lastName: z.string(), jobTitle: z.string() })),
  })
  .meta({ id: 'PublicOrganisation' });
export type PublicOrganisation = z.infer<typeof publicOrganisationSchema>;

/**
 * The public "organisation" page: the delegation, its board and its staff, for anyone.
 * Not cached in memory: the board and staff tables announce no change (only the
 * registry does, see migrations/0005), so a cached copy could go stale on other servers;
 * the page is read rarely and costs two small indexed queries.
 */
export async function publicGovernanceRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/public/organisation',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'La délégation, son conseil et son équipe (page publique)',
        tags: ['public'],
        querystring: publicOrganisationQuerySchema,
        response: { 200: publicOrganisationSchema },
      },
    },
    async (request) => {
      const slug = request.query.delegation;
      // Delegation rows do announce their changes: resolving them from memory is safe.
      const delegation = await deps.registryCache.get('*', slug ?? '', () =>
        resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION),
      );
      const today = todayInFrance();
      const { board, staff } = await withTenant(
        db,
        { delegationId: delegation.id, userId: null },
        async (tx) => ({
          board: await listBoard(tx),
          staff: await listStaff(tx),
        }),
      );
      return {
        delegation: {
          ...delegation,
          logoUrl: delegation.logo
            ? `/api/public/logo?delegation=${encodeURIComponent(delegation.slug)}`
            : null,
        },
        // Ended mandates belong to the history, not to the current board.
        board: board.filter((m) => m.endsOn === null || m.endsOn >= today),
        staff,
      };
    },
  );
}
