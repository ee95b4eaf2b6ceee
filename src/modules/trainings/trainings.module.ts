import type { AppModule } from '../../server/app.types.ts';
import { trainingsRoutes } from './trainings.routes.ts';

export const trainingsModule: AppModule = {
  name: 'trainings',
  routes: [trainingsRoutes],
  invalidates: [],
};
