import type { AppModule } from '../../server/app.types.ts';
import { governanceRoutes } from './governance.routes.ts';
import { publicGovernanceRoutes } from './public.routes.ts';
import { staffRoutes } from './staff.routes.ts';

export const governanceModule: AppModule = {
  name: 'governance',
  routes: [governanceRoutes, staffRoutes, publicGovernanceRoutes],
  invalidates: [],
};
