import { expect } from 'vitest';
import { buildWorld, caller, openCampaign, type World } from '../modules/observatory/campaigns.fixtures.ts';
import type { TestApp } from './app.ts';

/**
 * The observatory world (campaigns.fixtures.ts) with its 2024 campaign open and REGAIN's
 * ACI form saved as a draft holding `values`: where the template and upload files start.
 */
export async function observatoryDraft(t: TestApp, values: Record<string, number>) {
  const world: World = await buildWorld(t);
  const call = caller(t, world);
  const campaign = await openCampaign(t, world, 2024);
  const created = await call('regain', 'POST', `/api/observatory/campaigns/${campaign}/forms`, {
    conventionType: 'ACI',
    values,
  });
  expect(created.statusCode, created.body).toBe(201);
  return { world, call, campaign, submission: created.json().id as string };
}
