import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { withTenant } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { ACCOUNT, allow, anyCaller, caller, PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { ADMINS } from '../../shared/policies.ts';
import { getDelegation } from '../delegations/delegations.service.ts';
import {
  acceptInvitationSchema,
  accountUserListSchema,
  invitationAcceptedSchema,
  invitationCreatedSchema,
  invitationInputSchema,
  invitationListSchema,
  invitationParamsSchema,
  invitationPreviewSchema,
  meSchema,
  roleChangeSchema,
  tokenParamsSchema,
  userParamsSchema,
} from './accounts.schemas.ts';
import {
  acceptInvitation,
  changeRole,
  deactivateUser,
  endSessions,
  findPendingInvitation,
  inviteUser,
  listInvitations,
  listUsers,
  resendInvitation,
  revokeInvitation,
} from './accounts.service.ts';
import { forwardToAuth } from './auth-bridge.ts';

// Better Auth answers in English with its own codes; users read French.
const authErrorCodes: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'auth.invalid_credentials',
  INVALID_EMAIL: 'auth.invalid_credentials',
  INVALID_PASSWORD: 'auth.invalid_credentials',
  ACCOUNT_THROTTLED: 'auth.account_throttled',
};

const OPEN_AUTH_ENDPOINTS = new Set([
  'POST /api/auth/sign-in/email',
  'POST /api/auth/sign-out',
  'GET /api/auth/get-session',
]);

const admins = allow(...ADMINS);
const tags = ['accounts'];

export async function accountsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Better Auth's own endpoints, bridged from Fastify to its fetch handler: only those the
  // app uses. The rest of its API (update-user with any field, change-email, delete-user,
  // change-password without ending the other sessions…) stays closed; what users may do
  // with their account goes through /api/account (account.routes.ts), validated here.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: PUBLIC },
    schema: { hide: true },
    async handler(request, reply) {
      const path = new URL(request.url, deps.config.baseUrl).pathname;
      if (!OPEN_AUTH_ENDPOINTS.has(`${request.method} ${path}`)) throw new AppError('route.not_found');
      const answer = await forwardToAuth(deps, request, reply, request.url, request.body ?? undefined);
      if (answer.status >= 400) {
        let code = answer.status === 429 ? 'auth.rate_limited' : 'auth.error';
        const authCode = typeof answer.json?.code === 'string' ? answer.json.code : '';
        if (authErrorCodes[authCode]) code = authErrorCodes[authCode] as string;
        return reply.type('application/json').send({ error: { code, message: message(code) } });
      }
      return reply.send(answer.text);
    },
  });

  r.get(
    '/api/me',
    {
      config: { access: ACCOUNT, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Qui est connecté, dans quelle délégation, avec quel rôle',
        tags,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const auth = anyCaller(request);
      const delegation = auth.delegationId ? await getDelegation(deps.database.db, auth.delegationId) : null;
      return {
        user: { id: auth.userId, email: auth.email, name: auth.name },
        delegation: delegation && { id: delegation.id, slug: delegation.slug, name: delegation.name },
        role: auth.role,
        organisationId: auth.organisationId,
      };
    },
  );

  r.get(
    '/api/admin/users',
    {
      config: { access: admins },
      schema: {
        summary: 'Utilisateurs de la délégation et leurs rôles',
        tags,
        response: { 200: accountUserListSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      const items = await withTenant(deps.database.db, auth, (tx) => listUsers(tx));
      return { items };
    },
  );

  r.get(
    '/api/admin/invitations',
    {
      config: { access: admins },
      schema: { summary: 'Invitations envoyées', tags, response: { 200: invitationListSchema } },
    },
    async (request) => {
      const items = await withTenant(deps.database.db, caller(request), (tx) => listInvitations(tx));
      return { items };
    },
  );

  r.post(
    '/api/admin/invitations',
    {
      config: {
        access: admins,
        errors: [
          'invitations.member_requires_organisation',
          'invitations.already_member',
          'record.not_found',
          'delegation.not_found',
        ],
      },
      schema: {
        summary: 'Invite une personne (le lien part par e-mail)',
        tags,
        body: invitationInputSchema,
        response: { 201: invitationCreatedSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const delegation = await getDelegation(deps.database.db, auth.delegationId);
      const created = await withTenant(deps.database.db, auth, (tx) =>
        inviteUser(
          tx,
          {
            mailer: deps.mailer,
            baseUrl: deps.config.baseUrl,
            delegationName: delegation.name,
            inviter: auth,
          },
          request.body,
        ),
      );
      // The link is the invitee's credential: it travels by e-mail only, never back to the inviter.
      return reply.status(201).send({ id: created.id });
    },
  );

  r.put(
    '/api/admin/users/:id/role',
    {
      config: {
        access: admins,
        errors: [
          'accounts.user_not_found',
          'accounts.last_admin',
          'invitations.member_requires_organisation',
          'record.not_found',
        ],
      },
      schema: {
        summary: "Change le rôle d'un utilisateur",
        tags,
        params: userParamsSchema,
        body: roleChangeSchema,
        response: { 204: z.null().describe('Rôle changé') },
      },
    },
    async (request, reply) => {
      await withTenant(deps.database.db, caller(request), (tx) =>
        changeRole(tx, request.params.id, request.body),
      );
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/api/admin/users/:id',
    {
      config: { access: admins, errors: ['accounts.user_not_found', 'accounts.last_admin'] },
      schema: {
        summary: "Retire l'accès d'un utilisateur à la délégation (ses sessions prennent fin)",
        tags,
        params: userParamsSchema,
        response: { 204: z.null().describe('Accès retiré') },
      },
    },
    async (request, reply) => {
      await withTenant(deps.database.db, caller(request), (tx) => deactivateUser(tx, request.params.id));
      // At once: the role is gone, and so are the sessions (every server drops them on NOTIFY).
      await endSessions(deps.database.db, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/admin/invitations/:id/resend',
    {
      config: { access: admins, errors: ['invitations.not_pending', 'delegation.not_found'] },
      schema: {
        summary: 'Renvoie une invitation (nouveau lien, l’ancien ne vaut plus)',
        tags,
        params: invitationParamsSchema,
        response: { 201: invitationCreatedSchema },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const delegation = await getDelegation(deps.database.db, auth.delegationId);
      const created = await withTenant(deps.database.db, auth, (tx) =>
        resendInvitation(
          tx,
          {
            mailer: deps.mailer,
            baseUrl: deps.config.baseUrl,
            delegationName: delegation.name,
            inviter: auth,
          },
          request.params.id,
        ),
      );
      return reply.status(201).send(created);
    },
  );

  r.delete(
    '/api/admin/invitations/:id',
    {
      config: { access: admins, errors: ['invitations.not_pending'] },
      schema: {
        summary: 'Annule une invitation en attente',
        tags,
        params: invitationParamsSchema,
        response: { 204: z.null().describe('Invitation annulée') },
      },
    },
    async (request, reply) => {
      await withTenant(deps.database.db, caller(request), (tx) => revokeInvitation(tx, request.params.id));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/invitations/:token',
    {
      config: { access: PUBLIC, errors: ['invitations.not_found'] },
      schema: {
        summary: "Ce qu'une invitation propose (page d'invitation)",
        tags,
        params: tokenParamsSchema,
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => {
      const invitation = await findPendingInvitation(deps.database.db, request.params.token);
      if (!invitation) throw new AppError('invitations.not_found');
      return { email: invitation.email, role: invitation.role, delegationName: invitation.delegationName };
    },
  );

  r.post(
    '/api/invitations/:token/accept',
    {
      config: {
        access: PUBLIC,
        rateLimit: { max: 10, timeWindow: 60_000 },
        errors: ['invitations.not_found', 'auth.password_too_short', 'request.rate_limited'],
      },
      schema: {
        summary: 'Accepte une invitation : crée le compte (ou rattache un compte existant)',
        tags,
        params: tokenParamsSchema,
        body: acceptInvitationSchema,
        response: { 201: invitationAcceptedSchema },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(
        { db: deps.database.db, auth: deps.auth },
        request.params.token,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}
