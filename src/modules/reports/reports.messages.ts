/** French messages of this feature's error codes. */
export const reportsMessages = {
  'reports.frozen':
    'Le rapport de cette année est figé : ses textes ne peuvent plus être modifiés. Un administrateur peut le défiger.',
  'reports.already_frozen': 'Le rapport de cette année est déjà figé.',
  'reports.not_frozen': "Le rapport de cette année n'est pas figé.",
  'reports.render_failed':
    "La génération du rapport a échoué. Réessayez ; si l'erreur persiste, signalez-la.",
} satisfies Record<string, string>;
