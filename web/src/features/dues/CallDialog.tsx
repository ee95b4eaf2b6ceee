import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { callOne, type DuesItem } from './api';
import { localFieldError, parseNumber } from './labels';

interface Props {
  year: number;
  /** The member whose dues to call; null keeps the dialog closed. */
  item: DuesItem | null;
  onClose: () => void;
  onCalled: () => Promise<unknown>;
}

const textOf = (values: FormValues, name: string) => (typeof values[name] === 'string' ? values[name] : '');

/**
 * Calls one member's dues: the grid prices it from its size (ETP or turnover), or the team
 * types the amount itself; with neither, the grid's amount for its types is used.
 */
export function CallDialog({ year, item, onClose, onCalled }: Props) {
  const submit = async (values: FormValues) => {
    if (!item) return;
    const basisValue = parseNumber(textOf(values, 'basisValue'));
    const amount = parseNumber(textOf(values, 'amount'));
    if (Number.isNaN(basisValue)) throw localFieldError('basisValue', t('dues.form.notANumber'));
    if (Number.isNaN(amount)) throw localFieldError('amount', t('dues.form.notANumber'));
    await callOne({
      organisationId: item.organisationId,
      year,
      ...(basisValue !== null ? { basisValue } : {}),
      ...(amount !== null ? { amount } : {}),
    });
    await onCalled();
  };
  return (
    <FormModal
      opened={item !== null}
      title={t('dues.call.title', { name: item?.organisationName ?? '', year: String(year) })}
      fields={[
        {
          name: 'basisValue',
          kind: 'text',
          label: t('dues.call.basisValue'),
          description: t('dues.call.basisValueHint'),
        },
        {
          name: 'amount',
          kind: 'text',
          label: t('dues.call.amount'),
          description: t('dues.call.amountHint'),
        },
      ]}
      initialValues={{ basisValue: '', amount: '' }}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('dues.call.submit')}
    />
  );
}
