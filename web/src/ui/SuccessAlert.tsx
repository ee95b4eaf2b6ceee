import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** Says that something was done, read out by screen readers as a status (not an alert). */
export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="green" role="status">
      {children}
    </Alert>
  );
}
