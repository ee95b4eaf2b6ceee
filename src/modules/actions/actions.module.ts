import type { AppModule } from '../../server/app.types.ts';
import { actionsRoutes } from './actions.routes.ts';

export const actionsModule: AppModule = {
  name: 'actions',
  routes: [actionsRoutes],
  invalidates: [{ cache: 'actionsCache' }],
};
