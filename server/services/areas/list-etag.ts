// The areas list's ETag: the shared area and customer versions, and everything about the caller that changes what the
// list holds (which areas they may see, which customers they count, the minimum group size) and the segment counted
// in. Two callers who would be sent different lists never get the same ETag, so never each other's cached body.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import type { Principal } from '../../domain/permissions.js';
import type { Segment } from '../../domain/schemas/segment.js';
import { dayOf, segmentDependsOnDay, segmentKey } from '../../domain/segment.js';
import { audienceViewFor } from '../audience/viewer.js';

export function areaListEtag(
  { db, dataVersions, clock }: Pick<AppDeps, 'db' | 'dataVersions' | 'clock'>,
  principal: Principal,
  segment: Segment | undefined,
): string {
  const versions = dataVersions();
  const view = audienceViewFor(db, principal);
  const caller = [
    principal.customerAccess,
    // Store managers see their own areas and those shared with them; everyone else sees all.
    principal.customerAccess === 'own-stores' ? principal.id : '',
    view.storeIds ? [...view.storeIds].sort().join(',') : '*',
    view.k ?? '',
    segmentKey(segment),
    segmentDependsOnDay(segment) ? dayOf(clock()) : '',
  ].join('|');
  const digest = createHash('sha256').update(caller).digest('base64url').slice(0, 16);
  return `"ar${versions.areas}.${versions.customers}-${digest}"`;
}
