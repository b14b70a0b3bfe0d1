// Each brand gets a colour and a shape, by its position in the brands sorted by name; map icons and the legend agree.
import type { MapPalette } from './palette';
import { shapeFor, type ShapeName } from './shapes';

export interface BrandStyle {
  brand: string;
  color: string;
  shape: ShapeName;
  /** The image id the stores layer asks for (`icon-image: ['concat', 'brand:', ['get', 'brand']]`). */
  iconId: string;
}

export const BRAND_ICON_PREFIX = 'brand:';

export function brandIconId(brand: string): string {
  return `${BRAND_ICON_PREFIX}${brand}`;
}

/** Styles for `brands` (already in their stable order). */
export function brandStyles(
  brands: readonly string[],
  palette: Pick<MapPalette, 'brands'>,
): BrandStyle[] {
  return brands.map((brand, index) => ({
    brand,
    color: palette.brands[index % Math.max(1, palette.brands.length)] ?? '#666666',
    shape: shapeFor(index),
    iconId: brandIconId(brand),
  }));
}
