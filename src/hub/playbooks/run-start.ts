// Starting a run, and planning one without starting it. A start checks
// everything it can first (run-inputs.ts), then writes the run row with the
// definition and hash frozen, its audit row and event in one transaction; the
// runner takes it from there. A dry run writes nothing: it is a read, like
// `playbook show`, with the inputs and targets filled in.
import type { PlaybookRunDetail, RunPlan, StartRunInput } from '../../core/model.js';
import type { Caller } from '../caller.js';
import type { StoreReader } from '../store/store.js';
import { transact, type TransactDeps } from '../transact.js';
import type { PlaybookCatalog } from './catalog.js';
import { insertStartedRun } from './run-insert.js';
import { resolveStart } from './run-inputs.js';
import { DRILL_ONLY } from './steps/inject-step.js';
import { executorOf } from './steps/executors.js';
import { runDetail } from './views.js';

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
  const resolved = await resolveStart(deps.store, catalog, request);
  const run = await transact(deps, (tx, emit) => insertStartedRun(tx, emit, resolved, caller, deps.now().toISOString(), worldSpeed));
  return runDetail(deps.store, run);
}
