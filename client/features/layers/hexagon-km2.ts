// The average area of an H3 hexagon per resolution, from H3's own table (h3geo.org/docs/core-library/restable), for
// labels such as "Medium (~0.7 km²)" in the workspace's units: written out so the client ships no h3-js for it.
export const HEXAGON_KM2: Readonly<Record<number, number>> = {
  6: 36.129062164,
  7: 5.16129336,
  8: 0.737327598,
  9: 0.105332513,
};

/** The resolution the white-space search uses when it is not asked for another (its query's default). */
export const WHITE_SPACE_RESOLUTION = 8;
