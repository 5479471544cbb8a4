// The steps whose effect stays in the hub's store, each written so that
// doing it again changes nothing: notify leaves one message per step attempt
// for the chat bot to post (the bot relays it: the hub never talks to chat
// itself), assign hands the incident over (assigning to whom it already is
// changes nothing), set-mode switches a site or the fleet.
import type { PlaybookStep } from '../../../core/model.js';
import { callerDetail, refOf } from '../../caller.js';
import { assignIncident } from '../../incidents/incident-actions.js';
import { transact } from '../../transact.js';
import { fill } from '../interpolate.js';
import { setMode } from '../site-modes.js';
import { failedWith, type StepContext, type StepExecutor } from './step-executor.js';

type Notify = Extract<PlaybookStep, { type: 'notify' }>;
type Assign = Extract<PlaybookStep, { type: 'assign' }>;
type SetMode = Extract<PlaybookStep, { type: 'set-mode' }>;

const audienceOf = (step: Notify) => (step.channel !== undefined ? `channel ${step.channel}` : `every ${step.role}`);

export const notifyStep: StepExecutor<Notify> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => `tell ${audienceOf(step)}: ${fill(step.message.en, scope)}`,
  async run(step, sc) {
    const { ctx } = sc.env;
    try {
      const message = { en: fill(step.message.en, sc.scope), ar: fill(step.message.ar, sc.scope) };
      const channel = step.channel === undefined ? null : fill(step.channel, sc.scope);
      const left = await transact(ctx, async (tx, emit) => {
        const at = ctx.now().toISOString();
        const notification = await tx.insertNotification({
          runId: sc.run.id,
          stepId: step.id,
          attempt: sc.attempt.number,
          channel,
          role: step.role ?? null,
          message,
          drill: sc.run.drill,
          createdAt: at,
        });
        // Already left by this attempt before a crash: nothing more to do.
        if (!notification) return false;
        await tx.appendAudit({
          at,
          actor: refOf(sc.caller.actor),
          channel: sc.caller.channel,
          action: 'playbook.notify',
          target: sc.run.id,
          detail: { step: step.id, channel, role: step.role ?? null, notification: notification.id, drill: sc.run.drill, ...callerDetail(sc.caller) },
        });
        emit('playbook.notification', notification);
        return true;
      });
      return { status: 'done', output: { channel, role: step.role ?? null, left } };
    } catch (e) {
      return failedWith(e);
    }
  },
};

/** The run's incident; a drill started on none hands over the first incident its own faults opened. */
async function runIncident(sc: StepContext): Promise<string | null> {
  if (sc.run.incidentId || !sc.run.drill) return sc.run.incidentId;
  return (await sc.env.ctx.store.listDrillIncidentIds(sc.run.id))[0] ?? null;
}

export const assignStep: StepExecutor<Assign> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => `assign ${step.incident === undefined ? (scope.incidentId ?? 'the run\'s incident') : fill(step.incident, scope)} to ${fill(step.to, scope)}`,
  async run(step, sc) {
    try {
      const incidentId = step.incident === undefined ? await runIncident(sc) : fill(step.incident, sc.scope);
      if (!incidentId) return { status: 'failed', error: 'no incident to assign: start the run with --incident, or name one in the step' };
      const to = fill(step.to, sc.scope);
      const { incident, changed } = await assignIncident(sc.env.ctx, sc.caller, incidentId, to);
      return { status: 'done', output: { incidentId: incident.id, assignee: incident.assignee, changed } };
    } catch (e) {
      return failedWith(e);
    }
  },
};

export const setModeStep: StepExecutor<SetMode> = {
  effect: 'local',
  keyed: false,
  describe: (step, scope) => `switch ${fill(step.site, scope)} to ${step.mode} mode`,
  async run(step, sc) {
    try {
      const change = await setMode(sc.env.ctx, sc.caller, { site: fill(step.site, sc.scope), mode: step.mode, runId: sc.run.id, drill: sc.run.drill });
      return { status: 'done', output: { ...change } };
    } catch (e) {
      return failedWith(e);
    }
  },
};
