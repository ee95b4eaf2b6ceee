/** French messages of this feature's error codes. */
export const actionsMessages: Record<string, string> = {};
