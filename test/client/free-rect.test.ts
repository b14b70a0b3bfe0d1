// The free part of the map: the padding a fit uses so that no panel covers the subject.
import { describe, expect, it } from 'vitest';
import { freePadding, MIN_FREE_PX } from '../../client/map/free-rect';

const map = { left: 0, top: 48, right: 1000, bottom: 848 };

describe('freePadding', () => {
  it('leaves only the margin when nothing covers the map', () => {
    expect(freePadding(map, [], 24)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });

  it('ignores panels beside the map (the top bar, a side panel that pushed the map aside)', () => {
    const topBar = { left: 0, top: 0, right: 1440, bottom: 48 };
    const sidePanel = { left: 1000, top: 48, right: 1440, bottom: 900 };
    expect(freePadding(map, [topBar, sidePanel])).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
  });

  it('avoids a toolbar at the top from above, not from the side', () => {
    const toolbar = { left: 300, top: 60, right: 700, bottom: 104 };
    expect(freePadding(map, [toolbar])).toEqual({ top: 56, right: 0, bottom: 0, left: 0 });
  });

  it('avoids a tall card on the left from the left', () => {
    const layers = { left: 12, top: 300, right: 260, bottom: 824 };
    expect(freePadding(map, [layers])).toEqual({ top: 0, right: 0, bottom: 0, left: 260 });
  });

  it('combines covers so the largest free rectangle is left: a phone sheet from below, two cards from above', () => {
    const phone = { left: 0, top: 56, right: 390, bottom: 844 };
    const sheet = { left: 0, top: 422, right: 390, bottom: 844 };
    const layers = { left: 12, top: 68, right: 140, bottom: 112 };
    const zoom = { left: 350, top: 66, right: 380, bottom: 126 };
    expect(freePadding(phone, [sheet, layers, zoom], 16)).toEqual({
      // The zoom buttons' 70 px from the top cost less than their 40 px from the side would.
      top: 70 + 16,
      right: 16,
      bottom: 422 + 16,
      left: 16,
    });
  });

  it('never leaves less than a sliver to fit into', () => {
    const almostAll = { left: 0, top: 48, right: 1000, bottom: 840 };
    const p = freePadding(map, [almostAll], 24);
    expect(map.bottom - map.top - p.top - p.bottom).toBeGreaterThanOrEqual(MIN_FREE_PX);
  });
});
