// Draws brand marker icons at run time on a canvas (no sprite to ship), for map.addImage.
import { shapePaths, type ShapeName } from './shapes';

export const ICON_PIXEL_RATIO = 2;
/** CSS pixels: the shape's box and the white halo around it. */
const SHAPE_PX = 16;
const HALO_PX = 2.5;

export interface IconOptions {
  shape: ShapeName;
  fill: string;
  halo: string;
}

/** An RGBA image of the shape filled with `fill` inside a `halo` outline. */
export function drawBrandIcon({ shape, fill, halo }: IconOptions): ImageData {
  const size = Math.ceil((SHAPE_PX + HALO_PX * 2 + 2) * ICON_PIXEL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available for map icons');
  const scale = (SHAPE_PX / 2) * ICON_PIXEL_RATIO;
  ctx.translate(size / 2, size / 2);
  ctx.scale(scale, scale);
  const path = new Path2D(shapePaths[shape]);
  ctx.lineJoin = 'round';
  ctx.lineWidth = (HALO_PX * 2) / (SHAPE_PX / 2);
  ctx.strokeStyle = halo;
  ctx.stroke(path);
  ctx.fillStyle = fill;
  ctx.fill(path);
  return ctx.getImageData(0, 0, size, size);
}

/** An event badge: a `fill` disc in a `halo` ring with the category's shape (if any) in `halo` colour inside. */
export function drawEventIcon({
  shape,
  fill,
  halo,
}: Omit<IconOptions, 'shape'> & { shape: ShapeName | null }): ImageData {
  const size = Math.ceil((SHAPE_PX + HALO_PX * 2 + 2) * ICON_PIXEL_RATIO);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available for map icons');
  const scale = (SHAPE_PX / 2) * ICON_PIXEL_RATIO;
  ctx.translate(size / 2, size / 2);
  ctx.scale(scale, scale);
  const disc = new Path2D(shapePaths.circle);
  ctx.lineWidth = (HALO_PX * 2) / (SHAPE_PX / 2);
  ctx.strokeStyle = halo;
  ctx.stroke(disc);
  ctx.fillStyle = fill;
  ctx.fill(disc);
  if (shape) {
    ctx.scale(0.5, 0.5);
    ctx.fillStyle = halo;
    ctx.fill(new Path2D(shapePaths[shape]));
  }
  return ctx.getImageData(0, 0, size, size);
}
