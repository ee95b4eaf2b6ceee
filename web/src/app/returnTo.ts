/** Where to go back after signing in: only paths of this site (no `//host` or absolute URLs). */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/connexion')) return '/';
  return value;
}

export function signInPath(returnTo?: string): string {
  const target = returnTo && returnTo !== '/' ? `?retour=${encodeURIComponent(returnTo)}` : '';
  return `/connexion${target}`;
}
