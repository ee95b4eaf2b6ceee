/** French messages of this feature's error codes. */
export const purchasingMessages: Record<string, string> = {};
