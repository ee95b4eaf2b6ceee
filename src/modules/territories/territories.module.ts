import type { AppModule } from '../../server/app.types.ts';
import { territoriesRoutes } from './territories.routes.ts';

export const territoriesModule: AppModule = {
  name: 'territories',
  routes: [territoriesRoutes],
  invalidates: [],
};
