import type { AppModule } from '../../server/app.types.ts';
import { practiceGroupsRoutes } from './practice-groups.routes.ts';

export const practiceGroupsModule: AppModule = {
  name: 'practice-groups',
  routes: [practiceGroupsRoutes],
  invalidates: [{ cache: 'actionsCache' }],
};
