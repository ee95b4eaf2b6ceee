/** French messages of this feature's error codes. */
export const figuresMessages: Record<string, string> = {};
