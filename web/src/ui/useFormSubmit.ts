import { type FormEvent, useRef, useState } from 'react';
import { type FieldErrors, fieldErrorsOf, focusFirstInvalid } from './FormErrors';

/**
 * The submit cycle of a form on a page: check what the browser can, then send. Everything typed
 * stays in place when the server refuses it; its messages go next to the inputs, and keyboard focus
 * moves to the first input marked invalid, so the user lands on what to fix.
 */
export function useFormSubmit(check: () => FieldErrors, send: () => Promise<unknown>) {
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = check();
    setLocalErrors(missing);
    if (Object.keys(missing).length > 0) return focusFirstInvalid(formRef.current);
    setPending(true);
    setError(null);
    try {
      await send();
    } catch (caught) {
      setError(caught);
      focusFirstInvalid(formRef.current);
    } finally {
      setPending(false);
    }
  };

  return { formRef, submit, pending, error, errors: { ...fieldErrorsOf(error), ...localErrors } };
}
