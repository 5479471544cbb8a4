// The one hub the RBAC matrix runs on (a real hub on loopback over a fake
// fleet of devices: healthy e-gates at RUH, a camera nothing answers for at
// JED), what the matrix's cases set up on it, and the state a refused call
// must leave as it was.
import { CoreClient } from '../../src/core/client.js';
import { DEAD_ASSET, checksOf, startDiagHub, type DiagHub } from '../diagnostics/diag-hub.js';
import { alert, type Target, type World } from './matrix.js';
import { BOT_ROLE } from './principals.js';

export interface MatrixWorld extends World {
  hub: DiagHub;
  botSecret: string;
  /** What the hub holds that a call on `t` could change, as one comparable value. */
  snapshot(t: Target): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startMatrixWorld(): Promise<MatrixWorld> {
  const hub = await startDiagHub();
  hub.fleet.add('RUH/egate-01', checksOf('egate'));
  hub.fleet.add('RUH/egate-02', checksOf('egate'));
  const admin = hub.admin;
  const intake = new CoreClient({ hubUrl: hub.url, token: (await admin.createToken({ name: 'matrix-alertmanager', role: 'intake' })).secret });
  const botSecret = (await admin.createToken({ name: 'matrix-slack-bot', role: BOT_ROLE, bot: true })).secret;
  const bot = new CoreClient({ hubUrl: hub.url, token: botSecret, channel: 'slack' });
  let serial = 0;
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
    async snapshot(t) {
      const [audit, tokens, open, ruh, incident, dispatch, cards] = await Promise.all([
        admin.listAudit({ limit: 1 }),
        // A refused call still marks its own token used; that is bookkeeping, not a change it made.
        admin.listTokens().then((all) => all.map(({ lastUsedAt: _used, ...t }) => t)),
        // The newest incidents: one opened by a refused call would be among them.
        admin.listIncidents({ limit: 3 }).then((all) => all.map((i) => `${i.id}@${i.version}`)),
        admin.getSite('RUH').then((s) => s.status.reportedAt),
        t.incidentId ? admin.getIncident(t.incidentId) : null,
        t.dispatchId ? admin.getDispatch(t.dispatchId) : null,
        t.incidentId ? admin.listCards({ incidentId: t.incidentId }) : null,
      ]);
      return { audit, tokens, open, ruh, incident, dispatch, cards };
    },
    async stop() {
      await intake.close();
      await bot.close();
      await hub.stop();
    },
  };
}
