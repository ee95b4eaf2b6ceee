/** Strings of the territories screens (merged into the catalogue by fr.ts). */
export const territoriesFr = {} as const;
