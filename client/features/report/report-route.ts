// The report page's address: `?report=area:ar-1` for one saved area, `?report=compare:ar-1,ar-2` for a comparison.
// It opens instead of the map (main.tsx) and keeps the app's other parameters (`lang`, `seg`), so the language and
// the segment in force travel with the link, to a colleague or to the server's PDF printer.

export type ReportTarget =
  { kind: 'area'; areaIds: [string] } | { kind: 'compare'; areaIds: string[] };

const MAX_AREAS = 8;

/**
 * @example parseReport('?report=area:ar-1') // { kind: 'area', areaIds: ['ar-1'] }
 * parseReport('?sel=area:ar-1') // null
 */
export function parseReport(search: string): ReportTarget | null {
  const value = new URLSearchParams(search).get('report');
  if (!value) return null;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  const ids = [
    ...new Set(
      value
        .slice(colon + 1)
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= 120),
    ),
  ].slice(0, MAX_AREAS);
  if (kind === 'area' && ids.length === 1) return { kind, areaIds: [ids[0]!] };
  if (kind === 'compare' && ids.length >= 2) return { kind, areaIds: ids };
  return null;
}

/** The report's link from the app's current query string: its `lang` and `seg` kept, everything else dropped. */
export function reportHref(target: ReportTarget, currentSearch: string): string {
  const current = new URLSearchParams(currentSearch);
  const params = new URLSearchParams({ report: `${target.kind}:${target.areaIds.join(',')}` });
  for (const key of ['lang', 'seg']) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  return `?${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%3B/gi, ';')}`;
}

/**
 * The PDF of an area's or a comparison's report, in the paper size and language asked for, with the same segment.
 * @example reportPdfHref({ kind: 'compare', areaIds: ['ar-1', 'ar-2'] }, '', 'A4', 'en')
 * // '/api/reports/compare/ar-1,ar-2.pdf?format=A4&lang=en'
 */
export function reportPdfHref(
  target: ReportTarget,
  currentSearch: string,
  format: 'A4' | 'Letter',
  lang: string,
): string {
  const current = new URLSearchParams(currentSearch);
  const params = new URLSearchParams({ format, lang });
  const seg = current.get('seg');
  if (seg) params.set('seg', seg);
  const file = target.areaIds.map(encodeURIComponent).join(',');
  return `/api/reports/${target.kind}/${file}.pdf?${params.toString()}`;
}
