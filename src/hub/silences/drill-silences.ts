// A drill may silence what it injects (an inject step with `silence: true`):
// practising the response to a fault without paging the people on shift for
// it. The silence is the drill's (drillRunId), made by the hub for the run,
// audited like any other, and ends with the fault's `for` or when the drill
// ends, whichever is first. Starting a drill takes an officer, as silencing
// does, so a drill opens no way round the silence rule.
import type { Caller } from '../caller.js';
import type { StoreWriter } from '../store/store.js';
import type { Emit, TransactDeps } from '../transact.js';
import { addSilence } from './silence-actions.js';
import { withState } from './silence-state.js';

/** Longest a drill's silence lasts when its fault has no `for`: the drill's end expires it sooner. */
const UNTIL_DRILL_ENDS_MINUTES = 24 * 60;

const drillCaller = (runId: string): Caller => ({ actor: { id: 'hub', name: `drill ${runId}`, role: 'officer' }, channel: 'system', drillRunId: runId });

export function silenceDrillAsset(deps: TransactDeps, run: { id: string }, step: { id: string }, assetId: string, forMs: number | undefined) {
  const minutes = forMs === undefined ? UNTIL_DRILL_ENDS_MINUTES : Math.max(1, Math.ceil(forMs / 60_000));
  return addSilence(deps, drillCaller(run.id), { assetId, for: `${minutes}m`, reason: `drill ${run.id}, step ${step.id}`, drillRunId: run.id });
}

/** In the transaction that ends a drill: its silences still holding end with it, each audited. */
export async function endDrillSilences(tx: StoreWriter, emit: Emit, runId: string, at: string): Promise<void> {
  const holding = (await tx.listSilences({ inForceAt: at, kind: 'silence' })).filter((s) => s.drillRunId === runId);
  for (const s of holding) {
    await tx.expireSilence(s.id, at, { id: 'hub', name: `drill ${runId}` });
    await tx.appendAudit({ at, actor: { id: 'hub', name: `drill ${runId}` }, channel: 'system', action: 'silence.expire', target: s.id, detail: { endsAt: s.endsAt, drillRunId: runId, why: 'the drill ended' } });
    emit('silence.changed', { change: 'expired', silence: withState((await tx.getSilence(s.id))!, at) });
  }
}
