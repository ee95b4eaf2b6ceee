import { Anchor, Text } from '@mantine/core';
import { formatPhone, orDash, phoneHref, websiteHref } from './format';

/** A stored phone as printed, dialable when it can be. */
export function PhoneLink({ value }: { value: string | null | undefined }) {
  const href = phoneHref(value);
  if (!href)
    return (
      <Text span inherit>
        {formatPhone(value)}
      </Text>
    );
  return (
    <Anchor inherit href={href}>
      {formatPhone(value)}
    </Anchor>
  );
}

export function EmailLink({ value }: { value: string | null | undefined }) {
  if (!value)
    return (
      <Text span inherit>
        {orDash(value)}
      </Text>
    );
  return (
    <Anchor inherit href={`mailto:${value}`}>
      {value}
    </Anchor>
  );
}

export function WebsiteLink({ value }: { value: string | null | undefined }) {
  if (!value)
    return (
      <Text span inherit>
        {orDash(value)}
      </Text>
    );
  return (
    <Anchor inherit href={websiteHref(value)} target="_blank" rel="noopener noreferrer">
      {value}
    </Anchor>
  );
}
