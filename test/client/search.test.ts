import { describe, expect, it } from 'vitest';
import type { AreaFeature } from '../../client/api/areas';
import type { BoundaryFeature, EventFeature, StoreFeature } from '../../client/api/contract';
import { normalize, searchPlaces } from '../../client/features/search/search';

const store = (id: string, name: string, brand: string, address = ''): StoreFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [13.4, 52.5] },
  properties: {
    id,
    name,
    brand,
    franchisee: '',
    address,
    attractiveness: 3,
    opened: '2020-01-01',
    version: 1,
    homeCustomers: 0,
  },
});
const boundary = (id: string, name: string): BoundaryFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
  properties: { id, name, population: 1000 },
});

const area = (id: string, name: string): AreaFeature => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
  properties: {
    id,
    name,
    kind: 'polygon',
    color: '#000',
    params: {},
    areaKm2: 1,
    perimeterKm: 4,
    version: 1,
    createdAt: '',
    updatedAt: '',
    owner: null,
    shared: true,
    sharedWith: [],
  },
});
const event = (id: string, name: string, category: string, locationText = ''): EventFeature => ({
  type: 'Feature',
  id,
  geometry: null,
  properties: {
    id,
    name,
    category,
    locationText,
    startsAt: '2026-11-28T14:00:00Z',
    endsAt: '2026-11-28T22:00:00Z',
    timezone: 'Europe/Berlin',
    allDay: false,
    expectedAttendance: null,
    source: 'manual',
    icsUid: null,
    status: null,
    budget: null,
    notes: '',
    needsPlace: true,
    version: 1,
    createdAt: '',
    updatedAt: '',
  },
});

const stores = [
  store('st-1', 'Kaffee Kiez Mitte', 'Kaffee Kiez', 'Torstraße 1'),
  store('st-2', 'Backstube Köpenick', 'Backstube'),
];
const boundaries = [
  boundary('b-1', 'Mitte'),
  boundary('b-2', 'Köpenick'),
  boundary('b-3', 'Prenzlauer Berg'),
];

describe('search', () => {
  it('ignores case and accents', () => {
    expect(normalize('KÖPENICK')).toBe('kopenick');
    expect(searchPlaces('kopenick', { stores, boundaries }).map((r) => r.label)).toEqual([
      'Köpenick',
      'Backstube Köpenick',
    ]);
  });

  it('names that start with the query come before names that only contain it', () => {
    expect(searchPlaces('mitte', { stores, boundaries }).map((r) => r.selection)).toEqual([
      { kind: 'boundary', id: 'b-1' },
      { kind: 'store', id: 'st-1' },
    ]);
  });

  it('finds a store by its address or brand too', () => {
    expect(searchPlaces('torstr', { stores, boundaries }).map((r) => r.selection.id)).toEqual([
      'st-1',
    ]);
  });

  it('an empty query finds nothing; results are capped', () => {
    expect(searchPlaces('  ', { stores, boundaries })).toEqual([]);
    expect(searchPlaces('e', { stores, boundaries }, 2)).toHaveLength(2);
  });

  it('finds saved areas by name, and events by name, category or place', () => {
    const areas = [area('a-1', 'Rainy Mitte lapsed')];
    const events = [
      event('e-1', 'Winter market', 'market', 'Alexanderplatz'),
      event('e-2', 'Mitte street festival', 'festival'),
    ];
    expect(
      searchPlaces('mitte', { stores, boundaries, areas, events }).map((r) => r.selection),
    ).toEqual([
      { kind: 'boundary', id: 'b-1' },
      { kind: 'event', id: 'e-2' },
      { kind: 'store', id: 'st-1' },
      { kind: 'area', id: 'a-1' },
    ]);
    expect(searchPlaces('alexander', { stores, boundaries, areas, events })).toEqual([
      { selection: { kind: 'event', id: 'e-1' }, label: 'Winter market', hint: 'market' },
    ]);
    expect(
      searchPlaces('festival', { stores, boundaries, areas, events }).map((r) => r.selection.id),
    ).toEqual(['e-2']);
  });
});
