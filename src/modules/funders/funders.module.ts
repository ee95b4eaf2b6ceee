import type { AppModule } from '../../server/app.types.ts';
import { fundersRoutes } from './funders.routes.ts';

export const fundersModule: AppModule = {
  name: 'funders',
  routes: [fundersRoutes],
  invalidates: [],
};
