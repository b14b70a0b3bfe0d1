// Worker thread: reads one seq range of customers from its own read-only connection and posts the columns back.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { readRowChunk } from './customer-rows.js';

const { dbFile, fromSeq, toSeq } = workerData as { dbFile: string; fromSeq: number; toSeq: number };
const db = new Database(dbFile, { readonly: true });
try {
  const chunk = readRowChunk(db, fromSeq, toSeq);
  const buffers = [chunk.seq, chunk.lng, chunk.lat, chunk.spend, chunk.packed, chunk.lastDay, chunk.job, chunk.industry, chunk.store, chunk.interestSet].map((a) => a.buffer as ArrayBuffer);
  parentPort!.postMessage(chunk, buffers);
} finally {
  db.close();
}
