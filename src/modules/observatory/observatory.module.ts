import type { FastifyRequest } from 'fastify';
import type { AppModule } from '../../server/app.types.ts';
import { observatoryCampaignsRoutes } from './campaigns.routes.ts';
import { observatoryDashboardRoutes } from './dashboard.routes.ts';
import { observatoryDeclaredRoutes } from './declared.routes.ts';

// A member's own saves are drafts, which no dashboard counts (migrations/0019).
const isMemberDraftSave = (request: FastifyRequest) =>
  request.auth?.role === 'member' && request.routeOptions.url === '/api/observatory/submissions/:id/values';

export const observatoryModule: AppModule = {
  name: 'observatory',
  routes: [observatoryCampaignsRoutes, observatoryDashboardRoutes, observatoryDeclaredRoutes],
  invalidates: [{ cache: 'observatoryCache', unless: isMemberDraftSave }],
};
