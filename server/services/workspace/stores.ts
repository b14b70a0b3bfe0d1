// Store writes: versioned updates so two people editing the same store do not overwrite each other.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { deleteStore, findStore, insertStore, updateStore } from '../../db/repos/stores.js';
import type { StoreCreate, StorePatch, StoreRecord } from '../../domain/schemas/store.js';
import { ServiceError } from '../errors.js';

export function createStore(db: Db, input: StoreCreate, now: Date): StoreRecord {
  return insertStore(db, `st-${randomUUID()}`, input, now);
}

export function patchStore(db: Db, id: string, patch: StorePatch, now: Date): StoreRecord {
  return db.transaction(() => {
    const current = findStore(db, id);
    if (!current)
      throw new ServiceError('not-found', `No store with id ${id}`, [
        { field: 'params.id', code: 'unknown_store', message: 'unknown store' },
      ]);
    if (!updateStore(db, id, patch, now)) {
      throw new ServiceError(
        'conflict',
        `The store was changed by someone else (version ${current.version}, you sent ${patch.version}). Reload and apply your change again.`,
        [
          {
            field: 'body.version',
            code: 'stale_version',
            message: `stale: current version is ${current.version}`,
          },
        ],
        { currentVersion: current.version },
      );
    }
    return findStore(db, id)!;
  })();
}

export function removeStore(db: Db, id: string): void {
  if (!deleteStore(db, id))
    throw new ServiceError('not-found', `No store with id ${id}`, [
      { field: 'params.id', code: 'unknown_store', message: 'unknown store' },
    ]);
}
