import type { AppModule } from '../../server/app.types.ts';
import { purchasingRoutes } from './purchasing.routes.ts';

export const purchasingModule: AppModule = {
  name: 'purchasing',
  routes: [purchasingRoutes],
  invalidates: [],
};
