import { t } from '../../i18n';
import type { FieldSpec } from '../../ui/FormField';
import { FormModal } from '../../ui/FormModal';
import { type FormValue, type FormValues, textValues, toCreateBody, toPatchBody } from '../../ui/formValues';
import { useOrganisationOptions } from '../governance/options';
import { type Project, projectKinds, projectStatuses, saveProject } from './api';

const textKeys = [
  'kind',
  'name',
  'territory',
  'phase',
  'status',
  'authorisedOn',
  'localCommittee',
  'ebeName',
  'ebeOrganisationId',
  'sector',
  'description',
  'source',
] as const;

function initialValues(project?: Project): FormValues {
  if (!project) return { kind: 'ptce', status: 'active', departments: '' };
  return { ...textValues(project, textKeys), departments: project.departments.join(', ') };
}

/** The form speaks text; the API wants a list of departments and a number for the phase. */
function toApi(body: Record<string, FormValue | null>) {
  const out: Record<string, unknown> = { ...body };
  if (typeof body.departments === 'string')
    out.departments = body.departments
      .split(/[,;\s]+/)
      .map((code) => code.trim())
      .filter(Boolean);
  if (body.departments === null) out.departments = [];
  if (typeof body.phase === 'string') out.phase = Number(body.phase);
  return out;
}

interface Props {
  opened: boolean;
  project?: Project;
  onClose: () => void;
  onSaved: (project: Project) => void;
}

/** Creates or edits a project; each kind's own fields are named so (the server refuses the others). */
export function ProjectForm({ opened, project, onClose, onSaved }: Props) {
  const organisations = useOrganisationOptions(opened);
  const fields: FieldSpec[] = [
    {
      name: 'kind',
      kind: 'select',
      label: t('territories.field.kind'),
      required: true,
      options: projectKinds.map((k) => ({ value: k, label: t(`territories.kindLong.${k}`) })),
    },
    { name: 'name', kind: 'text', label: t('territories.field.name'), required: true },
    { name: 'territory', kind: 'text', label: t('territories.field.territory') },
    {
      name: 'departments',
      kind: 'text',
      label: t('territories.field.departments'),
      description: t('territories.field.departmentsHelp'),
    },
    {
      name: 'status',
      kind: 'select',
      label: t('territories.field.status'),
      required: true,
      options: projectStatuses.map((s) => ({ value: s, label: t(`territories.status.${s}`) })),
    },
    {
      name: 'phase',
      kind: 'select',
      label: t('territories.field.phase'),
      placeholder: t('territories.phase.unknown'),
      options: [
        { value: '1', label: '1' },
        { value: '2', label: '2' },
      ],
    },
    { name: 'authorisedOn', kind: 'date', label: t('territories.field.authorisedOn') },
    { name: 'localCommittee', kind: 'text', label: t('territories.field.localCommittee') },
    { name: 'ebeName', kind: 'text', label: t('territories.field.ebeName') },
    {
      name: 'ebeOrganisationId',
      kind: 'select',
      label: t('territories.field.ebeOrganisationId'),
      placeholder: t('territories.none'),
      options: organisations,
    },
    { name: 'sector', kind: 'text', label: t('territories.field.sector') },
    { name: 'description', kind: 'textarea', label: t('territories.field.description') },
    { name: 'source', kind: 'text', label: t('territories.field.source') },
  ];
  const initial = initialValues(project);
  const submit = async (values: FormValues) => {
    const body = project ? toPatchBody(values, initial) : toCreateBody(values);
    if (project && Object.keys(body).length === 0) return;
    onSaved(await saveProject(toApi(body), project?.id));
  };
  return (
    <FormModal
      opened={opened}
      title={project ? t('territories.edit') : t('territories.create')}
      fields={fields}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('territories.save')}
    />
  );
}
