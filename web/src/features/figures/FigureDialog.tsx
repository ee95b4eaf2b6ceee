import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { type DeclaredFigure, type FigureUnit, figureUnits, putFigure } from './api';
import { localFieldError, parseNumber } from './numbers';

interface Props {
  year: number;
  /** undefined: closed; null: a new figure; a figure: edit it (its key stays). */
  figure: DeclaredFigure | null | undefined;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

export function FigureDialog({ year, figure, onClose, onSaved }: Props) {
  const submit = async (values: FormValues) => {
    const key = figure ? figure.key : text(values, 'key');
    const value = parseNumber(text(values, 'value'));
    if (value === null || Number.isNaN(value)) throw localFieldError('value', t('figures.form.notANumber'));
    await putFigure(year, key, {
      value,
      unit: text(values, 'unit') as FigureUnit,
      label: text(values, 'label'),
      source: text(values, 'source'),
    });
    await onSaved();
  };
  const fields: FieldSpec[] = [
    { name: 'label', kind: 'text', label: t('figures.field.label'), required: true },
    { name: 'value', kind: 'text', label: t('figures.field.value'), required: true },
    {
      name: 'unit',
      kind: 'select',
      label: t('figures.field.unit'),
      required: true,
      options: figureUnits.map((unit) => ({ value: unit, label: t(`figures.unit.${unit}`) })),
    },
    {
      name: 'source',
      kind: 'textarea',
      label: t('figures.field.source'),
      description: t('figures.field.sourceHint'),
      required: true,
    },
  ];
  // The key names the figure for the reports that read it: chosen once, never renamed.
  if (!figure)
    fields.unshift({
      name: 'key',
      kind: 'text',
      label: t('figures.field.key'),
      description: t('figures.field.keyHint'),
      required: true,
    });
  return (
    <FormModal
      opened={figure !== undefined}
      title={figure ? t('figures.edit', { label: figure.label }) : t('figures.add', { year: String(year) })}
      fields={fields}
      initialValues={
        figure
          ? {
              label: figure.label,
              value: String(figure.value).replace('.', ','),
              unit: figure.unit,
              source: figure.source,
            }
          : { key: '', label: '', value: '', unit: 'count', source: '' }
      }
      onClose={onClose}
      onSubmit={submit}
    />
  );
}
