import { List, Text } from '@mantine/core';
import { type Block, parseMarkup, type Run } from '../../../../src/modules/reports/report.markup';

function Runs({ runs }: { runs: Run[] }) {
  return runs.map((run, index) => {
    const key = `${index}:${run.text}`;
    if (run.bold && run.italic)
      return (
        <strong key={key}>
          <em>{run.text}</em>
        </strong>
      );
    if (run.bold) return <strong key={key}>{run.text}</strong>;
    if (run.italic) return <em key={key}>{run.text}</em>;
    return <span key={key}>{run.text}</span>;
  });
}

/** A text in the report's small markup, drawn as React elements: never as HTML, so it cannot inject any. */
export function MarkupText({ text }: { text: string }) {
  const blocks: Block[] = parseMarkup(text);
  return blocks.map((block, index) =>
    block.kind === 'paragraph' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place.
      <Text key={index} mb="sm">
        <Runs runs={block.runs} />
      </Text>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place.
      <List key={index} mb="sm">
        {block.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place.
          <List.Item key={i}>
            <Runs runs={item} />
          </List.Item>
        ))}
      </List>
    ),
  );
}
