import type { AppModule } from '../../server/app.types.ts';
import { qualityApproachesRoutes } from './quality-approaches.routes.ts';

export const qualityApproachesModule: AppModule = {
  name: 'quality-approaches',
  routes: [qualityApproachesRoutes],
  invalidates: [],
};
