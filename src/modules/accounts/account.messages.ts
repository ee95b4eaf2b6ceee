// French messages of the account page's error codes (a user's own name, password, sessions).
export const accountMessages = {
  'account.wrong_password': 'Le mot de passe actuel est incorrect.',
  'account.password_too_long': 'Le mot de passe doit comporter au plus {max} caractères.',
  'account.same_password': "Le nouveau mot de passe doit être différent de l'actuel.",
  'account.reset_token_invalid':
    'Ce lien de réinitialisation est invalide, a expiré ou a déjà servi : demandez-en un nouveau.',
  'account.rate_limited': 'Trop de tentatives : réessayez dans une minute.',
} satisfies Record<string, string>;
