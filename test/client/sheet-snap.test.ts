// Where the phone's bottom sheet rests after a drag on its handle, and where a press or an arrow key takes it.
import { describe, expect, it } from 'vitest';
import {
  draggedHeightPx,
  nextSheetHeight,
  snapAfterDrag,
  upwardVelocity,
} from '../../client/features/sheet/snap';

const snapsPx = { min: 52, peek: 132, half: 422, full: 780 };

describe('the bottom sheet after a drag', () => {
  it('rests at the height nearest to where a slow drag left it', () => {
    expect(snapAfterDrag({ snapsPx, heightPx: 400, velocityPxPerMs: 0, from: 'peek' })).toBe(
      'half',
    );
    expect(snapAfterDrag({ snapsPx, heightPx: 700, velocityPxPerMs: 0.1, from: 'half' })).toBe(
      'full',
    );
    expect(snapAfterDrag({ snapsPx, heightPx: 200, velocityPxPerMs: -0.1, from: 'half' })).toBe(
      'peek',
    );
  });

  it('goes back to the map when swiped down from the peek, however slowly', () => {
    expect(snapAfterDrag({ snapsPx, heightPx: 80, velocityPxPerMs: -0.05, from: 'peek' })).toBe(
      'min',
    );
  });

  it('steps in the direction of a flick, however short the drag', () => {
    expect(snapAfterDrag({ snapsPx, heightPx: 150, velocityPxPerMs: 1.2, from: 'peek' })).toBe(
      'half',
    );
    expect(snapAfterDrag({ snapsPx, heightPx: 430, velocityPxPerMs: 1.2, from: 'half' })).toBe(
      'full',
    );
  });

  it('returns to the peek from anywhere above it on a fast swipe down, and to the handle alone from the peek', () => {
    expect(snapAfterDrag({ snapsPx, heightPx: 760, velocityPxPerMs: -1, from: 'full' })).toBe(
      'peek',
    );
    expect(snapAfterDrag({ snapsPx, heightPx: 120, velocityPxPerMs: -1, from: 'peek' })).toBe(
      'min',
    );
  });

  it('follows the finger between the lowest and the highest rest', () => {
    expect(draggedHeightPx(snapsPx, 132, 100)).toBe(232);
    expect(draggedHeightPx(snapsPx, 132, -500)).toBe(52);
    expect(draggedHeightPx(snapsPx, 422, 900)).toBe(780);
  });

  it('measures upward speed from the first to the last pointer sample', () => {
    expect(
      upwardVelocity([
        { t: 0, y: 500 },
        { t: 50, y: 400 },
      ]),
    ).toBe(2);
    expect(upwardVelocity([{ t: 0, y: 500 }])).toBe(0);
    expect(
      upwardVelocity([
        { t: 7, y: 500 },
        { t: 7, y: 520 },
      ]),
    ).toBe(-20);
  });
});

describe('the bottom sheet handle by press and key', () => {
  it('cycles peek, half, full and back to peek on a press, and lifts a minimised sheet to the peek', () => {
    expect(nextSheetHeight('peek', 'press')).toBe('half');
    expect(nextSheetHeight('half', 'press')).toBe('full');
    expect(nextSheetHeight('full', 'press')).toBe('peek');
    expect(nextSheetHeight('min', 'press')).toBe('peek');
  });

  it('steps one height with Arrow Up and Down, stopping at either end', () => {
    expect(nextSheetHeight('peek', 'down')).toBe('min');
    expect(nextSheetHeight('min', 'down')).toBe('min');
    expect(nextSheetHeight('full', 'up')).toBe('full');
    expect(nextSheetHeight('half', 'up')).toBe('full');
  });
});
