// A site's mode (or the whole fleet's): what a set-mode step switches, with
// its event and audit row in one transaction. Setting the mode a site is
// already in changes nothing, so a step run again after a crash is harmless.
import { NotFoundError } from '../../core/errors.js';
import type { SiteMode, SiteModeRecord } from '../../core/model.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import { transact, type TransactDeps } from '../transact.js';

export const FLEET = 'fleet';

export interface ModeChange {
  siteId: string;
  mode: SiteMode;
  was: SiteMode;
  changed: boolean;
}

export async function setMode(deps: TransactDeps, caller: Caller, request: { site: string; mode: SiteMode; runId: string | null; drill: boolean }): Promise<ModeChange> {
  return transact(deps, async (tx, emit) => {
    const siteId = request.site.toLowerCase() === FLEET ? FLEET : (await tx.getSite(request.site))?.id;
    if (!siteId) throw new NotFoundError(`no site ${request.site}`, { hint: 'name a site id (RUH) or "fleet" for every site' });
    const was = (await tx.listSiteModes()).find((m) => m.siteId.toLowerCase() === siteId.toLowerCase())?.mode ?? 'normal';
    if (was === request.mode) return { siteId, mode: request.mode, was, changed: false };
    const at = deps.now().toISOString();
    const record: SiteModeRecord = { siteId, mode: request.mode, since: at, setBy: refOf(caller.actor), runId: request.runId, drill: request.drill };
    await tx.setSiteMode(record);
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'site.mode',
      target: siteId,
      detail: { mode: request.mode, was, runId: request.runId, drill: request.drill, ...callerDetail(caller) },
    });
    emit('site.mode', record);
    return { siteId, mode: request.mode, was, changed: true };
  });
}
