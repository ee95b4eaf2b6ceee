import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { jsonBody, sendJsonBody } from '../../server/json-body.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import { todayInFrance } from '../members/members.queries.ts';
import { type ActionView, chronicle } from './actions.queries.ts';
import { type PublicChronicle, publicActionsQuerySchema, publicChronicleSchema } from './actions.schemas.ts';

/** Only what the activity report prints of an action (the response schema drops anything else too). */
function publicAction(action: ActionView): PublicChronicle['months'][number]['actions'][number] {
  return {
    id: action.id,
    title: action.title,
    kind: action.kind,
    startsOn: action.startsOn,
    endsOn: action.endsOn,
    datePrecision: action.datePrecision,
    startTime: action.startTime,
    endTime: action.endTime,
    themes: action.themes,
    missions: action.missions,
    online: action.online,
    town: action.town,
    department: action.department,
    participantsCount: action.participantsCount,
    participantsQualifier: action.participantsQualifier,
    summary: action.summary,
    partners: action.partners.map((p) => ({ name: p.name, role: p.role })),
    members: action.members.map((m) => ({ name: m.name, role: m.role })),
  };
}

/**
 * The public agenda: the delegation's public actions of a year, month by month, for
 * anyone. Read as the app role in the resolved delegation with no user, so row-level
 * security still scopes it; kept in memory, serialised, until the database announces a
 * change of the delegation's actions (migrations/0013_actions_notify.sql).
 */
export async function publicActionsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/public/actions',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: "Agenda public d'une délégation : ses actions publiques de l'année",
        tags: ['public'],
        querystring: publicActionsQuerySchema,
        response: { 200: publicChronicleSchema },
      },
    },
    async (request, reply) => {
      const slug = request.query.delegation;
      // Delegation rows do announce their changes: resolving them from memory is safe.
      const delegation = await deps.registryCache.get('*', slug ?? '', () =>
        resolvePublicDelegation(db, slug, deps.config.DEFAULT_DELEGATION),
      );
      const year = request.query.year ?? Number(todayInFrance().slice(0, 4));
      const body = await deps.actionsCache.get(delegation.id, `public:${year}`, async () => {
        const result = await withTenant(db, { delegationId: delegation.id, userId: null }, (tx) =>
          chronicle(tx, year, { publicOnly: true }),
        );
        return jsonBody({
          ...result,
          months: result.months.map((m) => ({ ...m, actions: m.actions.map(publicAction) })),
        });
      });
      // Already serialised (the schema above documents its shape): sent as stored.
      return sendJsonBody(request, reply as unknown as FastifyReply, body);
    },
  );
}
