// What the app is built from; tests pass their own (a temp SQLite file, a fixed clock).
import type { Db } from './db/connection.js';
import type { Config } from './env.js';
import type { CustomerTiles } from './services/customer-tiles.js';
import type { Logger } from './logger.js';
import type { AreaGeometry } from './domain/schemas/geojson.js';

export interface AppDeps {
  db: Db;
  config: Config;
  customerTiles: CustomerTiles;
  clock: () => Date;
  logger: Logger;
  /** Folder with the built client (index.html, assets/). */
  distDir: string;
  /** Customers inside a geometry, for the `customers` count of areas; absent until an audience engine is wired in. */
  countCustomersInArea?: (geometry: AreaGeometry) => number;
}
