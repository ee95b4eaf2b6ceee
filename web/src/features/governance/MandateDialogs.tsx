import { t } from '../../i18n';
import { FormModal } from '../../ui/FormModal';
import type { FormValues } from '../../ui/formValues';
import { type BoardMandate, createMandate, type GeneralAssembly, updateMandate } from './api';
import {
  assemblyLabel,
  DIRECTOR,
  fullName,
  roleOptions,
  todayInFrance,
  useOrganisationOptions,
} from './options';

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

interface ElectProps {
  opened: boolean;
  assemblies: GeneralAssembly[];
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

/** Elects a person (or records a mandate from a source): at an assembly, or on a date. */
export function ElectDialog({ opened, assemblies, onClose, onSaved }: ElectProps) {
  const organisations = useOrganisationOptions(opened);
  const submit = async (values: FormValues) => {
    const role = text(values, 'role');
    const assembly = text(values, 'generalAssemblyId');
    await createMandate({
      firstName: text(values, 'firstName'),
      lastName: text(values, 'lastName'),
      organisationId: text(values, 'organisationId') || null,
      organisationName: text(values, 'organisationName') || null,
      department: text(values, 'department') || null,
      role: role === DIRECTOR ? null : role,
      nationalRepresentative: values.nationalRepresentative === true,
      generalAssemblyId: assembly || null,
      ...(text(values, 'electedOn') ? { electedOn: text(values, 'electedOn') } : {}),
    });
    await onSaved();
  };
  return (
    <FormModal
      opened={opened}
      title={t('governance.mandate.elect')}
      fields={[
        { name: 'firstName', kind: 'text', label: t('governance.mandate.firstName'), required: true },
        { name: 'lastName', kind: 'text', label: t('governance.mandate.lastName'), required: true },
        {
          name: 'organisationId',
          kind: 'select',
          label: t('governance.mandate.organisation'),
          description: t('governance.mandate.organisationHint'),
          options: organisations,
          placeholder: t('governance.mandate.noOrganisation'),
        },
        { name: 'organisationName', kind: 'text', label: t('governance.mandate.organisationName') },
        { name: 'department', kind: 'text', label: t('governance.col.department'), inputMode: 'numeric' },
        {
          name: 'role',
          kind: 'select',
          label: t('governance.col.role'),
          options: roleOptions,
          placeholder: t('governance.mandate.chooseRole'),
          required: true,
        },
        { name: 'nationalRepresentative', kind: 'checkbox', label: t('governance.col.national') },
        {
          name: 'generalAssemblyId',
          kind: 'select',
          label: t('governance.mandate.assembly'),
          options: assemblies.map((a) => ({ value: a.id, label: assemblyLabel(a) })),
          placeholder: t('governance.mandate.noAssembly'),
        },
        {
          name: 'electedOn',
          kind: 'date',
          label: t('governance.col.electedOn'),
          description: t('governance.mandate.electedOnHint'),
        },
      ]}
      initialValues={{ role: DIRECTOR, nationalRepresentative: false }}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('governance.mandate.electSubmit')}
    />
  );
}

interface EndProps {
  mandate: BoardMandate | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}

/** Ends a mandate on a date (the last day the person sits on the board). */
export function EndMandateDialog({ mandate, onClose, onSaved }: EndProps) {
  const submit = async (values: FormValues) => {
    if (!mandate) return;
    await updateMandate(mandate.id, { endsOn: text(values, 'endsOn') });
    await onSaved();
  };
  return (
    <FormModal
      opened={mandate !== null}
      title={t('governance.mandate.endTitle', { name: mandate ? fullName(mandate) : '' })}
      fields={[
        {
          name: 'endsOn',
          kind: 'date',
          label: t('governance.col.endsOn'),
          description: t('governance.mandate.endsOnHint'),
          required: true,
        },
      ]}
      initialValues={{ endsOn: todayInFrance() }}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('governance.mandate.end')}
    />
  );
}
