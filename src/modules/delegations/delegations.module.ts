import type { AppModule } from '../../server/app.types.ts';
import { delegationSettingsRoutes } from './settings.routes.ts';
import { setupRoutes } from './setup.routes.ts';

export const delegationsModule: AppModule = {
  name: 'delegations',
  routes: [setupRoutes, delegationSettingsRoutes],
  invalidates: [{ cache: 'registryCache' }],
};
