/** Strings of the first run and the delegation pages (merged into the catalogue by fr.ts). */
export const setupFr = {
  'setup.title': 'Installer Maillage',
  'setup.intro':
    "Aucune délégation n'existe encore sur cette installation. Créez la vôtre et son premier compte administrateur.",
  'setup.codeHelp':
    "Le code d'installation figure dans le journal du serveur, au démarrage (ligne « code d'installation »). Il ne sert qu'une fois.",
  'setup.code': "Code d'installation",
  'setup.delegation': 'La délégation',
  'setup.name': 'Nom de la délégation',
  'setup.slug': 'Identifiant',
  'setup.slugHint':
    'Lettres minuscules sans accent, chiffres et tirets ; il apparaît dans les adresses (ex. bretagne).',
  'setup.region': 'Région',
  'setup.departments': 'Départements couverts',
  'setup.departmentsHint': 'Codes séparés par des virgules, par exemple : 22, 29, 35, 56.',
  'setup.admin': 'Le premier administrateur',
  'setup.adminName': 'Nom et prénom',
  'setup.adminEmail': 'Adresse e-mail',
  'setup.password': 'Mot de passe',
  'setup.passwordHint': 'Au moins {min} caractères.',
  'setup.confirmation': 'Confirmation du mot de passe',
  'setup.submit': 'Créer la délégation',
  'setup.done': "L'installation est déjà faite.",
  'setup.toSignIn': 'Aller à la page de connexion',
} as const;
