import { t } from '../../../i18n';
import type { FieldSpec, Option } from '../../../ui/FormField';

export const organisationFields: FieldSpec[] = [
  {
    name: 'name',
    label: t('members.field.name'),
    kind: 'text',
    required: true,
    autoComplete: 'organization',
  },
  { name: 'siren', label: t('members.field.siren'), kind: 'text', inputMode: 'numeric' },
  { name: 'legalForm', label: t('members.field.legalForm'), kind: 'text' },
  { name: 'website', label: t('members.field.website'), kind: 'url' },
  {
    name: 'description',
    label: t('members.field.description'),
    kind: 'textarea',
    description: t('members.field.descriptionHint'),
  },
  {
    name: 'note',
    label: t('members.field.note'),
    kind: 'textarea',
    description: t('members.field.noteHint'),
  },
];

type EstablishmentInput = 'siret' | 'address' | 'postcode' | 'city' | 'phone' | 'email' | 'website';

/** The establishment's inputs; `prefix` is `establishment.` in the create form (the API's field paths). */
export function establishmentFields(departments: Option[], prefix = ''): FieldSpec[] {
  // Each input is named after its API field and labelled by the catalogue entry of the same name.
  const input = (
    name: EstablishmentInput,
    kind: 'text' | 'tel' | 'email' | 'url',
    extra: { inputMode?: 'numeric'; autoComplete?: string } = {},
  ): FieldSpec => ({
    name: `${prefix}${name}`,
    label: t(`members.field.establishment.${name}`),
    kind,
    ...extra,
  });
  return [
    input('siret', 'text', { inputMode: 'numeric' }),
    input('address', 'text', { autoComplete: 'street-address' }),
    input('postcode', 'text', { inputMode: 'numeric', autoComplete: 'postal-code' }),
    input('city', 'text', { autoComplete: 'address-level2' }),
    {
      name: `${prefix}department`,
      label: t('members.field.establishment.department'),
      kind: 'select',
      options: departments,
      placeholder: t('members.field.chooseDepartment'),
    },
    input('phone', 'tel', { autoComplete: 'tel' }),
    input('email', 'email', { autoComplete: 'email' }),
    input('website', 'url'),
  ];
}
