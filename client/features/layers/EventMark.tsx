// An event category's badge as inline SVG, matching the icon the events layer draws (map/icons drawEventIcon).
import { eventShape } from '../../map/event-categories';
import { shapePaths } from '../../map/shapes';

export function EventMark({ category, size = 18 }: { category: string; size?: number }) {
  const shape = eventShape(category);
  return (
    <svg
      className="brand-mark event-mark"
      width={size}
      height={size}
      viewBox="-1.35 -1.35 2.7 2.7"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={shapePaths.circle}
        fill="var(--map-event)"
        stroke="var(--map-symbol-halo)"
        strokeWidth="0.3"
        paintOrder="stroke"
      />
      {shape && <path d={shapePaths[shape]} transform="scale(0.5)" fill="var(--map-symbol-halo)" />}
    </svg>
  );
}
