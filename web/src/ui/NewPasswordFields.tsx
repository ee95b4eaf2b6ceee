import { PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { t } from '../i18n';

/** The server refuses shorter passwords; the form says so before sending. */
export const MIN_PASSWORD = 10;

interface Labels {
  password: string;
  passwordHint: string;
  confirmation: string;
  confirmationHint?: string;
}

interface Props {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  /** The account page's words unless a page says otherwise. */
  labels?: Labels;
  errors: { password?: string; confirmation?: string };
  /** The server's refusal of the password, shown when the form has nothing to say about it. */
  serverError?: string;
}

/** A new password and the same typed again. */
export function NewPasswordFields({ labels, errors, serverError, ...props }: Props) {
  const words = labels ?? {
    password: t('account.password.new'),
    passwordHint: t('account.password.hint', { min: MIN_PASSWORD }),
    confirmation: t('account.password.confirmation'),
  };
  const inputs = [
    {
      label: words.password,
      description: words.passwordHint,
      value: props.password,
      error: errors.password ?? serverError,
      onChange: props.onPasswordChange,
    },
    {
      label: words.confirmation,
      description: words.confirmationHint,
      value: props.confirmation,
      error: errors.confirmation,
      onChange: props.onConfirmationChange,
    },
  ];
  return inputs.map(({ onChange, ...input }) => (
    <PasswordInput
      key={input.label}
      {...input}
      autoComplete="new-password"
      required
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  ));
}

/**
 * The state of a new password typed twice. Its problems show once `check` has been called
 * (the first submit), so that the form does not scold while the user is still typing.
 */
export function useNewPassword(
  messages = {
    tooShort: t('account.password.tooShort', { min: MIN_PASSWORD }),
    mismatch: t('account.password.mismatch'),
  },
) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const valid = password.length >= MIN_PASSWORD && confirmation === password;
  return {
    password,
    checked,
    /** Shows the problems from now on; true when there are none. */
    check: () => {
      setChecked(true);
      return valid;
    },
    reset: () => {
      setPassword('');
      setConfirmation('');
      setChecked(false);
    },
    errors: {
      password: checked && password.length < MIN_PASSWORD ? messages.tooShort : undefined,
      confirmation: checked && confirmation !== password ? messages.mismatch : undefined,
    },
    fields: {
      password,
      confirmation,
      onPasswordChange: setPassword,
      onConfirmationChange: setConfirmation,
    },
  };
}
