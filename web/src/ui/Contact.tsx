import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatPhone, orDash, phoneHref, websiteHref } from './format';

interface LinkOrTextProps {
  /** Undefined when there is nothing to link to (an empty value): the text is then shown unlinked. */
  href: string | undefined;
  newTab?: boolean;
  children: ReactNode;
}

function LinkOrText({ href, newTab, children }: LinkOrTextProps) {
  if (!href)
    return (
      <Text span inherit>
        {children}
      </Text>
    );
  return (
    <Anchor inherit href={href} {...(newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </Anchor>
  );
}

/** A stored phone as printed, dialable when it can be. */
export function PhoneLink({ value }: { value: string | null | undefined }) {
  return <LinkOrText href={phoneHref(value)}>{formatPhone(value)}</LinkOrText>;
}

export function EmailLink({ value }: { value: string | null | undefined }) {
  return <LinkOrText href={value?.trim() ? `mailto:${value}` : undefined}>{orDash(value)}</LinkOrText>;
}

export function WebsiteLink({ value }: { value: string | null | undefined }) {
  return (
    <LinkOrText href={value?.trim() ? websiteHref(value) : undefined} newTab>
      {orDash(value)}
    </LinkOrText>
  );
}
