/** French messages of the governance feature's error codes. */
export const governanceMessages = {
  'governance.assembly_not_found': "Cette assemblée générale n'existe pas ou vous n'y avez pas accès.",
  'governance.mandate_not_found': "Ce mandat n'existe pas ou vous n'y avez pas accès.",
  'governance.group_not_found': "Ce groupe n'existe pas ou vous n'y avez pas accès.",
  'governance.assembly_unknown': 'Cette assemblée générale est introuvable dans la délégation.',
  'governance.organisation_unknown': 'Cette organisation est introuvable dans la délégation.',
  'governance.organisation_required':
    "Indiquez l'organisation adhérente : choisissez-la dans la liste ou saisissez son nom tel qu'écrit.",
  'governance.elected_on_required': "Indiquez la date d'élection, ou l'assemblée générale qui a élu.",
  'governance.elected_not_on_assembly_date':
    "La date d'élection doit être celle de l'assemblée générale choisie ({date}).",
  'governance.ends_before_elected': "La fin du mandat ne peut pas précéder la date d'élection.",
  'governance.mandate_overlap':
    '{name} a déjà un mandat sur cette période (élu·e le {electedOn}) : terminez-le avant d’en ouvrir un autre.',
  'governance.ges_too_small': 'Un GES regroupe au moins deux organisations.',
  'governance.group_empty': 'Une structure porteuse compte au moins une organisation.',
  'governance.staff_not_found': "Ce membre de l'équipe n'existe pas ou vous n'y avez pas accès.",
  'governance.staff_account_unknown': "Ce compte n'a pas de rôle dans la délégation.",
} satisfies Record<string, string>;
