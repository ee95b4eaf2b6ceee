import type { AppModule } from '../../server/app.types.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { eventsRoutes } from './events.routes.ts';

export const eventsModule: AppModule = {
  name: 'events',
  routes: [eventsRoutes, calendarRoutes],
  invalidates: [{ cache: 'actionsCache' }],
};
