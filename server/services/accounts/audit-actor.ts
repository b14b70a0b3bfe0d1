// Who an audit entry names: the signed-in user's email or the API token's name, never anything about customers.
import type { Principal } from '../../domain/permissions.js';

export function auditActor(principal: Principal): { actorId: string; actor: string } {
  return { actorId: principal.id, actor: principal.label };
}
