import { accountMessages } from '../modules/accounts/account.messages.ts';
import { actionsMessages } from '../modules/actions/actions.messages.ts';
import { delegationsMessages } from '../modules/delegations/delegations.messages.ts';
import { duesMessages } from '../modules/dues/dues.messages.ts';
import { eventsMessages } from '../modules/events/events.messages.ts';
import { federationMessages } from '../modules/federation/federation.messages.ts';
import { figuresMessages } from '../modules/figures/figures.messages.ts';
import { fundersMessages } from '../modules/funders/funders.messages.ts';
import { governanceMessages } from '../modules/governance/governance.messages.ts';
import { importMessages } from '../modules/members/import.messages.ts';
import { membersMessages } from '../modules/members/members.messages.ts';
import { qualityMessages } from '../modules/members/quality.messages.ts';
import { observatoryMessages } from '../modules/observatory/observatory.messages.ts';
import { practiceGroupsMessages } from '../modules/practice-groups/practice-groups.messages.ts';
import { purchasingMessages } from '../modules/purchasing/purchasing.messages.ts';
import { qualityApproachesMessages } from '../modules/quality-approaches/quality-approaches.messages.ts';
import { reportsMessages } from '../modules/reports/reports.messages.ts';
import { supportMessages } from '../modules/support/support.messages.ts';
import { territoriesMessages } from '../modules/territories/territories.messages.ts';
import { trainingsMessages } from '../modules/trainings/trainings.messages.ts';
import { uploadMessages } from '../server/upload.messages.ts';
import { fr } from './fr.ts';

// Every user-facing string lives in a catalogue keyed by a stable code, so a second
// language is one more file. Feature catalogues are merged here.
const catalogue = {
  ...fr,
  ...accountMessages,
  ...membersMessages,
  ...qualityMessages,
  ...importMessages,
  ...delegationsMessages,
  ...duesMessages,
  ...governanceMessages,
  ...actionsMessages,
  ...fundersMessages,
  ...purchasingMessages,
  ...qualityApproachesMessages,
  ...territoriesMessages,
  ...eventsMessages,
  ...practiceGroupsMessages,
  ...trainingsMessages,
  ...figuresMessages,
  ...supportMessages,
  ...observatoryMessages,
  ...reportsMessages,
  ...federationMessages,
  ...uploadMessages,
};

/** Every code that has a French message: error codes and field codes alike. */
export type MessageCode = keyof typeof catalogue;
const messages: Record<string, string> = catalogue;

/** The French message for a code; `{name}` placeholders are filled from params. */
export function message(code: string, params: Record<string, string | number> = {}): string {
  const template = messages[code] ?? messages.internal ?? code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

export function hasMessage(code: string): boolean {
  return code in catalogue;
}
