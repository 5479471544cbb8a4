// One named device action with a key the caller chose: what a playbook's
// remediate step asks of the diagnostics. It goes the way every remote fix
// goes — the site's run slot, the disruptive-action rate, the role the
// catalogue asks for, the device reached through its transport with the
// Idempotency-Key (an SSH server's through the store's ledger), the action
// on the incident's timeline and in the audit log — so a key a step uses
// again after a crash reaches the device again, and the device replays.
import { ForbiddenError, UsageError } from '../../core/errors.js';
import type { Asset, DiagAction } from '../../core/model.js';
import { roleAtLeast } from '../../core/vocabulary.js';
import { isDeviceAction } from '../../devices/device-api.js';
import type { Caller } from '../caller.js';
import * as catalogue from './catalog/remediations.js';
import type { Remediation } from './catalog/types.js';
import type { Recorder } from './record.js';
import { sendAction, type RunnerDeps } from './runner.js';

export interface NamedActionRequest {
  asset: Asset;
  /** The incident the action is recorded on, if any. */
  incidentId: string | null;
  action: string;
  params: Readonly<Record<string, string | number | boolean>>;
  idempotencyKey: string;
}

const KNOWN: readonly Remediation[] = Object.values(catalogue);

/** The catalogue's remediation of that name (its role and whether it disrupts), or a usage error. */
export function remediationNamed(action: string, params: NamedActionRequest['params']): Remediation {
  if (!isDeviceAction(action)) throw new UsageError(`"${action}" is not a device action`, { hint: `one of ${KNOWN.map((r) => r.action).join(', ')}` });
  // An action the catalogue does not list is treated as the most careful kind: disruptive, for officers.
  const known = KNOWN.find((r) => r.action === action) ?? { action, params: {}, disruptive: true, minRole: 'officer' as const };
  return { ...known, params: { ...params } };
}

export async function runNamedAction(deps: RunnerDeps, recorder: Recorder, caller: Caller, request: NamedActionRequest): Promise<DiagAction> {
  const { asset } = request;
  const remediation = remediationNamed(request.action, request.params);
  if (!roleAtLeast(caller.actor.role, remediation.minRole)) {
    throw new ForbiddenError(`${remediation.action} needs the ${remediation.minRole} role; ${caller.actor.name} is ${caller.actor.role}`);
  }
  if (!asset.managementUrl) throw new UsageError(`${asset.id} has no management endpoint: the hub cannot reach it`);
  const device = deps.connect({ ...asset, managementUrl: asset.managementUrl });
  const site = asset.siteId ?? asset.id;
  const done = await deps.limits.withSite(site, async () => {
    if (remediation.disruptive) await deps.limits.disruptiveSlot(site);
    return sendAction(device, remediation, request.idempotencyKey, deps.retryDelayMs ?? 250);
  });
  await recorder.action(request.incidentId, asset, done);
  return done;
}
