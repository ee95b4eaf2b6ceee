import type { AppModule } from '../../server/app.types.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule: AppModule = {
  name: 'audit',
  routes: [auditRoutes],
  invalidates: [],
};
