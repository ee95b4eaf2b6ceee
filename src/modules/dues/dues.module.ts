import type { AppModule } from '../../server/app.types.ts';
import { duesRoutes } from './dues.routes.ts';

export const duesModule: AppModule = {
  name: 'dues',
  routes: [duesRoutes],
  invalidates: [],
};
