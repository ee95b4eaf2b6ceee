import type { AppModule } from '../../server/app.types.ts';
import { federationRoutes } from './federation.routes.ts';

/** The national team's routes (decision 020): reads only, and a new delegation; no cached read to drop. */
export const federationModule: AppModule = {
  name: 'federation',
  routes: [federationRoutes],
  invalidates: [],
};
