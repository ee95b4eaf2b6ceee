import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { caller, PUBLIC, SIGNED_IN } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { resolvePublicDelegation } from '../delegations/delegations.service.ts';
import {
  calendarTokenStatus,
  createCalendarToken,
  feedUrl,
  privateCalendar,
  publicCalendar,
  revokeCalendarTokens,
} from './calendar.service.ts';
import {
  calendarTokenSchema,
  calendarTokenStatusSchema,
  feedParamsSchema,
  icsFile,
  publicCalendarQuerySchema,
} from './events.schemas.ts';

const tags = ['events'];
const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/**
 * Feeds are read by calendar apps, which poll them: they answer with the calendar and a
 * short cache time, not from memory (actions announce no change to other app servers).
 */
export async function calendarRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;
  const baseUrl = deps.config.baseUrl;

  r.get(
    '/api/public/events.ics',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Calendrier public des actions de la délégation (iCalendar)',
        tags: ['public'],
        querystring: publicCalendarQuerySchema,
        response: { 200: icsFile },
      },
    },
    async (request, reply) => {
      const delegation = await resolvePublicDelegation(
        db,
        request.query.delegation,
        deps.config.DEFAULT_DELEGATION,
      );
      const body = await publicCalendar(db, delegation, {
        baseUrl,
        now: new Date(),
        year: request.query.year,
      });
      return reply
        .type(CALENDAR_TYPE)
        .header('cache-control', 'public, max-age=300')
        .header('content-disposition', `inline; filename="${delegation.slug}.ics"`)
        .send(body);
    },
  );

  r.get(
    '/api/calendar/token',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Mon lien de calendrier privé est-il actif ?',
        tags,
        response: { 200: calendarTokenStatusSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => calendarTokenStatus(tx, auth.userId));
    },
  );

  r.post(
    '/api/calendar/token',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Crée mon lien de calendrier privé (montré une seule fois)',
        tags,
        response: { 201: calendarTokenSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const token = await withTenant(db, auth, (tx) => createCalendarToken(tx, auth.userId));
      // Shown once: only its hash is kept.
      return reply.status(201).send({ url: feedUrl(baseUrl, token) });
    },
  );

  r.delete(
    '/api/calendar/token',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Révoque mes liens de calendrier privé',
        tags,
        response: { 204: z.null().describe('Liens révoqués') },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      await withTenant(db, auth, (tx) => revokeCalendarTokens(tx, auth.userId));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/calendar/feeds/:token.ics',
    {
      config: { access: PUBLIC, errors: ['events.calendar_not_found'] },
      schema: {
        summary: 'Calendrier privé des événements (iCalendar, par son lien secret)',
        tags,
        params: feedParamsSchema,
        response: { 200: icsFile },
      },
    },
    async (request, reply) => {
      const body = await privateCalendar(db, request.params.token, { baseUrl, now: new Date() });
      if (body === null) throw new AppError('events.calendar_not_found');
      // Private: no shared cache may keep it.
      return reply.type(CALENDAR_TYPE).header('cache-control', 'private, no-store').send(body);
    },
  );
}
