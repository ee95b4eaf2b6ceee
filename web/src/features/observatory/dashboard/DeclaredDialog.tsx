import { t } from '../../../i18n';
import type { FieldSpec } from '../../../ui/FormField';
import { FormModal } from '../../../ui/FormModal';
import type { FormValues } from '../../../ui/formValues';
import { type DeclaredAggregate, type IndicatorInfo, putDeclared, type Qualifier } from './api';
import { localFieldError, parseNumber } from './numbers';

interface Props {
  /** undefined: closed; null: a new aggregate; an aggregate: edit it (year, indicator and type stay). */
  aggregate: DeclaredAggregate | null | undefined;
  indicators: IndicatorInfo[];
  types: readonly string[];
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

export function DeclaredDialog({ aggregate, indicators, types, onClose, onSaved }: Props) {
  const submit = async (values: FormValues) => {
    const year = aggregate ? aggregate.year : Number(text(values, 'year'));
    if (!aggregate && !/^\d{4}$/.test(text(values, 'year')))
      throw localFieldError('year', t('observatory.declared.notAYear'));
    const value = parseNumber(text(values, 'value'));
    if (value === null || Number.isNaN(value))
      throw localFieldError('value', t('observatory.declared.notANumber'));
    const code = aggregate ? aggregate.indicatorCode : text(values, 'indicatorCode');
    await putDeclared(year, code, {
      value,
      qualifier: text(values, 'qualifier') as Qualifier,
      label: text(values, 'label'),
      source: text(values, 'source'),
      // Picked from the convention types the server listed; it checks the value again.
      conventionType: (aggregate ? aggregate.conventionType : text(values, 'conventionType') || null) as
        | Parameters<typeof putDeclared>[2]['conventionType']
        | null,
    });
    await onSaved();
  };
  const fields: FieldSpec[] = [
    { name: 'value', kind: 'text', label: t('observatory.declared.field.value'), required: true },
    {
      name: 'qualifier',
      kind: 'select',
      label: t('observatory.declared.field.qualifier'),
      required: true,
      options: (['exact', 'about'] as const).map((q) => ({
        value: q,
        label: t(`observatory.declared.qualifier.${q}`),
      })),
    },
    { name: 'label', kind: 'text', label: t('observatory.declared.field.label'), required: true },
    {
      name: 'source',
      kind: 'textarea',
      label: t('observatory.declared.field.source'),
      description: t('observatory.declared.field.sourceHint'),
      required: true,
    },
  ];
  // Year, indicator and type name the aggregate: chosen once; another key is another aggregate.
  if (!aggregate)
    fields.unshift(
      {
        name: 'year',
        kind: 'text',
        inputMode: 'numeric',
        label: t('observatory.declared.field.year'),
        required: true,
      },
      {
        name: 'indicatorCode',
        kind: 'select',
        label: t('observatory.declared.field.indicator'),
        required: true,
        options: indicators.map((i) => ({ value: i.code, label: `${i.label} (${i.code})` })),
      },
      {
        name: 'conventionType',
        kind: 'select',
        label: t('observatory.declared.field.type'),
        placeholder: t('observatory.dashboard.allTypes'),
        options: types.map((type) => ({ value: type, label: type })),
      },
    );
  return (
    <FormModal
      opened={aggregate !== undefined}
      title={
        aggregate ? t('observatory.declared.edit', { label: aggregate.label }) : t('observatory.declared.add')
      }
      fields={fields}
      initialValues={
        aggregate
          ? {
              value: String(aggregate.value).replace('.', ','),
              qualifier: aggregate.qualifier,
              label: aggregate.label,
              source: aggregate.source,
            }
          : {
              year: '',
              indicatorCode: '',
              conventionType: '',
              value: '',
              qualifier: 'exact',
              label: '',
              source: '',
            }
      }
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
