import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './DetailList.module.css';

export interface Detail {
  label: string;
  value: ReactNode;
  /** Takes the whole width (long texts). */
  wide?: boolean;
}

/** Label / value pairs as a description list, two columns on wide screens. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <SimpleGrid
      component="dl"
      cols={{ base: 1, sm: 2 }}
      spacing="sm"
      verticalSpacing="xs"
      className={classes.list}
    >
      {items.map((item) => (
        <div key={item.label} className={item.wide ? classes.wide : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" className={classes.value}>
            {item.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
