/**
 * The e-mails of registrations, in French: confirmation or waiting-list notice, the
 * notice that a place freed up, and the reminder the day before. Each names the event,
 * its date and time in French, its place (or "en ligne"), and links to the app.
 */
import { composeMail, type Mail } from '../../server/mailer.ts';
import { departmentName } from '../members/members.validation.ts';
import { frenchWhen } from './paris-time.ts';

export interface MailEvent {
  title: string;
  startsOn: string;
  endsOn: string;
  startTime: string | null;
  endTime: string | null;
  online: boolean;
  town: string | null;
  department: string | null;
  summary: string | null;
}

export interface MailPerson {
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface MailContext {
  baseUrl: string;
  delegationName: string;
}

/** "Toulouse (31)", "Haute-Garonne (31)", or null when the action says nowhere. */
export function placeOf(event: Pick<MailEvent, 'town' | 'department'>): string | null {
  if (event.town) return event.department ? `${event.town} (${event.department})` : event.town;
  if (event.department) {
    const name = departmentName(event.department);
    return name ? `${name} (${event.department})` : `Département ${event.department}`;
  }
  return null;
}

function details(event: MailEvent, context: MailContext): string[] {
  const where = event.online ? 'en ligne' : placeOf(event);
  return [
    `Date : ${frenchWhen(event)}`,
    ...(where ? [`Lieu : ${where}`] : []),
    ...(event.summary ? ['', event.summary] : []),
    '',
    `Les événements de la délégation : ${context.baseUrl}/evenements`,
    '',
    context.delegationName,
  ];
}

const hello = (person: MailPerson) => `Bonjour ${person.firstName} ${person.lastName},`;

export type RegistrationMailKind = 'registered' | 'waiting' | 'promoted';

export function registrationMail(
  kind: RegistrationMailKind,
  person: MailPerson & { email: string },
  event: MailEvent,
  context: MailContext & { waitingPosition?: number | null },
): Mail {
  const lead = {
    registered: [`Votre inscription à « ${event.title} » est confirmée.`],
    waiting: [
      `« ${event.title} » est complet : vous êtes sur la liste d'attente` +
        (context.waitingPosition ? ` (rang ${context.waitingPosition}).` : '.'),
      'Si une place se libère, elle vous sera attribuée dans l’ordre des inscriptions et vous recevrez un message.',
    ],
    promoted: [`Une place s'est libérée : votre inscription à « ${event.title} » est confirmée.`],
  }[kind];
  const subject = {
    registered: `Inscription confirmée : ${event.title}`,
    waiting: `Liste d'attente : ${event.title}`,
    promoted: `Une place s'est libérée : ${event.title}`,
  }[kind];
  return composeMail({
    to: person.email,
    subject,
    lines: [hello(person), '', ...lead, '', ...details(event, context)],
  });
}

export function reminderMail(
  person: MailPerson & { email: string },
  event: MailEvent,
  context: MailContext & { today: boolean },
): Mail {
  const when = context.today ? "aujourd'hui" : 'demain';
  return composeMail({
    to: person.email,
    subject: `Rappel : ${event.title}, ${when}`,
    lines: [
      hello(person),
      '',
      `Nous vous rappelons que vous êtes inscrit·e à « ${event.title} », ${when}.`,
      "En cas d'empêchement, prévenez la personne qui vous a inscrit·e ou la délégation : la place ira à la liste d'attente.",
      '',
      ...details(event, context),
    ],
  });
}
