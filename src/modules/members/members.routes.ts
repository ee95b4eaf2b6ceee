import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, SIGNED_IN } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { READERS, TEAM } from '../../shared/policies.ts';
import { listOrganisations, referenceData } from './members.queries.ts';
import {
  contactCreateSchema,
  contactPatchSchema,
  contactSchema,
  conventionCreateSchema,
  createdSchema,
  establishmentInputSchema,
  establishmentPatchSchema,
  establishmentSchema,
  historySchema,
  idParamsSchema,
  membershipCreateSchema,
  membershipPatchSchema,
  membershipPeriodSchema,
  organisationCreateSchema,
  organisationListQuerySchema,
  organisationListSchema,
  organisationPatchSchema,
  organisationRecordSchema,
  referenceSchema,
} from './members.schemas.ts';
import {
  addContact,
  addConvention,
  addEstablishment,
  addMembership,
  createOrganisation,
  getOrganisation,
  organisationHistory,
  removeContact,
  removeConvention,
  updateContact,
  updateEstablishment,
  updateMembership,
  updateOrganisation,
} from './members.service.ts';
import { restorePreviousValue } from './restore.service.ts';

const team = allow(...TEAM);
// A member user passes these for its own organisation only: the service checks the record
// against src/shared/policies.ts (canSeeOrganisation, organisationEditScope).
const readersAndOwner = allow(...READERS, 'member');
const teamAndOwner = allow(...TEAM, 'member');
const tags = ['members'];

/**
 * The member registry API (back-office and member portal). Routes stay thin: the schema
 * validates the shape, `config.access` the role, the service the rest (a member user's
 * own organisation, field checks) inside one tenant transaction.
 */
export async function membersRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/members/organisations',
    {
      config: { access: allow(...READERS) },
      schema: {
        summary: 'Registre des adhérents (filtré, trié, paginé)',
        tags,
        querystring: organisationListQuerySchema,
        response: { 200: organisationListSchema },
      },
    },
    async (request) => {
      const query = request.query;
      const result = await withTenant(db, caller(request), (tx) => listOrganisations(tx, query));
      return { ...result, page: query.page, pageSize: query.pageSize };
    },
  );

  r.post(
    '/api/members/organisations',
    {
      config: {
        access: team,
        errors: [
          'validation.failed',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: 'Crée une structure (siège, conventions, adhésion)',
        tags,
        body: organisationCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await withTenant(db, caller(request), (tx) => createOrganisation(tx, request.body));
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/members/organisations/:id',
    {
      config: { access: readersAndOwner, errors: ['record.not_found'] },
      schema: {
        summary: "Fiche d'une structure",
        tags,
        params: idParamsSchema,
        response: { 200: organisationRecordSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => getOrganisation(tx, caller(request), request.params.id)),
  );

  r.patch(
    '/api/members/organisations/:id',
    {
      config: {
        access: teamAndOwner,
        errors: [
          'record.not_found',
          'validation.failed',
          'members.field_not_editable',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: 'Modifie une structure (un adhérent : son profil public)',
        tags,
        params: idParamsSchema,
        body: organisationPatchSchema,
        response: { 200: organisationRecordSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        updateOrganisation(tx, caller(request), request.params.id, request.body),
      ),
  );

  r.get(
    '/api/members/organisations/:id/history',
    {
      config: { access: readersAndOwner, errors: ['record.not_found'] },
      schema: {
        summary: "Historique d'une structure",
        tags,
        params: idParamsSchema,
        response: { 200: historySchema },
      },
    },
    async (request) => {
      const items = await withTenant(db, caller(request), (tx) =>
        organisationHistory(tx, caller(request), request.params.id),
      );
      return { items };
    },
  );

  r.post(
    '/api/members/organisations/:id/history/:entryId/restore',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'history.entry_not_found',
          'history.field_not_restorable',
          'history.not_restorable',
          'validation.failed',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: "Rétablit la valeur précédente d'un champ",
        tags,
        params: z.object({ id: z.uuid(), entryId: z.coerce.number().int().positive() }),
        body: z.strictObject({ field: z.string().min(1).max(100) }),
        response: { 200: organisationRecordSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        restorePreviousValue(
          tx,
          caller(request),
          request.params.id,
          request.params.entryId,
          request.body.field,
        ),
      ),
  );

  r.post(
    '/api/members/organisations/:id/establishments',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'validation.failed',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: 'Ajoute un établissement',
        tags,
        params: idParamsSchema,
        body: establishmentInputSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await withTenant(db, caller(request), (tx) =>
        addEstablishment(tx, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/members/establishments/:id',
    {
      config: {
        access: teamAndOwner,
        errors: [
          'record.not_found',
          'validation.failed',
          'members.field_not_editable',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: 'Modifie un établissement (un adhérent : ses coordonnées publiques)',
        tags,
        params: idParamsSchema,
        body: establishmentPatchSchema,
        response: { 200: establishmentSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) =>
        updateEstablishment(tx, caller(request), request.params.id, request.body),
      ),
  );

  r.post(
    '/api/members/organisations/:id/conventions',
    {
      config: {
        access: team,
        errors: [
          'record.not_found',
          'validation.failed',
          'members.duplicate_name',
          'members.duplicate_siret',
          'members.duplicate_convention',
        ],
      },
      schema: {
        summary: 'Ajoute une convention',
        tags,
        params: idParamsSchema,
        body: conventionCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await withTenant(db, caller(request), (tx) =>
        addConvention(tx, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/members/conventions/:id',
    {
      config: { access: team, errors: ['record.not_found'] },
      schema: {
        summary: 'Retire une convention',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Convention retirée') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => removeConvention(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/members/organisations/:id/memberships',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: "Ouvre une période d'adhésion",
        tags,
        params: idParamsSchema,
        body: membershipCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await withTenant(db, caller(request), (tx) =>
        addMembership(tx, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/members/memberships/:id',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: "Modifie une période d'adhésion (départ)",
        tags,
        params: idParamsSchema,
        body: membershipPatchSchema,
        response: { 200: membershipPeriodSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateMembership(tx, request.params.id, request.body)),
  );

  r.post(
    '/api/members/organisations/:id/contacts',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: 'Ajoute un contact',
        tags,
        params: idParamsSchema,
        body: contactCreateSchema,
        response: { 201: createdSchema },
      },
    },
    async (request, reply) => {
      const created = await withTenant(db, caller(request), (tx) =>
        addContact(tx, request.params.id, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  r.patch(
    '/api/members/contacts/:id',
    {
      config: { access: team, errors: ['record.not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie un contact',
        tags,
        params: idParamsSchema,
        body: contactPatchSchema,
        response: { 200: contactSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => updateContact(tx, request.params.id, request.body)),
  );

  r.delete(
    '/api/members/contacts/:id',
    {
      config: { access: team, errors: ['record.not_found'] },
      schema: {
        summary: 'Supprime un contact',
        tags,
        params: idParamsSchema,
        response: { 204: z.null().describe('Contact supprimé') },
      },
    },
    async (request, reply) => {
      await withTenant(db, caller(request), (tx) => removeContact(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/members/reference',
    {
      config: { access: SIGNED_IN },
      schema: {
        summary: 'Référentiels : types de convention, départements',
        tags,
        response: { 200: referenceSchema },
      },
    },
    async (request) =>
      withTenant(db, caller(request), (tx) => referenceData(tx, caller(request).delegationId)),
  );
}
