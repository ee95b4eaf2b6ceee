import type { Access, RegisteredRoute } from '../server/access.ts';

/**
 * What each path parameter of the API names, keyed by the route's URL up to and
 * including that parameter. The authorization matrix fills every parameter with a real
 * record of the tested delegation; a route whose parameter is not listed here fails it.
 */
export const PARAM_SAMPLES = {
  '/api/invitations/:token': 'invitationToken',
  '/api/admin/users/:id': 'user',
  '/api/admin/invitations/:id': 'invitation',
  '/api/members/organisations/:id': 'organisation',
  '/api/members/organisations/:id/history/:entryId': 'historyEntry',
  '/api/members/establishments/:id': 'establishment',
  '/api/members/conventions/:id': 'convention',
  '/api/members/memberships/:id': 'membership',
  '/api/members/contacts/:id': 'contact',
  '/api/members/quality/acceptances/:id': 'qualityAcceptance',
  '/api/governance/assemblies/:id': 'assembly',
  '/api/governance/mandates/:id': 'mandate',
  '/api/governance/staff/:id': 'staffMember',
  '/api/governance/groups/:id': 'memberGroup',
  '/api/audit/records/:recordId': 'organisation',
  '/api/dues/grids/:year': 'year',
  '/api/dues/calls/:id': 'duesCall',
  '/api/events/:actionId': 'event',
  '/api/events/:actionId/registrations/:id': 'registration',
  '/api/calendar/feeds/:token': 'calendarToken',
  '/api/partners/:id': 'partner',
  '/api/actions/:id': 'action',
  '/api/practice-groups/:id': 'practiceGroup',
  '/api/practice-groups/:id/people/:personId': 'practiceGroupPerson',
  '/api/practice-groups/:id/meetings/:actionId': 'practiceGroupMeeting',
  '/api/trainings/:id': 'training',
  '/api/trainings/:id/trainees/:traineeId': 'trainee',
  '/api/figures/declared/:year': 'declaredFigureYear',
  '/api/figures/declared/:year/:key': 'declaredFigureKey',
  '/api/support/files/:id': 'supportFile',
  '/api/support/files/:id/time/:entryId': 'supportTimeEntry',
  '/api/support/files/:id/notes/:entryId': 'supportNote',
  '/api/support/files/:id/documents/:docId': 'supportDocument',
  '/api/support/interview-templates/:year': 'year',
  '/api/support/interviews/:year': 'year',
  '/api/support/interviews/:year/:organisationId': 'organisation',
  '/api/observatory/campaigns/:id': 'campaign',
  '/api/observatory/campaigns/:id/indicators/:indicatorId': 'indicator',
  '/api/observatory/campaigns/:id/forms/:conventionType': 'conventionType',
  '/api/observatory/submissions/:id': 'submission',
  '/api/observatory/submissions/:id/documents/:docId': 'submissionDocument',
  '/api/observatory/position/:organisationId': 'organisation',
  '/api/observatory/declared/:year': 'declaredIndicatorYear',
  '/api/observatory/declared/:year/:indicatorCode': 'declaredIndicatorCode',
  '/api/funders/:id': 'funder',
  '/api/quality-approaches/certifications/:id': 'certification',
  '/api/quality-approaches/audits/:id': 'certificationAudit',
  '/api/quality-approaches/grids/:id': 'grid',
  '/api/quality-approaches/assessments/:id': 'assessment',
  '/api/quality-approaches/organisations/:id': 'organisation',
  '/api/quality-approaches/progress-actions/:id': 'progressAction',
  '/api/quality-approaches/cohorts/:id': 'cohort',
  '/api/purchasing/buyers/:id': 'buyer',
  '/api/purchasing/opportunities/:id': 'opportunity',
  '/api/purchasing/matches/:id': 'opportunityMatch',
  '/api/territories/projects/:id': 'territorialProject',
  '/api/territories/projects/:id/members/:childId': 'projectMember',
  '/api/territories/projects/:id/links/:childId': 'projectLink',
  '/api/territories/projects/:id/sessions/:childId': 'projectSession',
  '/api/reports/:year': 'year',
  '/api/federation/reports/:year': 'year',
} as const satisfies Record<string, string>;

export type SampleKind = (typeof PARAM_SAMPLES)[keyof typeof PARAM_SAMPLES];
export type Samples = Record<SampleKind, string>;

/** Query parameters a route needs to answer staff (the organisation a form is read for). */
export const QUERY_SAMPLES: Record<string, Record<string, SampleKind>> = {
  'GET /api/observatory/campaigns/:id/forms': { organisationId: 'organisation' },
  'GET /api/observatory/campaigns/:id/forms/:conventionType': { organisationId: 'organisation' },
};

/** Catch-all routes (the auth library's), by method: a harmless path under them. */
export const WILDCARD_SAMPLES: Record<string, string> = {
  'GET /api/auth/*': '/api/auth/get-session',
  'POST /api/auth/*': '/api/auth/sign-in/email',
};

const WHERE = 'src/test/route-samples.ts';

/** The route's declared policy, or an error saying that one must be declared. */
export function policyOf(route: RegisteredRoute): Access {
  const access = route.access as Access | undefined;
  if (!access || !['public', 'signedIn', 'account', 'roles'].includes(access.kind))
    throw new Error(
      `${route.method} ${route.url} declares no access policy: add config: { access: PUBLIC | SIGNED_IN | ACCOUNT | allow(...) } (src/server/access.ts)`,
    );
  return access;
}

/** The route's URL with every parameter replaced by a sample, or an error naming what to add. */
export function sampleUrl(route: RegisteredRoute, samples: Samples): string {
  if (route.url.includes('*')) {
    const url = WILDCARD_SAMPLES[`${route.method} ${route.url}`];
    if (!url)
      throw new Error(`${route.method} ${route.url}: add a path under it to WILDCARD_SAMPLES in ${WHERE}`);
    return url;
  }
  const path = route.url.replace(/:(\w+)/g, (param, _name: string, offset: number) => {
    const key = route.url.slice(0, offset + param.length);
    const kind = (PARAM_SAMPLES as Record<string, SampleKind>)[key];
    if (!kind)
      throw new Error(
        `${route.method} ${route.url}: no sample for the parameter ${param}; add '${key}': '<kind of record>' to PARAM_SAMPLES in ${WHERE} and create such a record in src/server/authorization-matrix.test.ts`,
      );
    const value = samples[kind];
    if (!value)
      throw new Error(`${route.method} ${route.url}: no record of kind '${kind}' was created for the matrix`);
    return encodeURIComponent(value);
  });
  const query = Object.entries(QUERY_SAMPLES[`${route.method} ${route.url}`] ?? {});
  return query.length === 0
    ? path
    : `${path}?${new URLSearchParams(query.map(([k, kind]) => [k, samples[kind]]))}`;
}

/** Paths of the sample table that no registered route uses any more (kept short by the matrix). */
export function unusedSamples(routes: RegisteredRoute[]): string[] {
  return Object.keys(PARAM_SAMPLES).filter((key) => !routes.some((r) => r.url.startsWith(key)));
}
