// Brand marker shapes as SVG path data in a -1..1 box: the map draws them on a canvas (Path2D), the legend as <svg>.

export const shapeNames = ['circle', 'square', 'diamond', 'triangle', 'hexagon', 'star'] as const;
export type ShapeName = (typeof shapeNames)[number];

function polygonPath(points: [number, number][]): string {
  return `M${points.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`).join('L')}Z`;
}

function regular(sides: number, radius: number, rotation = -Math.PI / 2): [number, number][] {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (i * 2 * Math.PI) / sides;
    return [radius * Math.cos(a), radius * Math.sin(a)];
  });
}

function star(points: number, outer: number, inner: number): [number, number][] {
  return Array.from({ length: points * 2 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

/** Path data per shape; sizes are tuned so each shape carries about the same visual weight. */
export const shapePaths: Readonly<Record<ShapeName, string>> = {
  circle: 'M-0.92,0A0.92,0.92 0 1,0 0.92,0A0.92,0.92 0 1,0 -0.92,0Z',
  square: polygonPath([
    [-0.8, -0.8],
    [0.8, -0.8],
    [0.8, 0.8],
    [-0.8, 0.8],
  ]),
  diamond: polygonPath([
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ]),
  triangle: polygonPath([
    [0, -1],
    [1, 0.78],
    [-1, 0.78],
  ]),
  hexagon: polygonPath(regular(6, 0.95)),
  star: polygonPath(star(5, 1, 0.48)),
};

/** The shape for the brand at `index` (brands sorted by name). */
export function shapeFor(index: number): ShapeName {
  return shapeNames[index % shapeNames.length]!;
}
