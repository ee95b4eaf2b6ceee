import type { AppModule } from '../../server/app.types.ts';
import { exportRoutes } from './export.routes.ts';
import { importRoutes } from './import.routes.ts';
import { membersRoutes } from './members.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { qualityRoutes } from './quality.routes.ts';

export const membersModule: AppModule = {
  name: 'members',
  routes: [membersRoutes, importRoutes, publicRoutes, qualityRoutes, exportRoutes],
  invalidates: [{ cache: 'registryCache' }, { cache: 'actionsCache' }],
};
