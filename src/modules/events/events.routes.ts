import { inArray } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, SIGNED_IN } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { csvFile } from '../../server/openapi.ts';
import type { AuthContext } from '../../server/request-context.ts';
import { TEAM } from '../../shared/policies.ts';
import { getDelegation } from '../delegations/delegations.service.ts';
import { addWalkIn, csvFileName, registrationsCsv, takeAttendance } from './attendance.service.ts';
import { type RegistrationMailKind, registrationMail } from './events.mail.ts';
import type { EventRow, ParticipationRow } from './events.queries.ts';
import { loadEvent, registrationsOf, waitingPositions } from './events.queries.ts';
import {
  actionParamsSchema,
  attendanceInputSchema,
  attendanceSchema,
  cancellationSchema,
  eventListSchema,
  eventSchema,
  eventsQuerySchema,
  registrationInputSchema,
  registrationListSchema,
  registrationParamsSchema,
  registrationSchema,
  walkInInputSchema,
  walkInSchema,
} from './events.schemas.ts';
import { cancelRegistration, getEvent, listEvents, listRegistrations, register } from './events.service.ts';
import { participations } from './events.table.ts';

const team = allow(...TEAM);
const registrars = allow(...TEAM, 'member');
const tags = ['events'];

export async function eventsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  /**
   * Mail is sent once the registration is committed (never for one rolled back), and a
   * failed send does not undo it: it is logged, and `confirmation_sent_at` stays empty.
   */
  async function notify(
    auth: AuthContext,
    log: FastifyBaseLogger,
    event: EventRow,
    people: { kind: RegistrationMailKind; participation: ParticipationRow }[],
  ) {
    const recipients = people.filter((p) => p.participation.email);
    if (recipients.length === 0) return;
    try {
      await send(auth, log, event, recipients);
    } catch (error) {
      log.error({ err: error, actionId: event.id }, 'event mails not sent');
    }
  }

  async function send(
    auth: AuthContext,
    log: FastifyBaseLogger,
    event: EventRow,
    recipients: { kind: RegistrationMailKind; participation: ParticipationRow }[],
  ) {
    const delegation = await getDelegation(db, auth.delegationId);
    const positions = await withTenant(db, auth, (tx) => waitingPositions(tx, [event.id]));
    const sent: string[] = [];
    for (const { kind, participation } of recipients) {
      const mail = registrationMail(kind, { ...participation, email: participation.email as string }, event, {
        baseUrl: deps.config.baseUrl,
        delegationName: delegation.name,
        waitingPosition: positions.get(participation.id) ?? null,
      });
      try {
        await deps.mailer.send(mail);
        sent.push(participation.id);
      } catch (error) {
        log.error({ err: error, participationId: participation.id }, 'event mail not sent');
      }
    }
    if (sent.length > 0)
      await withTenant(db, auth, (tx) =>
        tx
          .update(participations)
          .set({ confirmationSentAt: new Date() })
          .where(inArray(participations.id, sent)),
      );
  }

  r.get(
    '/api/events',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Événements ouverts aux inscriptions',
        tags,
        querystring: eventsQuerySchema,
        response: { 200: eventListSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) =>
        listEvents(tx, auth, { upcoming: request.query.upcoming, now: new Date() }),
      );
    },
  );

  r.get(
    '/api/events/:actionId',
    {
      config: { access: SIGNED_IN, errors: ['events.not_found'] },
      schema: {
        summary: 'Un événement, ses places et ses inscrits comptés',
        tags,
        params: actionParamsSchema,
        response: { 200: eventSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => getEvent(tx, request.params.actionId, new Date())),
  );

  r.get(
    '/api/events/:actionId/registrations',
    {
      config: { access: registrars, errors: ['events.not_found'] },
      schema: {
        summary: 'Inscriptions à un événement (celles de sa structure pour un adhérent)',
        tags,
        params: actionParamsSchema,
        response: { 200: registrationListSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => listRegistrations(tx, auth, request.params.actionId));
    },
  );

  r.get(
    '/api/events/:actionId/registrations.csv',
    {
      config: { access: team, errors: ['events.not_found'] },
      schema: {
        summary: 'Inscriptions à un événement (CSV)',
        tags,
        params: actionParamsSchema,
        response: { 200: csvFile },
      },
    },
    async (request, reply) => {
      const { event, items } = await withTenant(db, caller(request), async (tx) => {
        const found = await loadEvent(tx, request.params.actionId);
        return { event: found, items: await registrationsOf(tx, [found.id]) };
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csvFileName(event)}"`)
        .send(registrationsCsv(items));
    },
  );

  r.post(
    '/api/events/:actionId/registrations',
    {
      config: {
        access: registrars,
        errors: [
          'events.not_found',
          'events.registration_closed',
          'events.already_registered',
          'events.other_organisation',
          'events.organisation_unknown',
        ],
      },
      schema: {
        summary: "Inscrit une personne à un événement (ou en liste d'attente)",
        tags,
        params: actionParamsSchema,
        body: registrationInputSchema,
        response: { 201: registrationSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const outcome = await withTenant(db, auth, (tx) =>
        register(tx, auth, request.params.actionId, request.body, new Date()),
      );
      await notify(auth, request.log, outcome.event, [
        ...outcome.promoted.map((p) => ({ kind: 'promoted' as const, participation: p })),
        {
          kind: outcome.participation.status === 'waiting' ? 'waiting' : 'registered',
          participation: outcome.participation,
        },
      ]);
      // Read back after the mails: the view carries the waiting rank and the organisation's name.
      const items = await withTenant(db, auth, (tx) => registrationsOf(tx, [outcome.event.id]));
      const registration = items.find((i) => i.id === outcome.participation.id);
      if (!registration) throw new AppError('internal');
      return reply.status(201).send(registration);
    },
  );

  r.post(
    '/api/events/:actionId/registrations/:id/cancel',
    {
      config: {
        access: registrars,
        errors: [
          'events.not_found',
          'events.registration_not_found',
          'events.already_cancelled',
          'events.already_started',
        ],
      },
      schema: {
        summary: 'Annule une inscription (la première personne en attente prend la place)',
        tags,
        params: registrationParamsSchema,
        response: { 200: cancellationSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      const { actionId, id } = request.params;
      const outcome = await withTenant(db, auth, (tx) =>
        cancelRegistration(tx, auth, actionId, id, new Date()),
      );
      await notify(
        auth,
        request.log,
        outcome.event,
        outcome.promoted.map((p) => ({ kind: 'promoted' as const, participation: p })),
      );
      return {
        id: outcome.participation.id,
        status: outcome.participation.status,
        promoted: outcome.promoted.map((p) => p.id),
      };
    },
  );

  r.put(
    '/api/events/:actionId/attendance',
    {
      config: { access: team, errors: ['events.not_found', 'validation.failed'] },
      schema: {
        summary: 'Enregistre les présences à un événement',
        tags,
        params: actionParamsSchema,
        body: attendanceInputSchema,
        response: { 200: attendanceSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => takeAttendance(tx, request.params.actionId, request.body)),
  );

  r.post(
    '/api/events/:actionId/walk-ins',
    {
      config: {
        access: team,
        errors: ['events.not_found', 'events.already_registered', 'events.organisation_unknown'],
      },
      schema: {
        summary: 'Ajoute une personne venue sans inscription, notée présente',
        tags,
        params: actionParamsSchema,
        body: walkInInputSchema,
        response: { 201: walkInSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const result = await withTenant(db, auth, (tx) =>
        addWalkIn(tx, auth, request.params.actionId, request.body),
      );
      return reply.status(201).send(result);
    },
  );
}
