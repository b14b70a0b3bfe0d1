import { describe, expect, it } from 'vitest';
import { BBOX_REASONS, parseBbox } from '../../server/domain/bbox.js';

describe('parseBbox', () => {
  it('reads minLng,minLat,maxLng,maxLat with spaces and signs', () => {
    expect(parseBbox('13.3,52.4,13.5,52.6')).toEqual({ ok: true, bbox: [13.3, 52.4, 13.5, 52.6] });
    expect(parseBbox(' -0.5 , -10 , 0.5 , 10 ')).toEqual({ ok: true, bbox: [-0.5, -10, 0.5, 10] });
  });

  it('accepts a degenerate box around one point', () => {
    expect(parseBbox('13,52,13,52').ok).toBe(true);
  });

  it.each([
    ['', BBOX_REASONS.shape],
    ['1,2,3', BBOX_REASONS.shape],
    ['1,2,3,4,5', BBOX_REASONS.shape],
    ['a,b,c,d', BBOX_REASONS.shape],
    ['1,,3,4', BBOX_REASONS.shape],
    ['NaN,1,2,3', BBOX_REASONS.shape],
    ['Infinity,1,2,3', BBOX_REASONS.shape],
    ['0x0d,52,14,53', BBOX_REASONS.shape], // issue 14: read as 13 before
    ['13,52,1.4e1,53', BBOX_REASONS.shape],
    ['13,52,14.,53', BBOX_REASONS.shape],
    ['-181,0,0,1', BBOX_REASONS.range],
    ['0,-91,1,1', BBOX_REASONS.range],
    ['0,0,181,1', BBOX_REASONS.range],
    ['13.5,52.4,13.3,52.6', BBOX_REASONS.order],
    ['52.6,13.5,52.4,13.3', BBOX_REASONS.order], // max before min
    ['0,10,1,5', BBOX_REASONS.order],
  ])('rejects %j with a reason', (text, reason) => {
    expect(parseBbox(text)).toEqual({ ok: false, reason });
  });
});
