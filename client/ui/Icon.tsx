// A handful of line icons (24 px grid, currentColor). Decorative: the control around them carries the label.
const paths = {
  search: 'M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15Zm5.3-2.2L21 21',
  close: 'M6 6l12 12M18 6 6 18',
  sidebar: 'M4 5h16v14H4zM9 5v14',
  layers: 'M12 3 2 8.5l10 5.5 10-5.5L12 3Zm-10 10 10 5.5L22 13',
  chevronUp: 'M6 15l6-6 6 6',
  chevronDown: 'M6 9l6 6 6-6',
  globe:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-9-9h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9Z',
  offline:
    'M3 3l18 18M8.5 8.7A5 5 0 0 0 7 12.5 4 4 0 0 0 7.5 20H17m3-1.5A4 4 0 0 0 17 12h-.2A6 6 0 0 0 10 6.3',
  keyboard: 'M3 6.5h18v11H3zM7 10h.01M10.3 10h.01M13.7 10h.01M17 10h.01M7.5 14h9',
  target:
    'M12 19a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm0-4a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm0-13v3m0 14v3M2 12h3m14 0h3',
  circle: 'M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-8h.01',
  polygon: 'M5 8l7-4 7 5-2 10H7L5 8Z',
  freehand: 'M4 15c2-6 5-9 7-7s-1 6 1 7 4-4 6-6 2 3 1 6',
  rectangle: 'M4 6h16v12H4z',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-13v4.5l3 2',
  pointer: 'M6 3l12 9-6 1 3 7-2 1-3-7-4 4V3Z',
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  trash: 'M4 7h16M9 7V4h6v3m-8 0 1 13h8l1-13',
  rings: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-4.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Z',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 9a7 7 0 0 1 14 0',
  upload: 'M12 15V4m-4.5 4.5L12 4l4.5 4.5M5 14v5h14v-5',
  arrowBack: 'M19 12H5m6-6-6 6 6 6',
  arrowForward: 'M5 12h14m-6-6 6 6-6 6',
} as const;

export type IconName = keyof typeof paths;

/** Icons whose meaning is a direction along the line of reading: mirrored in right-to-left pages (base.css). */
const DIRECTIONAL: ReadonlySet<IconName> = new Set(['undo', 'redo', 'arrowBack', 'arrowForward']);

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      className={DIRECTIONAL.has(name) ? 'icon icon--directional' : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
