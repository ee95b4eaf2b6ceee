import { z } from 'zod';

const text = (max: number) => z.string().max(max);

/** What an administrator may write about the delegation (everything the demo loader writes). */
export const delegationSettingsInputSchema = z.object({
  name: text(200),
  network: text(200).nullish(),
  region: text(200).nullish(),
  departmentsCovered: z.array(text(10)).max(120),
  addresses: z.array(z.object({ line: text(300), postcode: text(10), city: text(100) })).max(10),
  phone: text(64).nullish(),
  email: text(254).nullish(),
  website: text(300).nullish(),
  missions: z.array(z.object({ code: text(40), label: text(300) })).max(20),
  objectives: z
    .array(
      z.object({ number: z.number().int().min(1).max(99).nullable(), axis: text(300), text: text(2000) }),
    )
    .max(40),
  reportTagline: text(300).nullish(),
});
export type DelegationSettingsInput = z.infer<typeof delegationSettingsInputSchema>;

export const delegationSettingsSchema = delegationSettingsInputSchema
  .extend({
    slug: z.string(),
    network: z.string().nullable(),
    region: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    reportTagline: z.string().nullable(),
    /** Where the logo is served (public), or null without one. */
    logoUrl: z.string().nullable(),
  })
  .meta({ id: 'DelegationSettings' });

/** A logo, sent as base64 in JSON (a few hundred kB at most). */
export const logoInputSchema = z.object({ data: z.base64().max(400_000) });

export const publicLogoQuerySchema = z.object({ delegation: z.string().max(100).optional() });
