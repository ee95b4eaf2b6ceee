import type { AppModule } from '../../server/app.types.ts';
import { supportRoutes } from './support.routes.ts';

export const supportModule: AppModule = {
  name: 'support',
  routes: [supportRoutes],
  invalidates: [],
};
