/** French messages of the delegations feature's error codes. */
export const delegationsMessages: Record<string, string> = {
  'delegations.name_required': 'Indiquez le nom de la délégation.',
  'delegations.name_too_long': 'Le nom de la délégation ne doit pas dépasser 200 caractères.',
  'delegations.slug_invalid':
    "L'identifiant doit compter 2 à 60 caractères : lettres minuscules sans accent, chiffres et tirets (par exemple « bretagne »).",
  'delegations.slug_taken': "L'identifiant « {slug} » est déjà celui d'une autre délégation.",
  'delegations.region_too_long': 'La région ne doit pas dépasser 200 caractères.',
  'delegations.department_unknown':
    'Département inconnu : « {code} » (attendu : 01 à 95, 2A, 2B ou 971 à 976).',
  'delegations.admin_email_invalid': "L'adresse e-mail de l'administrateur n'est pas valide.",
  'delegations.admin_name_required': "Indiquez le nom de l'administrateur.",
  'setup.closed':
    "L'installation est déjà faite : une délégation existe. Connectez-vous, ou demandez une invitation à son administrateur.",
  'setup.unavailable':
    "Ce serveur n'a pas de code d'installation : redémarrez-le, puis lisez le code dans son journal.",
  'setup.code_invalid':
    "Ce code d'installation n'est pas le bon. Il figure dans le journal du serveur, au démarrage (« Code d'installation »).",
  'setup.busy': 'Une installation est déjà en cours avec ce code : patientez quelques secondes.',
  'setup.rate_limited': "Trop d'essais : patientez quelques minutes avant de réessayer.",
  'setup.email_taken': 'Un compte existe déjà avec cette adresse e-mail.',
};
