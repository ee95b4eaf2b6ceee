import { Anchor, Group, Stack, Text } from '@mantine/core';
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { t, tn } from '../../i18n';
import classes from './DepartmentMap.module.css';
import { departmentName, departmentShapes, franceViewBox } from './departments';

export interface DepartmentCount {
  code: string;
  count: number;
}

interface Props {
  counts: DepartmentCount[];
  selected: string;
  /** Called with the department's code, or '' when the selected one is clicked again. */
  onSelect: (code: string) => void;
}

// Five shades of one hue, darker for more members (the counts also have a table).
const SHADES = [1, 3, 5, 7, 9];

function shadeOf(count: number, max: number): string {
  if (count === 0 || max === 0) return 'var(--mantine-color-gray-1)';
  const step = Math.min(SHADES.length - 1, Math.floor(((count - 1) / max) * SHADES.length));
  return `var(--mantine-color-blue-${SHADES[step]})`;
}

/** Frames the drawn departments (the package draws all of France) with a small margin. */
function useFittedViewBox(deps: string) {
  const group = useRef<SVGGElement>(null);
  const [viewBox, setViewBox] = useState(franceViewBox);
  // biome-ignore lint/correctness/useExhaustiveDependencies: measure again when the drawn departments change
  useLayoutEffect(() => {
    const box = group.current?.getBBox?.();
    if (!box || box.width === 0) return;
    const margin = Math.max(box.width, box.height) * 0.03;
    setViewBox(
      [box.x - margin, box.y - margin, box.width + 2 * margin, box.height + 2 * margin]
        .map((n) => n.toFixed(1))
        .join(' '),
    );
  }, [deps]);
  return { group, viewBox };
}

/**
 * The delegation's departments, shaded by their number of members. Each department is a
 * button (Tab to reach it, Enter or Space to filter the directory by it) named like
 * "Haute-Garonne : 15 adhérents".
 */
export function DepartmentMap({ counts, selected, onSelect }: Props) {
  const drawn = counts.filter((c) => departmentShapes.has(c.code));
  const { group, viewBox } = useFittedViewBox(drawn.map((c) => c.code).join(','));
  const max = Math.max(0, ...drawn.map((c) => c.count));

  const onKey = (event: KeyboardEvent, code: string) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onSelect(code === selected ? '' : code);
  };

  return (
    <Stack gap="xs">
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> groups its department buttons; a <fieldset> cannot hold shapes */}
      <svg
        className={classes.map}
        viewBox={viewBox}
        role="group"
        aria-label={t('public.map.label')}
        xmlns="http://www.w3.org/2000/svg"
      >
        <g ref={group}>
          {drawn.map(({ code, count }) => {
            const shape = departmentShapes.get(code);
            if (!shape) return null;
            const label = tn('public.map.department', count, { name: departmentName(code) });
            const isSelected = code === selected;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets the role and keys instead
              <path
                key={code}
                d={shape.path}
                fill={shadeOf(count, max)}
                className={isSelected ? `${classes.department} ${classes.selected}` : classes.department}
                role="button"
                tabIndex={0}
                aria-label={label}
                aria-pressed={isSelected}
                data-department={code}
                onClick={() => onSelect(isSelected ? '' : code)}
                onKeyDown={(event) => onKey(event, code)}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </g>
      </svg>
      <Group gap="xs" aria-hidden="true">
        <Text size="xs">{t('public.map.fewer')}</Text>
        {SHADES.map((shade) => (
          <span
            key={shade}
            className={classes.legend}
            style={{ background: `var(--mantine-color-blue-${shade})` }}
          />
        ))}
        <Text size="xs">{t('public.map.more')}</Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('public.map.credit')}{' '}
        <Anchor
          inherit
          underline="always"
          href="https://github.com/VictorCazanave/svg-maps"
          target="_blank"
          rel="noopener noreferrer"
        >
          svg-maps
        </Anchor>{' '}
        ({t('public.map.license')}{' '}
        <Anchor
          inherit
          underline="always"
          href="https://creativecommons.org/licenses/by/4.0/deed.fr"
          target="_blank"
          rel="noopener noreferrer"
        >
          CC BY 4.0
        </Anchor>
        )
      </Text>
    </Stack>
  );
}
