import type { FastifyInstance } from 'fastify';
import type { ModuleDeps } from '../../server/app.types.ts';
import { assessmentsRoutes } from './assessments.routes.ts';
import { certificationsRoutes } from './certifications.routes.ts';
import { cohortsRoutes } from './cohorts.routes.ts';

/** Certifications and audits, self-assessment grids and assessments, progress plans, cohorts. */
export async function qualityApproachesRoutes(app: FastifyInstance, deps: ModuleDeps) {
  await certificationsRoutes(app, deps);
  await assessmentsRoutes(app, deps);
  await cohortsRoutes(app, deps);
}
