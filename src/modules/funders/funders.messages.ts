/** French messages of this feature's error codes. */
export const fundersMessages: Record<string, string> = {};
