// Chooses the basemap: the configured style when it loads within a few seconds, otherwise a local Protomaps archive
// when the server has one, otherwise the offline style we ship.
import type { StyleSpecification } from 'maplibre-gl';
import type { OfflineReason } from '../store/types';

export const BASEMAP_TIMEOUT_MS = 4000;

/** The source of each basemap we build that carries its credit line (the language switch rewrites it). */
export const CREDITED_SOURCE = { offline: 'basemap', archive: 'protomaps' } as const;

export type BasemapChoice =
  | { mode: 'online'; style: StyleSpecification; reason: null; detail: null }
  | { mode: 'offline'; style: StyleSpecification; reason: OfflineReason; detail: string | null }
  /** The local archive's style; `reason` says why a configured online style was not used (null: none was set). */
  | {
      mode: 'archive';
      style: StyleSpecification;
      reason: Exclude<OfflineReason, 'unset'> | null;
      detail: string | null;
    };

export interface ChooseBasemapOptions {
  styleUrl: string | null;
  offline: StyleSpecification;
  /** The style over the server's Protomaps archive (CATCHMENT_BASEMAP_PMTILES), preferred to the offline one. */
  archive?: StyleSpecification | null;
  /** Glyphs to use when the online style has none but our overlay needs them for labels. */
  glyphsUrl: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

function isStyle(value: unknown): value is StyleSpecification {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 8 &&
    typeof v.sources === 'object' &&
    v.sources !== null &&
    Array.isArray(v.layers)
  );
}

/** Relative URLs inside a fetched style would resolve against our page; resolve them against the style's URL. */
function absolutize(style: StyleSpecification, base: string): StyleSpecification {
  const abs = (url: string) =>
    /^[a-z]+:/i.test(url) || url.startsWith('{') ? url : new URL(url, base).href;
  const sources = Object.fromEntries(
    Object.entries(style.sources).map(([id, source]) => {
      const s = { ...source } as Record<string, unknown>;
      if (typeof s.url === 'string') s.url = abs(s.url);
      if (Array.isArray(s.tiles)) s.tiles = (s.tiles as string[]).map(abs);
      if (typeof s.data === 'string') s.data = abs(s.data);
      return [id, s];
    }),
  ) as StyleSpecification['sources'];
  const sprite = typeof style.sprite === 'string' ? abs(style.sprite) : style.sprite;
  return { ...style, sources, sprite, glyphs: style.glyphs ? abs(style.glyphs) : undefined };
}

/**
 * Fetches the configured style with a time limit; any failure (unset, timeout, HTTP error,
 * not JSON, not a style) falls back to the offline style and says why.
 */
export async function chooseBasemap(options: ChooseBasemapOptions): Promise<BasemapChoice> {
  const {
    styleUrl,
    offline,
    archive = null,
    glyphsUrl,
    timeoutMs = BASEMAP_TIMEOUT_MS,
    fetch: doFetch = globalThis.fetch,
  } = options;
  const fallback = (reason: OfflineReason, detail: string | null = null): BasemapChoice =>
    archive
      ? { mode: 'archive', style: archive, reason: reason === 'unset' ? null : reason, detail }
      : { mode: 'offline', style: offline, reason, detail };
  if (!styleUrl) return fallback('unset');

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const base = new URL(styleUrl, globalThis.location?.href ?? 'http://localhost/').href;
    const response = await doFetch(base, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return fallback('failed', `HTTP ${response.status}`);
    const body: unknown = await response.json().catch(() => undefined);
    if (controller.signal.aborted) return fallback('timeout', `${timeoutMs / 1000} s`);
    if (!isStyle(body)) return fallback('failed', 'not a MapLibre style');
    const style = absolutize(body, base);
    return {
      mode: 'online',
      style: { ...style, glyphs: style.glyphs ?? glyphsUrl },
      reason: null,
      detail: null,
    };
  } catch (error) {
    if (controller.signal.aborted) return fallback('timeout', `${timeoutMs / 1000} s`);
    return fallback('failed', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}
