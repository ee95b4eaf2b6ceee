/** French messages of the delegations feature's error codes. */
export const delegationsMessages = {
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
  'delegations.logo_empty': 'Le fichier du logo est vide.',
  'delegations.logo_too_large': 'Le logo ne doit pas dépasser 256 Ko.',
  'delegations.logo_type': "Le logo doit être une image PNG ou SVG (le contenu du fichier n'en est pas une).",
  'delegations.logo_scripted':
    'Ce SVG contient un script, un lien ou une référence externe : il est refusé. Exportez-le en dessin simple, ou en PNG.',
  'delegations.phone_invalid': "Le numéro de téléphone n'est pas valide (exemple : 05 61 02 98 97).",
  'delegations.email_invalid': "L'adresse e-mail n'est pas valide (exemple : contact@delegation.fr).",
  'delegations.website_invalid': "L'adresse du site n'est pas valide (exemple : https://www.delegation.fr).",
  'delegations.postcode_invalid': "Ce code postal n'existe pas.",
  'delegations.address_incomplete': "Indiquez l'adresse, le code postal et la ville.",
  'delegations.mission_incomplete': 'Chaque mission a un code et un libellé.',
  'delegations.objective_incomplete': 'Chaque objectif a un axe et un texte.',
  'delegations.objective_number_repeated': 'Ce numéro est déjà celui d’un autre objectif.',
  'delegations.no_logo': "Cette délégation n'a pas de logo.",
} satisfies Record<string, string>;
