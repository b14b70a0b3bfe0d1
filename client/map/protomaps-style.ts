// A real city's basemap from a local Protomaps archive (CATCHMENT_BASEMAP_PMTILES): the `pmtiles://` protocol reads
// byte ranges from our own server (client/map/create-map.ts registers it) and the `@protomaps/basemaps` light style draws them, with our glyphs. Nothing
// is fetched from another host: icon layers (which need Protomaps' sprite) are left out, and every font is ours.
import { language_script_pairs, layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { apiUrls } from '../api/client';
import { CREDITED_SOURCE } from './basemap';
import { FONT_BOLD, FONT_REGULAR } from './layers';

export const PROTOMAPS_SOURCE = CREDITED_SOURCE.archive;
export const PROTOMAPS_STYLE_NAME = 'Catchment Protomaps';

/** Place names in the viewer's language where Protomaps has them (fa and he do; ca and kk fall back to English). */
function labelLanguage(locale: string): string {
  const lang = locale.split('-')[0]!.toLowerCase();
  return language_script_pairs.some((pair) => pair.lang === lang) ? lang : 'en';
}

/**
 * The Protomaps light style over the archive at `archiveUrl` (a path on our origin).
 * @example protomapsStyle({ origin: 'http://127.0.0.1:8787', archiveUrl: '/api/basemap/pmtiles', locale: 'de' })
 */
export function protomapsStyle(options: {
  origin: string;
  archiveUrl: string;
  locale: string;
  /** The credit line, in the viewer's language. */
  attribution?: string;
}): StyleSpecification {
  const flavor = {
    ...namedFlavor('light'),
    // Only the fonts our glyph server has; italics (water names) draw upright.
    regular: FONT_REGULAR[0],
    bold: FONT_BOLD[0],
    italic: FONT_REGULAR[0],
  };
  const drawn = (
    layers(PROTOMAPS_SOURCE, flavor, {
      lang: labelLanguage(options.locale),
    }) as LayerSpecification[]
  ).filter((layer) => !('layout' in layer && layer.layout && 'icon-image' in layer.layout));
  return {
    version: 8,
    name: PROTOMAPS_STYLE_NAME,
    glyphs: apiUrls.glyphs(options.origin),
    sources: {
      [PROTOMAPS_SOURCE]: {
        type: 'vector',
        url: `pmtiles://${new URL(options.archiveUrl, options.origin).href}`,
        attribution: options.attribution ?? '© OpenStreetMap contributors, Protomaps',
      },
    },
    layers: drawn,
  };
}
