import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { message } from '../../i18n/messages.ts';
import { AppError, type FieldError } from '../../server/errors.ts';
import {
  checkPostcode,
  checkWebsite,
  isDepartmentCode,
  normaliseEmail,
  normalisePhone,
} from '../members/members.validation.ts';
import { delegations } from './delegations.table.ts';
import { checkLogo } from './logo.ts';
import type { DelegationSettingsInput } from './settings.schemas.ts';

const field = (name: string, code: string, params: Record<string, string> = {}): FieldError => ({
  field: name,
  code,
  message: message(code, params),
});

/** The delegation's settings, as its administrator edits them (the bound delegation only). */
export async function getSettings(tx: Tx, delegationId: string) {
  const [row] = await tx.select().from(delegations).where(eq(delegations.id, delegationId));
  if (!row) throw new AppError('delegation.not_found');
  const { logo, logoType, id, createdAt, ...rest } = row;
  void logoType;
  void id;
  void createdAt;
  return { ...rest, logoUrl: logo ? `/api/public/logo?delegation=${encodeURIComponent(row.slug)}` : null };
}

/**
 * Checks every field and names each one at fault (`addresses.0.postcode`…), then writes
 * them as the app role: row-level security lets an administrator change only their own
 * delegation, the column grants never its id or slug, and the trigger keeps the history.
 */
export async function updateSettings(tx: Tx, delegationId: string, input: DelegationSettingsInput) {
  const fields: FieldError[] = [];
  const name = input.name.trim();
  if (!name) fields.push(field('name', 'delegations.name_required'));
  const departmentsCovered: string[] = [];
  for (const raw of input.departmentsCovered) {
    const code = raw.trim().toUpperCase();
    if (!code) continue;
    if (!isDepartmentCode(code))
      fields.push(field('departmentsCovered', 'delegations.department_unknown', { code }));
    else if (!departmentsCovered.includes(code)) departmentsCovered.push(code);
  }
  const optional = (value: string | null | undefined) => value?.trim() || null;
  const check = (
    key: string,
    value: string | null,
    fn: (raw: string) => { ok: true; value: string } | { ok: false },
    code: string,
  ) => {
    if (!value) return null;
    const result = fn(value);
    if (!result.ok) fields.push(field(key, code));
    return result.ok ? result.value : null;
  };
  const phone = check('phone', optional(input.phone), normalisePhone, 'delegations.phone_invalid');
  const email = check('email', optional(input.email), normaliseEmail, 'delegations.email_invalid');
  const website = check('website', optional(input.website), checkWebsite, 'delegations.website_invalid');
  const addresses = input.addresses.map((a, i) => {
    const address = { line: a.line.trim(), postcode: a.postcode.trim(), city: a.city.trim() };
    if (!address.line || !address.postcode || !address.city)
      fields.push(field(`addresses.${i}`, 'delegations.address_incomplete'));
    else if (!checkPostcode(address.postcode).ok)
      fields.push(field(`addresses.${i}.postcode`, 'delegations.postcode_invalid'));
    return address;
  });
  const missions = input.missions.map((m, i) => {
    const mission = { code: m.code.trim(), label: m.label.trim() };
    if (!mission.code || !mission.label)
      fields.push(field(`missions.${i}`, 'delegations.mission_incomplete'));
    return mission;
  });
  const numbers = new Set<number>();
  const objectives = input.objectives.map((o, i) => {
    const objective = { number: o.number, axis: o.axis.trim(), text: o.text.trim() };
    if (!objective.axis || !objective.text)
      fields.push(field(`objectives.${i}`, 'delegations.objective_incomplete'));
    if (objective.number !== null) {
      if (numbers.has(objective.number))
        fields.push(field(`objectives.${i}.number`, 'delegations.objective_number_repeated'));
      numbers.add(objective.number);
    }
    return objective;
  });
  if (fields.length > 0) throw new AppError('validation.failed', { fields });
  const updated = await tx
    .update(delegations)
    .set({
      name,
      network: optional(input.network),
      region: optional(input.region),
      departmentsCovered,
      addresses,
      phone,
      email,
      website,
      missions,
      objectives,
      reportTagline: optional(input.reportTagline),
    })
    .where(eq(delegations.id, delegationId))
    .returning({ id: delegations.id });
  if (updated.length === 0) throw new AppError('delegation.not_found');
  return getSettings(tx, delegationId);
}

/** Replaces (or, with null, removes) the logo after checking its content. */
export async function setLogo(tx: Tx, delegationId: string, bytes: Buffer | null) {
  let logoType: string | null = null;
  if (bytes) {
    const checked = checkLogo(bytes);
    if (!checked.ok) throw new AppError('validation.failed', { fields: [field('logo', checked.code)] });
    logoType = checked.type;
  }
  await tx.update(delegations).set({ logo: bytes, logoType }).where(eq(delegations.id, delegationId));
  return getSettings(tx, delegationId);
}
