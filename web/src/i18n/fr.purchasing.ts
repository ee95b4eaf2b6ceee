/** Strings of the purchasing screens (merged into the catalogue by fr.ts). */
export const purchasingFr = {} as const;
