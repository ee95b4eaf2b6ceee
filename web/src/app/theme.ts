import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Labels carry no asterisk: it would become part of the label's text ("Nom *"), which
// assistive tools and label-based test selectors read. Required inputs keep the `required`
// attribute (announced by screen readers) and say "Obligatoire" in their description.
const noAsterisk = { defaultProps: { withAsterisk: false } };

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  // Keyboard users always see where they are.
  focusRing: 'auto',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // Plain objects rather than Component.extend(): the theme must not pull every input into the first chunk.
    TextInput: noAsterisk,
    PasswordInput: noAsterisk,
    Textarea: noAsterisk,
    NativeSelect: noAsterisk,
    Select: noAsterisk,
    MultiSelect: noAsterisk,
    CheckboxGroup: noAsterisk,
  },
});

/**
 * Contrast (WCAG 1.4.3, 4.5:1 for text): Mantine's "dimmed" grey (#868e96, 3.3:1 on white)
 * and the text of its light badges are too pale for small text. Darker shades, same hues.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-green-light-color': '#1e6b30',
    '--mantine-color-orange-light-color': '#9c3d00',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
  },
  dark: {},
});
