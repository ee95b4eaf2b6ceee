/** Strings of the actions screens (merged into the catalogue by fr.ts). */
export const actionsFr = {} as const;
