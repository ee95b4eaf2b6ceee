/** French messages of this feature's error codes. */
export const supportMessages: Record<string, string> = {};
