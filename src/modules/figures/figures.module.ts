import type { AppModule } from '../../server/app.types.ts';
import { figuresRoutes } from './figures.routes.ts';

export const figuresModule: AppModule = {
  name: 'figures',
  routes: [figuresRoutes],
  invalidates: [],
};
