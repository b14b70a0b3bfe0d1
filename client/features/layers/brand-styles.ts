// The brand colours and shapes for React (legend, lists, details), the same ones the map icons use.
import { useMemo } from 'react';
import { brandStyles, type BrandStyle } from '../../map/brands';
import { readPalette, type MapPalette } from '../../map/palette';
import { useAppStore } from '../../store';
import { selectBrands } from '../../store/selectors';

let palette: MapPalette | null = null;
export function paletteOnce(): MapPalette {
  palette ??= readPalette();
  return palette;
}

export function useBrandStyles(): BrandStyle[] {
  const brands = useAppStore(selectBrands);
  return useMemo(() => brandStyles(brands, paletteOnce()), [brands]);
}

export function useBrandStyle(brand: string): BrandStyle | undefined {
  return useBrandStyles().find((s) => s.brand === brand);
}
