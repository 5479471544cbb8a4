// The one hub the RBAC matrix runs on (a real hub on loopback over a fake
// fleet of devices: healthy e-gates at RUH, a camera nothing answers for at
// JED), what the matrix's cases set up on it, and the state a refused call
// must leave as it was.
import { CoreClient } from '../../src/core/client.js';
import { PlaybookDefinition } from '../../src/core/model.js';
import { catalogOf } from '../../src/hub/playbooks/catalog.js';
import { DEAD_ASSET, checksOf, startDiagHub, type DiagHub } from '../diagnostics/diag-hub.js';
import { waitUntil } from '../helpers/wait-until.js';
import { journalApplied } from '../hub/hub-fixture.js';
import { alert, type MatrixPlaybook, type Target, type World } from './matrix.js';
import { BOT_ROLE } from './principals.js';

const bi = (en: string) => ({ en, ar: en });
const matrixPlaybook = (id: MatrixPlaybook, steps: Record<string, unknown>[]) =>
  PlaybookDefinition.parse({ id, version: 1, title: bi(id), description: bi(id), severity: 'sev3', steps: steps.map((s) => ({ title: bi(String(s.id)), ...s })) });
/** Each comes to rest at once: waiting on a supervisor's approval, on a checklist, failed (no incident to assign), or done. */
const PLAYBOOKS = [
  matrixPlaybook('matrix-approve', [{ id: 'agree', type: 'approval', roles: ['supervisor'] }]),
  matrixPlaybook('matrix-check', [{ id: 'checks', type: 'checklist', items: [bi('doors'), bi('radio')] }]),
  matrixPlaybook('matrix-fail', [{ id: 'give', type: 'assign', to: 'omar' }]),
  matrixPlaybook('matrix-quick', [{ id: 'tell', type: 'notify', channel: '#matrix', message: bi('matrix') }]),
];

export interface MatrixWorld extends World {
  hub: DiagHub;
  botSecret: string;
  /** What the hub holds that a call on `t` could change, as one comparable value. */
  snapshot(t: Target): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startMatrixWorld(): Promise<MatrixWorld> {
  const hub = await startDiagHub({ playbooks: catalogOf(PLAYBOOKS.map((definition) => ({ definition, source: 'matrix' }))), playbookRunner: { tickMs: 50 } });
  hub.fleet.add('RUH/egate-01', checksOf('egate'));
  hub.fleet.add('RUH/egate-02', checksOf('egate'));
  const admin = hub.admin;
  const intake = new CoreClient({ hubUrl: hub.url, token: (await admin.createToken({ name: 'matrix-alertmanager', role: 'intake' })).secret });
  const botSecret = (await admin.createToken({ name: 'matrix-slack-bot', role: BOT_ROLE, bot: true })).secret;
  const bot = new CoreClient({ hubUrl: hub.url, token: botSecret, channel: 'slack' });
  let serial = 0;
  const settle = async () => {
    await waitUntil(async () => (await admin.listRuns({ state: 'running' })).length === 0, { what: 'no run to be moving', timeoutMs: 10_000 });
  };
  const unique = (prefix: string) => `${prefix}${++serial}-${process.pid}`;

  return {
    hub,
    url: hub.url,
    admin,
    bot,
    botSecret,
    unique,
    incident: async () => (await admin.createIncident({ title: unique('matrix incident '), severity: 'sev3', siteId: 'RUH' })).incident.id,
    async dispatch() {
      const { incident } = await admin.createIncident({ title: unique('matrix work order '), severity: 'sev3', assetId: DEAD_ASSET });
      const [verdict] = await admin.diagnose({ target: incident.id, fix: true });
      if (!verdict?.dispatchId) throw new Error(`no work order for ${incident.id}: ${JSON.stringify(verdict)}`);
      return { dispatchId: verdict.dispatchId, incidentId: incident.id };
    },
    token: async () => (await admin.createToken({ name: unique('matrix-victim-'), role: 'viewer' })).token.id,
    async alert(fingerprint, status, severity) {
      const result = await intake.ingestAlertmanager(alert(fingerprint, status, severity));
      return [...result.created, ...result.updated, ...result.resolved][0];
    },
    settle,
    async run(playbook, then) {
      await settle();
      const { run } = await admin.startRun({ playbook });
      const rest = await waitUntil(
        async () => {
          const { run: now } = await admin.getRun(run.id);
          return now.status !== 'running' ? now : undefined;
        },
        { what: `${run.id} to come to rest`, timeoutMs: 10_000 },
      );
      if (then === 'pause' && rest.status !== 'paused') await admin.pauseRun(run.id);
      return run.id;
    },
    async snapshot(t) {
      // Alerts posted to Alertmanager's v2 API are answered once on disk and applied just after: read after that.
      await journalApplied(hub.url);
      const [audit, tokens, open, ruh, incident, dispatch, cards, runs, run, autoRuns, surveys] = await Promise.all([
        admin.listAudit({ limit: 1 }),
        // A refused call still marks its own token used; that is bookkeeping, not a change it made.
        admin.listTokens().then((all) => all.map(({ lastUsedAt: _used, ...t }) => t)),
        // The newest incidents: one opened by a refused call would be among them.
        admin.listIncidents({ limit: 3 }).then((all) => all.map((i) => `${i.id}@${i.version}`)),
        admin.getSite('RUH').then((s) => s.status.reportedAt),
        t.incidentId ? admin.getIncident(t.incidentId) : null,
        t.dispatchId ? admin.getDispatch(t.dispatchId) : null,
        t.incidentId ? admin.listCards({ incidentId: t.incidentId }) : null,
        // The newest runs: one started by a refused call would be among them.
        admin.listRuns({ limit: 3 }).then((all) => all.map((r) => `${r.id}@${r.status}@${r.updatedAt}`)),
        t.runId ? admin.getRun(t.runId) : null,
        admin.autoRuns(),
        // Survey answers counted: one a refused call stored would be among them.
        admin.kpiReport('satisfaction', { until: new Date(Date.now() + 60_000).toISOString() }).then((r) => r.measures[0]?.samples ?? 0),
      ]);
      return { audit, tokens, open, ruh, incident, dispatch, cards, runs, run, autoRuns, surveys };
    },
    async stop() {
      await intake.close();
      await bot.close();
      await hub.stop();
    },
  };
}
