import { z } from 'zod';

/**
 * A new delegation and the e-mail of its first administrator. Deliberately loose: the
 * service checks each field and names the one at fault in French (`checkNewDelegation`).
 */
export const newDelegationSchema = z.object({
  name: z.string().max(1000),
  slug: z.string().max(1000),
  region: z.string().max(1000).nullish(),
  departments: z.array(z.string().max(20)).max(200).default([]),
  adminEmail: z.string().max(1000),
});
export type NewDelegation = z.input<typeof newDelegationSchema>;

export const delegationSummarySchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'DelegationSummary' });

/** The first run: the set-up code from the server's log, the delegation, its administrator. */
export const setupInputSchema = z.object({
  code: z.string().max(100),
  name: z.string().max(1000),
  slug: z.string().max(1000),
  region: z.string().max(1000).nullish(),
  departments: z.array(z.string().max(20)).max(200).default([]),
  adminName: z.string().max(1000),
  adminEmail: z.string().max(1000),
  password: z.string().max(200),
});

export const setupStatusSchema = z
  .object({
    /** True while the installation holds no delegation: every page leads to the set-up page. */
    needed: z.boolean(),
  })
  .meta({ id: 'SetupStatus' });
