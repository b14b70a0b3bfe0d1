// A brand's marker (shape + colour) as inline SVG, matching the icon on the map.
import type { BrandStyle } from '../../map/brands';
import { shapePaths } from '../../map/shapes';

export function BrandMark({ style, size = 16 }: { style: BrandStyle | undefined; size?: number }) {
  if (!style) return null;
  return (
    <svg
      className="brand-mark"
      width={size}
      height={size}
      viewBox="-1.35 -1.35 2.7 2.7"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={shapePaths[style.shape]}
        fill={style.color}
        stroke="var(--color-symbol-halo)"
        strokeWidth="0.3"
        strokeLinejoin="round"
        paintOrder="stroke"
      />
    </svg>
  );
}
