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

/** The establishment's inputs; `prefix` is `establishment.` in the create form (the API's field paths). */
export function establishmentFields(departments: Option[], prefix = ''): FieldSpec[] {
  return [
    {
      name: `${prefix}siret`,
      label: t('members.field.establishment.siret'),
      kind: 'text',
      inputMode: 'numeric',
    },
    {
      name: `${prefix}address`,
      label: t('members.field.establishment.address'),
      kind: 'text',
      autoComplete: 'street-address',
    },
    {
      name: `${prefix}postcode`,
      label: t('members.field.establishment.postcode'),
      kind: 'text',
      inputMode: 'numeric',
      autoComplete: 'postal-code',
    },
    {
      name: `${prefix}city`,
      label: t('members.field.establishment.city'),
      kind: 'text',
      autoComplete: 'address-level2',
    },
    {
      name: `${prefix}department`,
      label: t('members.field.establishment.department'),
      kind: 'select',
      options: departments,
      placeholder: t('members.field.chooseDepartment'),
    },
    {
      name: `${prefix}phone`,
      label: t('members.field.establishment.phone'),
      kind: 'tel',
      autoComplete: 'tel',
    },
    {
      name: `${prefix}email`,
      label: t('members.field.establishment.email'),
      kind: 'email',
      autoComplete: 'email',
    },
    { name: `${prefix}website`, label: t('members.field.establishment.website'), kind: 'url' },
  ];
}
