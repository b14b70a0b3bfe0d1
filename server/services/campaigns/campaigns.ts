// Campaigns: create, read, change and delete, with what the schema alone cannot check — the areas exist and the caller
// may see them, the status change is allowed, the code is not taken by another running campaign, the version is the
// latest — each refusal a problem naming the field, and nothing written.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { recordAudit } from '../../db/repos/audit.js';
import { findArea } from '../../db/repos/areas.js';
import {
  campaignHistory,
  campaignsWithCode,
  deleteCampaign,
  findCampaign,
  insertCampaign,
  listCampaigns as listAllCampaigns,
  updateCampaign,
  type CampaignFilter,
  type CampaignRecord,
  type CampaignValues,
} from '../../db/repos/campaigns.js';
import type { Principal } from '../../domain/permissions.js';
import { canSeeArea } from '../../domain/privacy.js';
import {
  campaignIssues,
  transitionError,
  type CampaignCreate,
  type CampaignPatch,
  type CampaignStatus,
} from '../../domain/schemas/campaign.js';
import { checkVersion, ServiceError, type CodedFieldError } from '../errors.js';
import { auditActor } from '../accounts/audit-actor.js';
import { utcInstant } from '../../domain/time/index.js';

export interface CampaignWriter {
  principal: Principal;
  at: Date;
}

/** Statuses in which a campaign holds its code: two running campaigns with one code would make redemptions ambiguous. */
const CODE_HOLDING: readonly CampaignStatus[] = ['scheduled', 'active', 'paused'];

/** Store managers see campaigns they made or whose areas they all see; everyone else sees every campaign. */
function canSeeCampaign(db: Db, principal: Principal, campaign: CampaignRecord): boolean {
  if (principal.customerAccess !== 'own-stores') return true;
  if (campaign.owner === principal.id) return true;
  return campaign.areaIds.every((id) => {
    const area = findArea(db, id);
    return area !== undefined && canSeeArea(principal, area);
  });
}

/** Store managers change only their own campaigns; other roles with campaigns:write change any. */
function canEditCampaign(principal: Principal, campaign: CampaignRecord): boolean {
  return principal.customerAccess !== 'own-stores' || campaign.owner === principal.id;
}

function audit(
  db: Db,
  writer: CampaignWriter,
  action: string,
  id: string,
  detail: Record<string, unknown>,
): void {
  recordAudit(db, {
    at: writer.at.toISOString(),
    ...auditActor(writer.principal),
    action,
    targetType: 'campaign',
    targetId: id,
    detail,
  });
}

export function newCampaignId(): string {
  return `cmp-${randomUUID()}`;
}

/** The campaign, when it exists and the caller may see it (others answer 404, as if absent). */
export function getCampaign(db: Db, id: string, principal?: Principal): CampaignRecord {
  const campaign = findCampaign(db, id);
  if (!campaign || (principal && !canSeeCampaign(db, principal, campaign))) {
    throw new ServiceError('not-found', `No campaign with id ${id}`, [
      { field: 'params.id', code: 'not_found', message: 'unknown campaign' },
    ]);
  }
  return campaign;
}

export function listCampaigns(
  db: Db,
  principal: Principal,
  filter: CampaignFilter = {},
): CampaignRecord[] {
  return listAllCampaigns(db, filter).filter((c) => canSeeCampaign(db, principal, c));
}

/** Every problem with the campaign as it would be stored, each naming its body field; empty when it may be written. */
function storeIssues(
  db: Db,
  principal: Principal,
  values: CampaignValues,
  id: string | null,
  fields: ReadonlySet<string>,
): CodedFieldError[] {
  const errors: CodedFieldError[] = [];
  values.areaIds.forEach((areaId, i) => {
    const area = findArea(db, areaId);
    if (!area || !canSeeArea(principal, area))
      errors.push({
        field: `body.areaIds.${i}`,
        code: 'unknown_area',
        message: `no area with id ${areaId}`,
      });
  });
  // A patch may change one side of a pair: check the pair as it would be stored, naming the side that was sent.
  for (const issue of campaignIssues(values)) {
    const [first] = issue.path;
    const field =
      first === 'endsAt' && !fields.has('endsAt') && fields.has('startsAt')
        ? 'startsAt'
        : issue.path.join('.');
    errors.push({ field: `body.${field}`, code: issue.rule, message: issue.message });
  }
  if (CODE_HOLDING.includes(values.status)) {
    const taken = campaignsWithCode(db, values.offer.code, CODE_HOLDING, id);
    if (taken.length > 0)
      errors.push({
        field: 'body.offer.code',
        code: 'code_taken',
        message: `${values.offer.code} is already the code of “${taken[0]!.name}”, which is ${CODE_HOLDING.join(' or ')}`,
      });
  }
  return errors;
}

export function createCampaign(
  db: Db,
  input: CampaignCreate,
  writer: CampaignWriter,
): CampaignRecord {
  return db.transaction(() => {
    const values: CampaignValues = {
      ...input,
      startsAt: utcInstant(input.startsAt),
      endsAt: utcInstant(input.endsAt),
      owner: writer.principal.kind === 'user' ? writer.principal.id : null,
    };
    const errors = storeIssues(db, writer.principal, values, null, new Set(Object.keys(input)));
    if (errors.length > 0)
      throw new ServiceError('invalid', 'The campaign cannot be saved', errors);
    const id = newCampaignId();
    const campaign = insertCampaign(db, id, values, writer.at);
    audit(db, writer, 'campaign.create', id, {
      status: campaign.status,
      areas: campaign.areaIds.length,
    });
    return campaign;
  })();
}

export function patchCampaign(
  db: Db,
  id: string,
  patch: CampaignPatch,
  writer: CampaignWriter,
): CampaignRecord {
  return db.transaction(() => {
    const current = getCampaign(db, id, writer.principal);
    if (!canEditCampaign(writer.principal, current))
      throw new ServiceError(
        'forbidden',
        `Campaign ${id} belongs to someone else: store managers change only their own campaigns`,
        undefined,
        { code: 'not_owner' },
      );
    checkVersion('campaign', current.version, patch.version);
    const changes = Object.keys(patch).filter(
      (key) => key !== 'version' && patch[key as keyof CampaignPatch] !== undefined,
    );
    if (current.status === 'ended' && changes.length > 0) {
      throw new ServiceError(
        'conflict',
        'An ended campaign is kept as it ran; copy it to run it again',
        [
          {
            field: `body.${changes[0]}`,
            code: 'campaign_ended',
            message: 'the campaign has ended',
          },
        ],
      );
    }
    if (patch.status !== undefined) {
      const refused = transitionError(current.status, patch.status);
      if (refused)
        throw new ServiceError(
          'conflict',
          `The campaign cannot go from ${current.status} to ${patch.status}`,
          [{ field: 'body.status', code: 'status_change', message: refused }],
        );
    }
    const { version: _version, ...fields } = patch;
    const values: CampaignValues = {
      ...current,
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      startsAt: patch.startsAt === undefined ? current.startsAt : utcInstant(patch.startsAt),
      endsAt: patch.endsAt === undefined ? current.endsAt : utcInstant(patch.endsAt),
    };
    const errors = storeIssues(db, writer.principal, values, id, new Set(changes));
    if (errors.length > 0)
      throw new ServiceError('invalid', 'The campaign cannot be saved', errors);
    updateCampaign(db, id, values, current.version, writer.at);
    audit(db, writer, 'campaign.update', id, {
      fields: changes,
      ...(patch.status ? { status: `${current.status}→${patch.status}` } : {}),
    });
    return getCampaign(db, id);
  })();
}

/** Deletes a campaign that has no history; one that ran (activations, redemptions) is ended instead, to keep the record. */
export function removeCampaign(db: Db, id: string, writer: CampaignWriter): void {
  db.transaction(() => {
    const current = getCampaign(db, id, writer.principal);
    if (!canEditCampaign(writer.principal, current))
      throw new ServiceError(
        'forbidden',
        `Campaign ${id} belongs to someone else: store managers delete only their own campaigns`,
        undefined,
        { code: 'not_owner' },
      );
    const history = campaignHistory(db, id);
    if (history.activations > 0 || history.redemptions > 0) {
      const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
      throw new ServiceError(
        'conflict',
        `The campaign has run (${count(history.activations, 'activation')}, ${count(history.redemptions, 'redemption')}): end it instead of deleting it`,
        [
          {
            field: 'params.id',
            code: 'campaign_has_run',
            message: 'has activations or redemptions',
          },
        ],
      );
    }
    deleteCampaign(db, id);
    audit(db, writer, 'campaign.delete', id, {});
  })();
}
