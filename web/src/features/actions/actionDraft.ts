import { t } from '../../i18n';
import type { FieldErrors } from '../../ui/FormErrors';
import type { Action, MemberRole, PartnerRole } from './api';

/** What the action form holds while the user types: texts as typed, lists as chosen. */
export interface Draft {
  title: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  datePrecision: 'day' | 'month';
  startTime: string;
  endTime: string;
  themes: string[];
  missions: string[];
  objectives: string[];
  online: boolean;
  town: string;
  department: string;
  participantsCount: string;
  participantsQualifier: string;
  summary: string;
  visibility: string;
  registrationOpen: boolean;
  capacity: string;
  registrationClosesOn: string;
  source: string;
  practiceGroupId: string;
  // `key`: a stable React key while rows are added and removed (ids may still be empty).
  partners: { key: string; partnerId: string; role: PartnerRole; name: string }[];
  members: { key: string; organisationId: string; role: MemberRole; name: string }[];
}

let lastKey = 0;
/** A key for a new row of the partners or members lists. */
export const rowKey = () => `row-${++lastKey}`;

export const emptyDraft: Draft = {
  title: '',
  kind: '',
  startsOn: '',
  endsOn: '',
  datePrecision: 'day',
  startTime: '',
  endTime: '',
  themes: [],
  missions: [],
  objectives: [],
  online: false,
  town: '',
  department: '',
  participantsCount: '',
  participantsQualifier: 'exact',
  summary: '',
  visibility: 'internal',
  registrationOpen: false,
  capacity: '',
  registrationClosesOn: '',
  source: '',
  practiceGroupId: '',
  partners: [],
  members: [],
};

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function draftOf(action: Action): Draft {
  return {
    title: action.title,
    kind: action.kind,
    startsOn: action.startsOn,
    // A one-day action shows no end date: the field stays empty, as when it was created.
    endsOn: action.endsOn === action.startsOn ? '' : action.endsOn,
    datePrecision: action.datePrecision,
    startTime: text(action.startTime),
    endTime: text(action.endTime),
    themes: action.themes,
    missions: action.missions,
    objectives: action.objectives,
    online: action.online,
    town: text(action.town),
    department: text(action.department),
    participantsCount: text(action.participantsCount),
    participantsQualifier: action.participantsQualifier,
    summary: text(action.summary),
    visibility: action.visibility,
    registrationOpen: action.registrationOpen,
    capacity: text(action.capacity),
    registrationClosesOn: text(action.registrationClosesOn),
    source: text(action.source),
    practiceGroupId: text(action.practiceGroupId),
    partners: action.partners.map((p) => ({
      key: rowKey(),
      partnerId: p.partnerId,
      role: p.role,
      name: p.name,
    })),
    members: action.members.map((m) => ({
      key: rowKey(),
      organisationId: m.organisationId,
      role: m.role,
      name: m.name,
    })),
  };
}

const whole = /^\d+$/;

/** What the browser can say before sending: required fields, whole numbers, chosen rows. */
export function checkDraft(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.title.trim()) errors.title = t('common.required');
  if (!draft.kind) errors.kind = t('common.required');
  if (!draft.startsOn) errors.startsOn = t('common.required');
  if (draft.participantsCount.trim() && !whole.test(draft.participantsCount.trim()))
    errors.participantsCount = t('actions.form.wholeNumber');
  if (draft.capacity.trim() && !whole.test(draft.capacity.trim()))
    errors.capacity = t('actions.form.wholeNumber');
  draft.partners.forEach((p, i) => {
    if (!p.partnerId) errors[`partners.${i}.partnerId`] = t('actions.form.choosePartner');
  });
  draft.members.forEach((m, i) => {
    if (!m.organisationId) errors[`members.${i}.organisationId`] = t('actions.form.chooseMember');
  });
  return errors;
}

type Body = Record<string, unknown>;

/** The API's value of each field: numbers as numbers, empty texts as null, links without names. */
function apiValues(draft: Draft): Body {
  const nullable = (value: string) => (value.trim() ? value.trim() : null);
  const count = (value: string) => (value.trim() ? Number(value.trim()) : null);
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    startsOn: draft.startsOn,
    endsOn: nullable(draft.endsOn),
    datePrecision: draft.datePrecision,
    startTime: nullable(draft.startTime),
    endTime: nullable(draft.endTime),
    themes: draft.themes,
    missions: draft.missions,
    objectives: draft.objectives,
    online: draft.online,
    town: nullable(draft.town),
    department: nullable(draft.department),
    participantsCount: count(draft.participantsCount),
    participantsQualifier: draft.participantsQualifier,
    summary: nullable(draft.summary),
    visibility: draft.visibility,
    registrationOpen: draft.registrationOpen,
    capacity: count(draft.capacity),
    registrationClosesOn: nullable(draft.registrationClosesOn),
    source: nullable(draft.source),
    practiceGroupId: nullable(draft.practiceGroupId),
    partners: draft.partners.map((p) => ({ partnerId: p.partnerId, role: p.role })),
    members: draft.members.map((m) => ({ organisationId: m.organisationId, role: m.role })),
  };
}

/** A create body: what is empty is left out (the server's defaults apply). */
export function createBody(draft: Draft): Body {
  return Object.fromEntries(Object.entries(apiValues(draft)).filter(([, value]) => value !== null));
}

/** A PATCH body: only what changed since the form opened. */
export function patchBody(draft: Draft, initial: Draft): Body {
  const now = apiValues(draft);
  const before = apiValues(initial);
  return Object.fromEntries(
    Object.entries(now).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
  );
}
