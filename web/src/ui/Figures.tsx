import { SimpleGrid, Text } from '@mantine/core';

/** Key figures side by side, as a description list (the label, then the figure in large). */
export function Figures({ figures }: { figures: { label: string; value: string }[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      {figures.map((figure) => (
        <div key={figure.label}>
          <Text component="dt" size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg">
            {figure.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
