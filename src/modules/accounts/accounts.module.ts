import type { AppModule } from '../../server/app.types.ts';
import { accountRoutes } from './account.routes.ts';
import { accountsRoutes } from './accounts.routes.ts';

export const accountsModule: AppModule = {
  name: 'accounts',
  routes: [accountsRoutes, accountRoutes],
  invalidates: [],
};
