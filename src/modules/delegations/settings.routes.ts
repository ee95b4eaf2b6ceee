import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { withTenant } from '../../db/client.ts';
import { allow, caller, PUBLIC } from '../../server/access.ts';
import type { ModuleDeps } from '../../server/app.types.ts';
import { AppError } from '../../server/errors.ts';
import { imageFile } from '../../server/openapi.files.ts';
import { ADMINS } from '../../shared/policies.ts';
import { resolvePublicDelegation } from './delegations.service.ts';
import {
  delegationSettingsInputSchema,
  delegationSettingsSchema,
  logoInputSchema,
  publicLogoQuerySchema,
} from './settings.schemas.ts';
import { getSettings, setLogo, updateSettings } from './settings.service.ts';

/** The delegation's own settings (administrators), and its logo for the public pages. */
const admins = allow(...ADMINS);

export async function delegationSettingsRoutes(app: FastifyInstance, deps: ModuleDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = deps.database.db;

  r.get(
    '/api/delegation/settings',
    {
      config: { access: admins, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Paramètres de la délégation',
        tags: ['delegation'],
        response: { 200: delegationSettingsSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => getSettings(tx, auth.delegationId));
    },
  );

  r.put(
    '/api/delegation/settings',
    {
      config: { access: admins, errors: ['delegation.not_found', 'validation.failed'] },
      schema: {
        summary: 'Modifie les paramètres de la délégation',
        tags: ['delegation'],
        body: delegationSettingsInputSchema,
        response: { 200: delegationSettingsSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => updateSettings(tx, auth.delegationId, request.body));
    },
  );

  r.put(
    '/api/delegation/logo',
    {
      config: { access: admins, errors: ['delegation.not_found', 'validation.failed'] },
      schema: {
        summary: 'Dépose le logo de la délégation (PNG ou SVG, en base64)',
        tags: ['delegation'],
        body: logoInputSchema,
        response: { 200: delegationSettingsSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      const bytes = Buffer.from(request.body.data, 'base64');
      return withTenant(db, auth, (tx) => setLogo(tx, auth.delegationId, bytes));
    },
  );

  r.delete(
    '/api/delegation/logo',
    {
      config: { access: admins, errors: ['delegation.not_found'] },
      schema: {
        summary: 'Retire le logo de la délégation',
        tags: ['delegation'],
        response: { 200: delegationSettingsSchema },
      },
    },
    async (request) => {
      const auth = caller(request);
      return withTenant(db, auth, (tx) => setLogo(tx, auth.delegationId, null));
    },
  );

  r.get(
    '/api/public/logo',
    {
      config: { access: PUBLIC, errors: ['delegation.not_found', 'delegations.no_logo'] },
      schema: {
        summary: "Logo d'une délégation (pages publiques)",
        tags: ['public'],
        querystring: publicLogoQuerySchema,
        response: { 200: imageFile },
      },
    },
    async (request, reply) => {
      const delegation = await resolvePublicDelegation(
        db,
        request.query.delegation,
        deps.config.DEFAULT_DELEGATION,
      );
      if (!delegation.logo || !delegation.logoType) throw new AppError('delegations.no_logo');
      // An SVG opened on its own is a document: nothing in it may run or load anything.
      return reply
        .header('content-type', delegation.logoType)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=300')
        .send(delegation.logo);
    },
  );
}
