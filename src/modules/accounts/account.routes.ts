import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { message } from '../../i18n/messages.ts';
import { ACCOUNT, anyCaller, PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import type { ErrorCode } from '../../server/error-statuses.ts';
import { AppError } from '../../server/errors.ts';
import {
  accountNameSchema,
  accountSessionsSchema,
  accountUpdateSchema,
  passwordChangeSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
} from './account.schemas.ts';
import { listActiveSessions } from './account.service.ts';
import { MIN_PASSWORD_LENGTH } from './auth.ts';
import { type AuthAnswer, forwardToAuth } from './auth-bridge.ts';

const MAX_PASSWORD_LENGTH = 128; // Better Auth's own ceiling

function checkNewPassword(password: string, field: string) {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw fieldError('auth.password_too_short', field, { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH)
    throw fieldError('account.password_too_long', field, { max: MAX_PASSWORD_LENGTH });
}

function fieldError(code: ErrorCode, field: string, params: Record<string, string | number> = {}) {
  return new AppError(code, { params, fields: [{ field, code, message: message(code, params) }] });
}

/** Better Auth's failure → our coded French error; `known` maps its codes to ours and a field. */
function authFailure(
  answer: AuthAnswer,
  known: Record<string, [code: ErrorCode, field: string]> = {},
): AppError {
  if (answer.status === 429) return new AppError('account.rate_limited');
  const code = typeof answer.json?.code === 'string' ? answer.json.code : '';
  const mapped = known[code];
  if (mapped) return fieldError(...mapped);
  if (answer.status === 401) return new AppError('auth.required');
  return new AppError(answer.status >= 500 ? 'auth.unavailable' : 'auth.error');
}

/**
 * What a user may do with their own account: their name, their password, their sessions,
 * and "mot de passe oublié". Each route validates its body and hands the work to
 * Better Auth's endpoint (its hashing, throttling and session handling), which the
 * generic /api/auth bridge no longer opens.
 */
export async function accountRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.patch(
    '/api/account',
    {
      config: { access: ACCOUNT, errors: ['account.rate_limited', 'auth.unavailable', 'auth.error'] },
      schema: {
        summary: 'Change son propre nom',
        tags: ['accounts'],
        body: accountUpdateSchema,
        response: { 200: accountNameSchema },
      },
    },
    async (request, reply) => {
      anyCaller(request);
      const answer = await forwardToAuth(deps, request, reply, '/api/auth/update-user', {
        name: request.body.name,
      });
      if (answer.status >= 400) throw authFailure(answer);
      return reply.status(200).send({ name: request.body.name });
    },
  );

  r.post(
    '/api/account/password',
    {
      config: {
        access: ACCOUNT,
        errors: [
          'auth.password_too_short',
          'account.password_too_long',
          'account.same_password',
          'account.wrong_password',
          'account.rate_limited',
          'auth.unavailable',
          'auth.error',
        ],
      },
      schema: {
        summary: 'Change son mot de passe (les autres sessions prennent fin)',
        tags: ['accounts'],
        body: passwordChangeSchema,
        response: { 204: z.null().describe('Mot de passe changé') },
      },
    },
    async (request, reply) => {
      anyCaller(request);
      checkNewPassword(request.body.newPassword, 'newPassword');
      if (request.body.newPassword === request.body.currentPassword)
        throw fieldError('account.same_password', 'newPassword');
      // revokeOtherSessions: every other session of the account ends (a stolen one
      // with it); this one continues under a new token, sent as a new cookie.
      const answer = await forwardToAuth(deps, request, reply, '/api/auth/change-password', {
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        revokeOtherSessions: true,
      });
      if (answer.status >= 400)
        throw authFailure(answer, {
          INVALID_PASSWORD: ['account.wrong_password', 'currentPassword'],
        });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/account/sessions',
    {
      config: { access: ACCOUNT },
      schema: {
        summary: 'Ses sessions ouvertes (appareils connectés)',
        tags: ['accounts'],
        response: { 200: accountSessionsSchema },
      },
    },
    async (request) => {
      const auth = anyCaller(request);
      const headers = new Headers({ cookie: request.headers.cookie ?? '' });
      const session = await deps.auth.api.getSession({ headers });
      if (!session) throw new AppError('auth.required');
      return { items: await listActiveSessions(deps.database.db, auth.userId, session.session.id) };
    },
  );

  r.post(
    '/api/account/sessions/revoke-others',
    {
      config: { access: ACCOUNT, errors: ['account.rate_limited', 'auth.unavailable', 'auth.error'] },
      schema: {
        summary: 'Ferme ses autres sessions',
        tags: ['accounts'],
        response: { 204: z.null().describe('Autres sessions fermées') },
      },
    },
    async (request, reply) => {
      anyCaller(request);
      const answer = await forwardToAuth(deps, request, reply, '/api/auth/revoke-other-sessions', {});
      if (answer.status >= 400) throw authFailure(answer);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/account/password-reset/request',
    {
      config: { access: PUBLIC, errors: ['account.rate_limited', 'auth.unavailable', 'auth.error'] },
      schema: {
        summary: 'Demande un lien de réinitialisation du mot de passe',
        tags: ['accounts'],
        body: passwordResetRequestSchema,
        response: { 202: passwordResetRequestedSchema },
      },
    },
    async (request, reply) => {
      const answer = await forwardToAuth(deps, request, reply, '/api/auth/request-password-reset', {
        email: request.body.email.toLowerCase(),
      });
      // An address Better Auth finds malformed gets the same answer as an unknown one.
      if (answer.status >= 400 && answer.json?.code !== 'VALIDATION_ERROR') throw authFailure(answer);
      return reply.status(202).send({
        message:
          'Si un compte existe pour cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.',
      });
    },
  );

  r.post(
    '/api/account/password-reset',
    {
      config: {
        access: PUBLIC,
        errors: [
          'auth.password_too_short',
          'account.password_too_long',
          'account.reset_token_invalid',
          'account.rate_limited',
          'auth.unavailable',
          'auth.error',
        ],
      },
      schema: {
        summary: 'Choisit un nouveau mot de passe avec le lien reçu',
        tags: ['accounts'],
        body: passwordResetSchema,
        response: { 204: z.null().describe('Mot de passe changé') },
      },
    },
    async (request, reply) => {
      checkNewPassword(request.body.newPassword, 'newPassword');
      const answer = await forwardToAuth(deps, request, reply, '/api/auth/reset-password', {
        token: request.body.token,
        newPassword: request.body.newPassword,
      });
      if (answer.status >= 400)
        throw authFailure(answer, {
          INVALID_TOKEN: ['account.reset_token_invalid', 'token'],
          USER_NOT_FOUND: ['account.reset_token_invalid', 'token'],
        });
      return reply.status(204).send(null);
    },
  );
}
