// A campaign's lifecycle: its statuses and which changes between them are allowed, as data the API enforces and the
// builder reads to offer only the buttons that work.

export const campaignStatuses = ['draft', 'scheduled', 'active', 'paused', 'ended'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** Statuses a campaign may be created in: a new campaign can go straight to work; paused or ended would be meaningless. */
export const createStatuses = [
  'draft',
  'scheduled',
  'active',
] as const satisfies readonly CampaignStatus[];

/**
 * Allowed changes. Why each:
 * - draft → scheduled: ready; it goes live within its window when its triggers hold. Not draft → active directly, so a
 *   draft is always reviewed as scheduled first (draft → scheduled → active, as the issue draws it); to skip
 *   the review, create it as active.
 * - scheduled → draft: back to editing before it has run. scheduled → active: started (by hand or by the scheduler).
 * - scheduled → ended: called off before it ran; the record stays for the history (delete a draft instead).
 * - active ⇄ paused: a pause is a manual stop that keeps everything; paused campaigns are never live.
 * - active → ended, paused → ended: finished. `ended` is final: its activations and redemptions stay attributable to
 *   what it was; copy it to run it again.
 * Setting the status it already has is not a change and is always allowed.
 */
export const campaignTransitions: Record<CampaignStatus, readonly CampaignStatus[]> = {
  draft: ['scheduled'],
  scheduled: ['draft', 'active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

/**
 * Why a campaign may not go from `from` to `to`, or null when it may.
 * @example transitionError('ended', 'active') // 'an ended campaign cannot change status'
 * @example transitionError('draft', 'active') // 'cannot go from draft to active; from draft: scheduled'
 */
export function transitionError(from: CampaignStatus, to: CampaignStatus): string | null {
  if (from === to) return null;
  const allowed = campaignTransitions[from];
  if (allowed.includes(to)) return null;
  if (allowed.length === 0) return `an ${from} campaign cannot change status`;
  return `cannot go from ${from} to ${to}; from ${from}: ${allowed.join(', ')}`;
}

/** Statuses in which a campaign can be live (it still needs its window and triggers). */
export function canBeLive(status: CampaignStatus): boolean {
  return status === 'scheduled' || status === 'active';
}
