/** Strings of the practice screens (merged into the catalogue by fr.ts). */
export const practiceFr = {} as const;
