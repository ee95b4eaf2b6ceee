/**
 * The delegation a new installation creates in the tests (the first-run form, the
 * `delegation create` command), with its first administrator.
 */
export const BRETAGNE = {
  name: 'Coorace Bretagne',
  slug: 'bretagne',
  region: 'Bretagne',
  departments: ['22', '29', '35', '56'],
  adminName: 'Anne Admin',
  adminEmail: 'anne@example.org',
  password: 'un-mot-de-passe-solide',
};

/** The same delegation as the arguments of `npx maillage delegation create`. */
export function bretagneCreateArgs(adminEmail = BRETAGNE.adminEmail): string[] {
  return [
    'create',
    ...['--name', BRETAGNE.name, '--slug', BRETAGNE.slug, '--region', BRETAGNE.region],
    ...['--departments', BRETAGNE.departments.join(','), '--admin-email', adminEmail],
  ];
}
