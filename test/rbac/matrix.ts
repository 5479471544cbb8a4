// The RBAC matrix as data: every route of the hub that can change state, the
// least role that may call it and the rules beyond the role, how to set up
// what one call acts on, and the same call as the CLI and chat make it.
// rbac-matrix.test.ts runs each case for every principal over every channel.
import type { ChatAction } from '../../src/bot/actions.js';
import type { CoreClient } from '../../src/core/client.js';
import type { TokenRole } from '../../src/core/model.js';
import { labelsFingerprint } from '../../src/hub/incidents/alert-fingerprint.js';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HANDOVER_CASES } from './handover-cases.js';
import { SILENCE_CASES } from './silence-cases.js';

/** What the matrix builds its cases on: a hub with a tiny fleet, a healthy device and one nothing answers for. */
export interface World {
  url: string;
  admin: CoreClient;
  /** A new name, for tokens, fingerprints, card targets. */
  unique(prefix: string): string;
  /** A triggered incident nobody holds. */
  incident(): Promise<string>;
  /** The chat bot's own token (a supervisor's, created with --bot): the principal `bot`, and the holder of the cards the matrix claims. */
  bot: CoreClient;
  /** An open work order, and its incident (dispatched, held by nobody). */
  dispatch(): Promise<{ dispatchId: string; incidentId: string }>;
  /** A live token, to be revoked. */
  token(): Promise<string>;
  /** Posts an alert with the world's own intake token; the id of the incident it opened or updated. */
  alert(fingerprint: string, status: 'firing' | 'resolved', severity?: string): Promise<string | undefined>;
  /** A playbook run (started by the world's admin) come to rest: waiting on a person, paused or failed. */
  run(playbook: MatrixPlaybook, then?: 'pause'): Promise<string>;
  /** Until no run is moving: what an earlier call set going must not pass for a refused call's change. */
  settle(): Promise<void>;
}

/** The world's playbooks (world.ts): each comes to rest at once where the cases need it. */
export type MatrixPlaybook = 'matrix-approve' | 'matrix-check' | 'matrix-fail' | 'matrix-quick';

/** What one call acts on. */
export interface Target {
  incidentId?: string;
  dispatchId?: string;
  tokenId?: string;
  runId?: string;
  /** A silence or maintenance window (silence-cases.ts). */
  silenceId?: string;
  /** A shift handover (handover-cases.ts). */
  handoverId?: string;
  /** Something unique the call carries (a token name, a fingerprint, a card's chat target). */
  mark: string;
}

export interface Call {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface Case {
  /** `METHOD /path` as fastify lists it. */
  route: string;
  name: string;
  /** The least role that may call it; `intake`: intake tokens and nothing else. */
  least: TokenRole;
  /** Beyond the role: an officer may do it only to an incident they hold; the matrix hands them none. */
  holderOnly?: boolean;
  /** Beyond the role: only a bot's own token, acting for itself (not for a chat user), and for cards only their holder. */
  botOnly?: boolean;
  /** The status of a call that is allowed. */
  status: 200 | 201;
  /** false: even allowed, the call leaves nothing the hub keeps (a look at a healthy device). */
  changes?: false;
  arrange(w: World): Promise<Target>;
  http(t: Target): Call;
  /** The CLI verb that makes this call, if there is one. */
  cli?(t: Target): string[];
  /** The chat command that makes it, if chat may. */
  chat?(t: Target): string;
  /** The button that makes it on an incident card, if there is one. */
  button?(t: Target): ChatAction;
  /** After an allowed call: what it must not have done (undefined if it did nothing it should not). */
  after?(w: World, t: Target): Promise<string | undefined>;
}

/** An inventory of the alert labels alone (sites and assets left as they are): the defaults and one label of its own, so applying it changes something. */
const inventoryText = (mark: string) =>
  `alertLabels:\n  site: [{ label: site }, { label: ${mark} }]\n  asset: [{ label: asset, pattern: '^(.+/.+)$' }, { label: asset, id: '{site}/{value}' }]\n`;
const inventoryPath = (mark: string) => join(tmpdir(), `wf-matrix-${mark}.yaml`);
const inventoryFile = async (w: World): Promise<Target> => {
  const mark = w.unique('inventory');
  writeFileSync(inventoryPath(mark), inventoryText(mark));
  return { mark };
};

const incident = async (w: World): Promise<Target> => ({ incidentId: await w.incident(), mark: w.unique('inc') });
/** The bot instance that holds the matrix's card claims, through the world's bot token. */
const MATRIX_CLAIMANT = 'matrix-bot';
/** A card the bot (`bot`) has claimed, with no message yet. */
const claimedCard = async (w: World): Promise<Target> => {
  const t = { incidentId: await w.incident(), mark: w.unique('slack:C') };
  await w.bot.claimCard({ incidentId: t.incidentId, target: t.mark, claimant: MATRIX_CLAIMANT });
  return t;
};
const run = (playbook: MatrixPlaybook, then?: 'pause') => async (w: World): Promise<Target> => ({ runId: await w.run(playbook, then), mark: w.unique('run') });
const runPath = (t: Target, action: string) => `/v1/playbook-runs/${t.runId}/${action}`;
const id = (t: Target) => encodeURIComponent(t.incidentId!);
const HEALTHY_ASSET = 'RUH/egate-01';

const telemetry = (at: string) => ({
  sites: [{ siteId: 'RUH', at, arrivalsPerHour: 100, queueLength: 10, waitMinutes: 4, egatesInService: 2, countersOpen: 1 }],
});
/** An Alertmanager webhook of one alert. */
export const alert = (fingerprint: string, status: 'firing' | 'resolved' = 'firing', severity = 'warning') => ({
  alerts: [{ status, labels: { alertname: 'MatrixAlert', site: 'JED', severity }, fingerprint }],
});

/** What Prometheus posts to POST /api/v2/alerts for one alert, unique by its `matrix` label; endsAt passed: resolved. */
const postableAlerts = (mark: string, resolved = false) => [
  { labels: prometheusLabels(mark), annotations: {}, endsAt: new Date(Date.now() + (resolved ? -60_000 : 3_600_000)).toISOString() },
];
const prometheusLabels = (mark: string) => ({ alertname: 'MatrixAlert', site: 'JED', severity: 'warning', matrix: mark });

export const CASES: readonly Case[] = [
  {
    route: 'POST /v1/incidents',
    name: 'open an incident by hand',
    least: 'officer',
    status: 201,
    arrange: async (w) => ({ mark: w.unique('opened') }),
    http: (t) => ({ method: 'POST', path: '/v1/incidents', body: { title: t.mark, severity: 'sev4', siteId: 'RUH' } }),
  },
  {
    route: 'POST /v1/incidents/:id/ack',
    name: 'acknowledge',
    least: 'officer',
    status: 200,
    arrange: incident,
    http: (t) => ({ method: 'POST', path: `/v1/incidents/${id(t)}/ack`, body: {} }),
    cli: (t) => ['incidents', 'ack', t.incidentId!],
    chat: (t) => `incidents ack ${t.incidentId}`,
    button: (t) => ({ id: 'ack', value: t.incidentId! }),
  },
  {
    route: 'POST /v1/incidents/:id/assign',
    name: 'assign',
    least: 'officer',
    status: 200,
    arrange: incident,
    http: (t) => ({ method: 'POST', path: `/v1/incidents/${id(t)}/assign`, body: { to: 'omar' } }),
    cli: (t) => ['incidents', 'assign', t.incidentId!, '--to', 'omar'],
    chat: (t) => `incidents assign ${t.incidentId} --to omar`,
  },
  {
    route: 'POST /v1/incidents/:id/notes',
    name: 'add a note',
    least: 'officer',
    status: 200,
    arrange: incident,
    http: (t) => ({ method: 'POST', path: `/v1/incidents/${id(t)}/notes`, body: { text: 'vendor on the phone' } }),
    cli: (t) => ['incidents', 'note', t.incidentId!, 'vendor on the phone'],
    chat: (t) => `incidents note ${t.incidentId} vendor on the phone`,
  },
  {
    route: 'POST /v1/incidents/:id/escalate',
    name: 'escalate',
    least: 'supervisor',
    status: 200,
    arrange: incident,
    http: (t) => ({ method: 'POST', path: `/v1/incidents/${id(t)}/escalate`, body: {} }),
    cli: (t) => ['incidents', 'escalate', t.incidentId!],
    chat: (t) => `incidents escalate ${t.incidentId}`,
    button: (t) => ({ id: 'escalate', value: t.incidentId! }),
  },
  {
    route: 'POST /v1/incidents/:id/resolve',
    name: 'resolve what one does not hold',
    least: 'officer',
    holderOnly: true,
    status: 200,
    arrange: incident,
    http: (t) => ({ method: 'POST', path: `/v1/incidents/${id(t)}/resolve`, body: { summary: 'done' } }),
    cli: (t) => ['incidents', 'resolve', t.incidentId!, '--summary', 'done'],
    chat: (t) => `incidents resolve ${t.incidentId} --summary done`,
    button: (t) => ({ id: 'resolve', value: t.incidentId!, summary: 'done' }),
  },
  {
    route: 'POST /v1/dispatches/:id/close',
    name: 'close a work order (resolves its incident)',
    least: 'officer',
    holderOnly: true,
    status: 200,
    arrange: async (w) => ({ ...(await w.dispatch()), mark: w.unique('dsp') }),
    http: (t) => ({ method: 'POST', path: `/v1/dispatches/${t.dispatchId}/close`, body: { note: 'replaced the PSU' } }),
    cli: (t) => ['dispatch', 'close', t.dispatchId!, '--note', 'replaced the PSU'],
    chat: (t) => `dispatch close ${t.dispatchId} --note "replaced the PSU"`,
  },
  {
    route: 'POST /v1/diagnostics/runs',
    name: 'diagnose (look only)',
    // The device is healthy: nothing to record, nothing to fix.
    changes: false,
    least: 'viewer',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('look') }),
    http: () => ({ method: 'POST', path: '/v1/diagnostics/runs', body: { target: HEALTHY_ASSET, fix: false } }),
    chat: () => `diag run ${HEALTHY_ASSET}`,
  },
  {
    route: 'POST /v1/diagnostics/runs',
    name: 'diagnose and fix',
    // The device is healthy: nothing to record, nothing to fix.
    changes: false,
    least: 'officer',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('fix') }),
    http: () => ({ method: 'POST', path: '/v1/diagnostics/runs', body: { target: HEALTHY_ASSET, fix: true } }),
    cli: () => ['diag', 'run', HEALTHY_ASSET, '--fix'],
    chat: () => `diag run ${HEALTHY_ASSET} --fix`,
  },
  {
    route: 'POST /v1/diagnostics/sweeps',
    name: 'sweep (look only)',
    // The device is healthy: nothing to record, nothing to fix.
    changes: false,
    least: 'viewer',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('sweep') }),
    http: () => ({ method: 'POST', path: '/v1/diagnostics/sweeps', body: { site: 'RUH', kind: 'egate', fix: false } }),
  },
  {
    route: 'POST /v1/diagnostics/sweeps',
    name: 'sweep and fix',
    // The device is healthy: nothing to record, nothing to fix.
    changes: false,
    least: 'officer',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('sweep-fix') }),
    http: () => ({ method: 'POST', path: '/v1/diagnostics/sweeps', body: { site: 'RUH', kind: 'egate', fix: true } }),
    cli: () => ['diag', 'fleet', '--site', 'RUH', '--kind', 'egate', '--fix'],
    chat: () => 'diag fleet --site RUH --kind egate --fix',
  },
  {
    route: 'POST /v1/admin/backup',
    name: 'take a backup of the store',
    least: 'admin',
    status: 200,
    // The copy leaves with the caller; the hub keeps its audit row (hub.backup).
    // The CLI's `hub backup` is held to the same rule in test/integration/backup-restore.test.ts.
    arrange: async (w) => ({ mark: w.unique('backup') }),
    http: () => ({ method: 'POST', path: '/v1/admin/backup' }),
  },
  {
    route: 'POST /v1/audit/verify',
    name: 'verify the audit log against checkpoints kept elsewhere',
    least: 'supervisor',
    status: 200,
    // A check, posted for its body of checkpoints: it reads and keeps nothing.
    changes: false,
    arrange: async (w) => ({ mark: w.unique('verify') }),
    http: () => ({ method: 'POST', path: '/v1/audit/verify', body: { checkpoints: [] } }),
  },
  {
    route: 'POST /v1/playbooks/validate',
    name: 'check a playbook file',
    least: 'viewer',
    status: 200,
    // A check of the file posted: it reads and keeps nothing (JSON is YAML, so the matrix's JSON body is a file too).
    changes: false,
    arrange: async (w) => ({ mark: w.unique('playbook') }),
    http: (t) => ({ method: 'POST', path: '/v1/playbooks/validate', body: { id: t.mark } }),
  },
  {
    route: 'POST /v1/playbook-runs',
    name: 'start a playbook run',
    least: 'officer',
    status: 201,
    arrange: async (w) => (await w.settle(), { mark: w.unique('start') }),
    http: () => ({ method: 'POST', path: '/v1/playbook-runs', body: { playbook: 'matrix-quick' } }),
    cli: () => ['playbook', 'run', 'matrix-quick', '--yes'],
    chat: () => 'playbook run matrix-quick --yes',
  },
  {
    route: 'POST /v1/playbook-runs/:id/pause',
    name: 'pause a run',
    least: 'officer',
    status: 200,
    arrange: run('matrix-approve'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'pause'), body: {} }),
    cli: (t) => ['playbook', 'pause', t.runId!],
    chat: (t) => `playbook pause ${t.runId}`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/resume',
    name: 'resume a paused run',
    least: 'officer',
    status: 200,
    arrange: run('matrix-approve', 'pause'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'resume'), body: {} }),
    cli: (t) => ['playbook', 'resume', t.runId!],
    chat: (t) => `playbook resume ${t.runId}`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/abort',
    name: 'abort a run',
    least: 'officer',
    status: 200,
    arrange: run('matrix-approve'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'abort'), body: { reason: 'drill over' } }),
    cli: (t) => ['playbook', 'abort', t.runId!],
    chat: (t) => `playbook abort ${t.runId}`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/retry',
    name: 'retry the step a run failed at',
    least: 'officer',
    status: 200,
    arrange: run('matrix-fail'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'retry'), body: { step: 'give' } }),
    cli: (t) => ['playbook', 'retry', t.runId!, 'give'],
    chat: (t) => `playbook retry ${t.runId} give`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/notes',
    name: 'note on a run',
    least: 'officer',
    status: 200,
    arrange: run('matrix-approve'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'notes'), body: { text: t.mark } }),
    cli: (t) => ['playbook', 'note', t.runId!, t.mark],
    chat: (t) => `playbook note ${t.runId} ${t.mark}`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/confirm',
    name: 'confirm a checklist item',
    least: 'officer',
    status: 200,
    arrange: run('matrix-check'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'confirm'), body: { items: [1] } }),
    cli: (t) => ['playbook', 'confirm', t.runId!, '1'],
    chat: (t) => `playbook confirm ${t.runId} 1`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/approve',
    // Any person's token reaches the route; the step names who may approve (supervisor).
    name: 'approve a step that names supervisors',
    least: 'supervisor',
    status: 200,
    arrange: run('matrix-approve'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'approve'), body: {} }),
    cli: (t) => ['playbook', 'approve', t.runId!],
    chat: (t) => `playbook approve ${t.runId}`,
  },
  {
    route: 'POST /v1/playbook-runs/:id/reject',
    name: 'reject a step that names supervisors',
    least: 'supervisor',
    status: 200,
    arrange: run('matrix-approve'),
    http: (t) => ({ method: 'POST', path: runPath(t, 'reject'), body: { reason: 'not now' } }),
    cli: (t) => ['playbook', 'reject', t.runId!],
    chat: (t) => `playbook reject ${t.runId}`,
  },
  {
    route: 'POST /v1/inventory/apply',
    name: 'apply an inventory (a new alert label for the site)',
    least: 'admin',
    status: 200,
    arrange: inventoryFile,
    http: (t) => ({ method: 'POST', path: '/v1/inventory/apply', body: { files: [{ name: 'matrix.yaml', text: inventoryText(t.mark) }] } }),
    cli: (t) => ['inventory', 'apply', inventoryPath(t.mark)],
    // Chat refuses it whoever asks (it reads files on the bot's host).
  },
  {
    route: 'POST /v1/inventory/plan',
    name: 'plan an inventory (a dry run of apply)',
    least: 'admin',
    status: 200,
    changes: false,
    arrange: inventoryFile,
    http: (t) => ({ method: 'POST', path: '/v1/inventory/plan', body: { files: [{ name: 'matrix.yaml', text: inventoryText(t.mark) }] } }),
    cli: (t) => ['inventory', 'plan', inventoryPath(t.mark)],
  },
  {
    route: 'PUT /v1/auto-runs',
    // Off before each call, so an allowed one changes it and a refused one would show if it did.
    name: 'turn playbook auto-runs on',
    least: 'admin',
    status: 200,
    arrange: async (w) => (await w.admin.setAutoRuns(false), { mark: w.unique('auto') }),
    http: () => ({ method: 'PUT', path: '/v1/auto-runs', body: { enabled: true } }),
    cli: () => ['playbook', 'auto', 'on'],
    chat: () => 'playbook auto on',
  },
  {
    route: 'POST /v1/tokens',
    name: 'create a token',
    least: 'admin',
    status: 201,
    arrange: async (w) => ({ mark: w.unique('tok') }),
    http: (t) => ({ method: 'POST', path: '/v1/tokens', body: { name: t.mark, role: 'viewer' } }),
    cli: (t) => ['tokens', 'create', '--name', t.mark, '--role', 'viewer'],
    // Chat refuses it whoever asks (it prints a secret): test/bot/grammar.test.ts.
  },
  {
    route: 'DELETE /v1/tokens/:id',
    name: 'revoke a token',
    least: 'admin',
    status: 200,
    arrange: async (w) => ({ tokenId: await w.token(), mark: w.unique('revoke') }),
    http: (t) => ({ method: 'DELETE', path: `/v1/tokens/${t.tokenId}` }),
    cli: (t) => ['tokens', 'revoke', t.tokenId!],
    chat: (t) => `tokens revoke ${t.tokenId}`,
  },
  {
    route: 'POST /v1/ingest/alertmanager',
    name: 'post an alert',
    least: 'intake',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('fp') }),
    http: (t) => ({ method: 'POST', path: '/v1/ingest/alertmanager', body: alert(t.mark) }),
  },
  // The intake as a channel: what an alert does to an incident is what a resolve or an escalate does.
  {
    route: 'POST /v1/ingest/alertmanager',
    name: 'resolve by posting the incident’s resolved alert',
    least: 'intake',
    status: 200,
    arrange: async (w) => {
      const mark = w.unique('fp-clear');
      return { incidentId: await w.alert(mark, 'firing'), mark };
    },
    http: (t) => ({ method: 'POST', path: '/v1/ingest/alertmanager', body: alert(t.mark, 'resolved') }),
  },
  {
    route: 'POST /v1/ingest/alertmanager',
    name: 'escalate by posting severity critical',
    least: 'intake',
    status: 200,
    arrange: async (w) => {
      const mark = w.unique('fp-raise');
      return { incidentId: await w.alert(mark, 'firing'), mark };
    },
    http: (t) => ({ method: 'POST', path: '/v1/ingest/alertmanager', body: alert(t.mark, 'firing', 'critical') }),
  },
  {
    route: 'POST /v1/ingest/alertmanager',
    name: 'resolve by alert what an officer acknowledged',
    least: 'intake',
    status: 200,
    arrange: async (w) => {
      const mark = w.unique('fp-taken');
      const incidentId = (await w.alert(mark, 'firing'))!;
      await w.admin.ack(incidentId);
      return { incidentId, mark };
    },
    http: (t) => ({ method: 'POST', path: '/v1/ingest/alertmanager', body: alert(t.mark, 'resolved') }),
    // Even the intake may not: once someone took it on, the alert clearing only tells them.
    after: async (w, t) => {
      const { incident } = await w.admin.getIncident(t.incidentId!);
      return incident.state === 'acknowledged' ? undefined : `the acknowledged incident became ${incident.state}`;
    },
  },
  {
    route: 'POST /v1/ingest/grafana',
    name: 'post an alert through Grafana’s webhook',
    least: 'intake',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('fp-grafana') }),
    http: (t) => ({ method: 'POST', path: '/v1/ingest/grafana', body: { ...alert(t.mark), version: '1', orgId: 1 } }),
  },
  {
    route: 'POST /api/v2/alerts',
    name: 'post an alert as Prometheus posts to an Alertmanager',
    least: 'intake',
    status: 200,
    arrange: async (w) => ({ mark: w.unique('prometheus') }),
    http: (t) => ({ method: 'POST', path: '/api/v2/alerts', body: postableAlerts(t.mark) }),
  },
  {
    route: 'POST /api/v2/alerts',
    name: 'resolve by posting the incident’s alert with endsAt passed',
    least: 'intake',
    status: 200,
    arrange: async (w) => {
      const mark = w.unique('prometheus-clear');
      return { incidentId: await w.alert(labelsFingerprint(prometheusLabels(mark)), 'firing'), mark };
    },
    http: (t) => ({ method: 'POST', path: '/api/v2/alerts', body: postableAlerts(t.mark, true) }),
  },
  {
    route: 'POST /v1/ingest/telemetry',
    name: 'post site telemetry',
    least: 'intake',
    status: 200,
    arrange: async (w) => ({ mark: new Date(Date.parse('2030-01-01T00:00:00Z') + Number(w.unique('').replace(/\D/g, '')) * 1000).toISOString() }),
    http: (t) => ({ method: 'POST', path: '/v1/ingest/telemetry', body: telemetry(t.mark) }),
  },
  {
    route: 'POST /v1/cards/claim',
    name: 'claim an incident’s chat card',
    least: 'officer',
    botOnly: true,
    status: 200,
    arrange: async (w) => ({ incidentId: await w.incident(), mark: w.unique('slack:C') }),
    http: (t) => ({ method: 'POST', path: '/v1/cards/claim', body: { incidentId: t.incidentId, target: t.mark, claimant: MATRIX_CLAIMANT } }),
  },
  {
    route: 'POST /v1/cards/renew',
    name: 'renew the lease of a claimed card',
    least: 'officer',
    botOnly: true,
    status: 200,
    arrange: claimedCard,
    // A longer lease than the claim's, so the renewal shows in the card however fast it comes.
    http: (t) => ({ method: 'POST', path: '/v1/cards/renew', body: { incidentId: t.incidentId, target: t.mark, claimant: MATRIX_CLAIMANT, generation: 1, leaseMs: 120_000 } }),
  },
  {
    route: 'POST /v1/cards/record',
    name: 'record a claimed card’s message',
    least: 'officer',
    botOnly: true,
    status: 200,
    arrange: claimedCard,
    http: (t) => ({ method: 'POST', path: '/v1/cards/record', body: { incidentId: t.incidentId, target: t.mark, messageRef: '1712.0001', claimant: MATRIX_CLAIMANT, generation: 1 } }),
  },
  ...SILENCE_CASES,
  ...HANDOVER_CASES,
];
