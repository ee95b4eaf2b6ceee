import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onSearch: (value: string) => void;
  label: string;
  description?: string;
}

/** Types freely; the list (and the URL) follow a moment after the last keystroke. */
export function SearchBox({ value, onSearch, label, description }: Props) {
  const [text, setText] = useState(value);
  const lastSent = useRef(value);
  const send = (next: string) => {
    lastSent.current = next.trim();
    onSearch(next.trim());
  };
  const debounced = useDebouncedCallback(send, 300);

  // Back/forward or "clear filters" changed the URL behind our back: show what it says.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  return (
    <TextInput
      label={label}
      description={description}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        debounced(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          debounced.cancel();
          send(text);
        }
      }}
    />
  );
}
