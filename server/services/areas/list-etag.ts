// The areas list's ETag: the shared area and customer versions, and everything about the caller that changes what the
// list holds (which areas they may see, which customers they count, the minimum group size) and the segment counted
// in. Two callers who would be sent different lists never get the same ETag, so never each other's cached body.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import { memoised } from '../../domain/memo.js';
import type { Principal } from '../../domain/permissions.js';
import { hidesSmallGroups, visibleStoreIds } from '../../domain/privacy.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, segmentDependsOnDay, segmentKey } from '../../domain/segment.js';
import { readPrivacySettings } from '../../db/repos/settings.js';

/** Digests by what they digest: the same few callers poll the list, and a digest per request was a tenth of its cost. */
const digestOf = memoised(
  (caller: string) => createHash('sha256').update(caller).digest('base64url').slice(0, 16),
  1024,
);

export function areaListEtag(
  { db, dataVersions, clock }: Pick<AppDeps, 'db' | 'dataVersions' | 'clock'>,
  principal: Principal,
  segment: Segment | undefined,
): string {
  const versions = dataVersions();
  // As audienceViewFor names them (server/services/audience/viewer.ts), without building the whole view.
  const storeIds = visibleStoreIds(principal);
  const k = hidesSmallGroups(principal) ? readPrivacySettings(db).minGroupSize : null;
  const caller = [
    principal.customerAccess,
    // Store managers see their own areas and those shared with them; everyone else sees all.
    principal.customerAccess === 'own-stores' ? principal.id : '',
    storeIds ? [...storeIds].sort().join(',') : '*',
    k ?? '',
    segmentKey(segment),
    segmentDependsOnDay(segment) ? dayOf(clock()) : '',
  ].join('|');
  return `"ar${versions.areas}.${versions.customers}-${digestOf(caller)}"`;
}
