import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { type DuesItem, recordPayment } from './api';
import { formatEuros, localFieldError, parseNumber } from './labels';

interface Props {
  /** The member whose payment to record (its dues are called); null keeps the dialog closed. */
  item: DuesItem | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

const textOf = (values: FormValues, name: string) => (typeof values[name] === 'string' ? values[name] : '');
const today = () => new Date().toISOString().slice(0, 10);

/** Records what a member paid for the year: the total received so far, its date, a note. */
export function PaymentDialog({ item, onClose, onSaved }: Props) {
  const call = item?.call ?? null;
  const submit = async (values: FormValues) => {
    if (!call) return;
    const amountPaid = parseNumber(textOf(values, 'amountPaid'));
    if (amountPaid === null || Number.isNaN(amountPaid))
      throw localFieldError('amountPaid', t('dues.form.notANumber'));
    await recordPayment(call.id, {
      amountPaid,
      paidOn: textOf(values, 'paidOn') || null,
      note: textOf(values, 'note').trim() || null,
    });
    await onSaved();
  };
  // A first payment is usually the whole amount called; a later one starts from what was recorded.
  const initialPaid = call ? (call.amountPaid > 0 ? call.amountPaid : call.amountCalled) : 0;
  return (
    <FormModal
      opened={call !== null}
      title={t('dues.payment.title', { name: item?.organisationName ?? '' })}
      fields={[
        {
          name: 'amountPaid',
          kind: 'text',
          label: t('dues.payment.amountPaid'),
          description: t('dues.payment.amountPaidHint', { called: formatEuros(call?.amountCalled ?? 0) }),
          required: true,
        },
        { name: 'paidOn', kind: 'date', label: t('dues.payment.paidOn') },
        { name: 'note', kind: 'textarea', label: t('dues.payment.note') },
      ]}
      initialValues={{
        amountPaid: String(initialPaid).replace('.', ','),
        paidOn: call?.paidOn ?? today(),
        note: call?.note ?? '',
      }}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('dues.payment.submit')}
    />
  );
}
