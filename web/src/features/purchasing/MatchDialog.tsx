import { useQueryClient } from '@tanstack/react-query';
import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { type Match, matchStatuses, memberMatchStatuses, purchasingKeys, updateMatch } from './api';
import { matchStatusOptions, typedNumber } from './labels';

interface Props {
  /** null: closed. */
  match: Match | null;
  /** The team sets any status and the hours; a member says interested or quote sent. */
  team: boolean;
  onClose: () => void;
}

/** Updates a follow-up; the server's refusals show next to the fields. */
export function MatchDialog({ match, team, onClose }: Props) {
  const queryClient = useQueryClient();
  // A member keeps seeing the current status even when it may not choose it.
  const allowed = team
    ? matchStatuses
    : [...new Set([...(match ? [match.status] : []), ...memberMatchStatuses])];
  const fields: FieldSpec[] = [
    {
      name: 'status',
      kind: 'select',
      label: t('purchasing.match.status'),
      required: true,
      options: matchStatusOptions(allowed),
    },
    ...(team
      ? [
          {
            name: 'insertionHours',
            kind: 'text' as const,
            inputMode: 'numeric' as const,
            label: t('purchasing.match.insertionHours'),
            description: t('purchasing.match.insertionHoursHint'),
          },
        ]
      : []),
    { name: 'note', kind: 'textarea', label: t('purchasing.match.note') },
  ];
  const initial: FormValues = {
    status: match?.status ?? '',
    note: match?.note ?? '',
    ...(team ? { insertionHours: match?.insertionHours == null ? '' : String(match.insertionHours) } : {}),
  };
  const submit = async (values: FormValues) => {
    if (!match) return;
    const body: Record<string, unknown> = { note: String(values.note ?? '').trim() || null };
    if (values.status !== match.status) body.status = values.status;
    if (team) body.insertionHours = typedNumber(String(values.insertionHours ?? ''));
    await updateMatch(match.id, body);
    await queryClient.invalidateQueries({ queryKey: purchasingKeys.all });
  };
  return (
    <FormModal
      opened={match !== null}
      title={match ? `${t('purchasing.matches.dialog')} — ${match.organisationName}` : ''}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
