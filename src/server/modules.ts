import { accountsModule } from '../modules/accounts/accounts.module.ts';
import { actionsModule } from '../modules/actions/actions.module.ts';
import { auditModule } from '../modules/audit/audit.module.ts';
import { delegationsModule } from '../modules/delegations/delegations.module.ts';
import { duesModule } from '../modules/dues/dues.module.ts';
import { eventsModule } from '../modules/events/events.module.ts';
import { federationModule } from '../modules/federation/federation.module.ts';
import { figuresModule } from '../modules/figures/figures.module.ts';
import { fundersModule } from '../modules/funders/funders.module.ts';
import { governanceModule } from '../modules/governance/governance.module.ts';
import { membersModule } from '../modules/members/members.module.ts';
import { observatoryModule } from '../modules/observatory/observatory.module.ts';
import { practiceGroupsModule } from '../modules/practice-groups/practice-groups.module.ts';
import { purchasingModule } from '../modules/purchasing/purchasing.module.ts';
import { qualityApproachesModule } from '../modules/quality-approaches/quality-approaches.module.ts';
import { reportsModule } from '../modules/reports/reports.module.ts';
import { supportModule } from '../modules/support/support.module.ts';
import { territoriesModule } from '../modules/territories/territories.module.ts';
import { trainingsModule } from '../modules/trainings/trainings.module.ts';
import type { AppModule } from './app.types.ts';

/** Every feature module, in registration order (the order routes appear in the API description). */
export const appModules: AppModule[] = [
  accountsModule,
  delegationsModule,
  membersModule,
  governanceModule,
  auditModule,
  duesModule,
  eventsModule,
  actionsModule,
  practiceGroupsModule,
  trainingsModule,
  figuresModule,
  supportModule,
  observatoryModule,
  fundersModule,
  qualityApproachesModule,
  purchasingModule,
  territoriesModule,
  reportsModule,
  federationModule,
];
