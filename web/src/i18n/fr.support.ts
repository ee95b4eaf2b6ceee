/** Strings of the support screens (merged into the catalogue by fr.ts). */
export const supportFr = {} as const;
