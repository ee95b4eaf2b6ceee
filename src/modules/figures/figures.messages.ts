/** French messages of this feature's error codes. */
export const figuresMessages = {
  'figures.key_invalid':
    'La clé doit être un identifiant en camelCase de 2 à 64 caractères, commençant par une minuscule, sans espace ni accent (ex. : gepMeetings).',
  'figures.not_found': "Ce chiffre déclaré n'existe pas pour cette année ou vous n'y avez pas accès.",
} satisfies Record<string, string>;
