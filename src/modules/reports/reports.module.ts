import type { AppModule } from '../../server/app.types.ts';
import { reportsRoutes } from './reports.routes.ts';

export const reportsModule: AppModule = {
  name: 'reports',
  routes: [reportsRoutes],
  invalidates: [],
};
