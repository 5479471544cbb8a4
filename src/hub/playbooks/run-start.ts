// Starting a run, and planning one without starting it. A start checks
// everything it can first (run-inputs.ts), then writes the run row with the
// definition and hash frozen, its audit row and event in one transaction; the
// runner takes it from there. A dry run writes nothing: it is a read, like
// `playbook show`, with the inputs and targets filled in.
import type { PlaybookRunDetail, RunPlan, StartRunInput } from '../../core/model.js';
import { callerDetail, refOf, type Caller } from '../caller.js';
import type { StoreReader } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import type { PlaybookCatalog } from './catalog.js';
import { resolveStart } from './run-inputs.js';
import { DRILL_ONLY } from './steps/inject-step.js';
import { executorOf } from './steps/executors.js';
import { runDetail, runView } from './views.js';

export async function planRun(store: StoreReader, catalog: PlaybookCatalog, request: StartRunInput): Promise<RunPlan> {
  const { entry, inputs, siteId, incidentId, drill } = await resolveStart(store, catalog, request);
  const { definition } = entry;
  const scope = { inputs, siteId, incidentId, drill };
  return {
    playbookId: definition.id,
    playbookVersion: definition.version,
    playbookHash: entry.hash,
    title: definition.title,
    inputs,
    incidentId,
    siteId,
    drill,
    steps: definition.steps.map((step) => ({
      id: step.id,
      type: step.type,
      title: step.title,
      does: executorOf(step).describe(step, scope),
      skipped: step.type === 'inject' && !drill ? DRILL_ONLY : null,
    })),
  };
}

/** `worldSpeed`: the demo world's clock, which a drill runs on (1, real time, without a demo world). */
export async function startRun(deps: TransactDeps, catalog: PlaybookCatalog, caller: Caller, request: StartRunInput, worldSpeed = 1): Promise<PlaybookRunDetail> {
  const { entry, inputs, siteId, incidentId, drill } = await resolveStart(deps.store, catalog, request);
  const { definition } = entry;
  const run = await transact(deps, async (tx, emit) => {
    const at = deps.now().toISOString();
    const stored = await tx.insertRun({
      playbookId: definition.id,
      playbookVersion: definition.version,
      playbookHash: entry.hash,
      definition,
      title: definition.title,
      status: 'running',
      waitingOn: null,
      reason: null,
      currentStep: definition.steps[0]!.id,
      cursorAttempt: 1,
      inputs,
      incidentId,
      siteId,
      drill,
      drillSpeed: drill ? worldSpeed : null,
      startedBy: refOf(caller.actor),
      startedByRole: caller.actor.role,
      channel: caller.channel,
      startedAt: at,
    });
    await tx.appendAudit({
      at,
      actor: refOf(caller.actor),
      channel: caller.channel,
      action: 'playbook.run.start',
      target: stored.id,
      detail: { playbook: definition.id, version: definition.version, hash: entry.hash, source: entry.source, inputs, siteId, incidentId, drill, ...(drill ? { drillSpeed: worldSpeed } : {}), ...callerDetail(caller) },
    });
    emit('playbook.run', runView(stored));
    return stored;
  });
  return runDetail(deps.store, run);
}
