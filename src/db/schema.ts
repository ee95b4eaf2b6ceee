// Every Drizzle table, for drizzle-kit and the typed client.
export * from '../modules/accounts/accounts.table.ts';
export * from '../modules/actions/actions.table.ts';
export * from '../modules/audit/audit.table.ts';
export * from '../modules/delegations/delegations.table.ts';
export * from '../modules/dues/dues.table.ts';
export * from '../modules/events/events.table.ts';
export * from '../modules/figures/figures.table.ts';
export * from '../modules/governance/governance.table.ts';
export * from '../modules/members/import.table.ts';
export * from '../modules/members/members.table.ts';
export * from '../modules/members/quality.table.ts';
export * from '../modules/observatory/observatory.table.ts';
export * from '../modules/practice-groups/practice-groups.table.ts';
export * from '../modules/support/support.table.ts';
export * from '../modules/trainings/trainings.table.ts';
