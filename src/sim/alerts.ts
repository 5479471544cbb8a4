// Faults as Prometheus Alertmanager would post them to a webhook receiver
// (payload version 4, as Alertmanager 0.25 sends it), so the demo's alerts
// take the same path into the hub as a real site's.
import { createHash } from 'node:crypto';
import type { AssetKind } from '../core/model.js';
import type { Fault } from './faults.js';
import type { SimWorld } from './world.js';

export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

export interface AlertmanagerWebhook {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerAlert[];
}

// The demo's monitoring stack. One route with `group_by: []` puts every
// alert in one group, so each tick is at most one notification.
const RECEIVER = 'watchfloor';
const GROUP_KEY = '{}:{}';
const ALERTMANAGER_URL = 'http://alertmanager.demo.watchfloor.internal:9093';
const PROMETHEUS_URL = 'http://prometheus.demo.watchfloor.internal:9090';
// Alertmanager's zero time: what a firing alert's endsAt says.
const ZERO_TIME = '0001-01-01T00:00:00Z';

interface AlertRule {
  alertname: string;
  job: string;
  metric: string;
  /** What went wrong, after the asset's name ("… stopped processing travellers"). */
  what: string;
  /** What it means on the floor. */
  consequence: string;
}

const RULES: Record<AssetKind, AlertRule> = {
  egate: { alertname: 'EGateOutOfService', job: 'egate-exporter', metric: 'egate_up', what: 'stopped processing travellers', consequence: 'Travellers are being sent to the staffed counters.' },
  counter: { alertname: 'CounterWorkstationDown', job: 'workstation-exporter', metric: 'workstation_up', what: 'is not responding', consequence: 'The desk cannot process travellers until the workstation is back.' },
  'passport-reader': { alertname: 'PassportReaderFault', job: 'device-exporter', metric: 'passport_reader_ok', what: 'fails to read documents', consequence: 'The desk it serves is closed until the reader is swapped.' },
  'biometric-kiosk': { alertname: 'BiometricKioskDown', job: 'device-exporter', metric: 'kiosk_up', what: 'is out of service', consequence: 'Visitors enrol their fingerprints at the counters instead.' },
  kiosk: { alertname: 'SelfServiceKioskDown', job: 'device-exporter', metric: 'kiosk_up', what: 'is out of service', consequence: 'Self-service visitors queue at the counters.' },
  cctv: { alertname: 'CameraOffline', job: 'vms-exporter', metric: 'camera_stream_up', what: 'has lost its video stream', consequence: 'Part of the hall is not covered by recording.' },
  bodycam: { alertname: 'BodycamOffline', job: 'vms-exporter', metric: 'bodycam_docked_ok', what: 'fails to dock and upload', consequence: 'Recordings from this camera are not being stored.' },
  'network-link': { alertname: 'NetworkLinkDown', job: 'blackbox-exporter', metric: 'probe_success', what: 'is down', consequence: 'The site runs on its remaining link, if it has one.' },
  server: { alertname: 'BorderServerDown', job: 'node-exporter', metric: 'up', what: 'is not responding', consequence: 'Processing fails over to the other server, if it is up.' },
  integration: { alertname: 'IntegrationUnavailable', job: 'integration-probe', metric: 'integration_up', what: 'is not answering', consequence: 'Every site falls back to manual checks for what it provides.' },
};

// At the 992 contact centre the same kinds of kit mean calls: the AI voice
// agent is an integration of its own, its servers are the telephony platform.
const CONTACT_CENTRE_RULES: Partial<Record<AssetKind, AlertRule>> = {
  integration: { alertname: 'VoiceAgentDown', job: 'contact-centre-probe', metric: 'voice_agent_up', what: 'is not answering calls', consequence: 'Every inquiry goes to the agents: callers wait longer and more hang up.' },
  server: { alertname: 'TelephonyPlatformDown', job: 'node-exporter', metric: 'up', what: 'is not responding', consequence: 'Calls fail over to the other telephony server, if it is up.' },
  counter: { alertname: 'AgentDesktopDown', job: 'workstation-exporter', metric: 'workstation_up', what: 'is not responding', consequence: 'One agent fewer can answer calls until the desktop is back.' },
  'network-link': { alertname: 'VoiceTrunkDown', job: 'blackbox-exporter', metric: 'probe_success', what: 'is down', consequence: 'Calls come in on the remaining trunk, if it is up.' },
};

function ruleOf(fault: Fault, world: SimWorld): AlertRule {
  const atContactCentre = fault.siteId !== null && world.siteById.get(fault.siteId)?.site.kind === 'contact-centre';
  return (atContactCentre && CONTACT_CENTRE_RULES[fault.kind]) || RULES[fault.kind];
}

// A site-wide consequence replaces the routine one when the fault cuts the site off.
const CRITICAL_CONSEQUENCE: Partial<Record<AssetKind, string>> = {
  'network-link': 'The site has no network: gates and kiosks are out and counters work offline.',
  server: 'The site has no border control server: gates are out and counters work offline.',
};

/** Stable per fault: the same labels and fault id give the same 16 hex digits. */
export function fingerprintOf(labels: Record<string, string>, faultId: string): string {
  const canonical = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join('\u0000');
  return createHash('sha256').update(`${canonical}\u0000${faultId}`).digest('hex').slice(0, 16);
}

// A private address per asset, so `instance` looks like a scrape target.
function instanceOf(assetId: string): string {
  const h = createHash('sha256').update(assetId).digest();
  return `10.${h[0]! % 64}.${h[1]}.${1 + (h[2]! % 254)}:9100`;
}

export function labelsOf(fault: Fault, world: SimWorld): Record<string, string> {
  const rule = ruleOf(fault, world);
  // Site assets carry the site label and the asset's local part, as the
  // exporters at a site would; platforms carry their full id and no site.
  const asset = fault.siteId === null ? fault.assetId : fault.assetId.slice(fault.siteId.length + 1);
  return {
    alertname: rule.alertname,
    severity: fault.severity,
    ...(fault.siteId === null ? {} : { site: fault.siteId }),
    asset,
    job: rule.job,
    instance: instanceOf(fault.assetId),
  };
}

function annotationsOf(fault: Fault, world: SimWorld): Record<string, string> {
  const rule = ruleOf(fault, world);
  const assetName = world.assetById.get(fault.assetId)?.name ?? fault.assetId;
  const siteName = fault.siteId === null ? null : (world.siteById.get(fault.siteId)?.site.name.en ?? fault.siteId);
  const consequence = (fault.severity === 'critical' && rule === RULES[fault.kind] && CRITICAL_CONSEQUENCE[fault.kind]) || rule.consequence;
  return {
    summary: siteName ? `${assetName} at ${siteName} ${rule.what}` : `National platform ${assetName} ${rule.what}`,
    description: `${fault.assetId} ${rule.what} since ${new Date(fault.startedAt).toISOString()}. ${consequence}`,
  };
}

export function alertOf(fault: Fault, world: SimWorld, status: 'firing' | 'resolved'): AlertmanagerAlert {
  const labels = labelsOf(fault, world);
  const rule = ruleOf(fault, world);
  const expr = `${rule.metric}{instance="${labels.instance}"} == 0`;
  return {
    status,
    labels,
    annotations: annotationsOf(fault, world),
    startsAt: new Date(fault.startedAt).toISOString(),
    endsAt: status === 'resolved' ? new Date(fault.clearsAt).toISOString() : ZERO_TIME,
    generatorURL: `${PROMETHEUS_URL}/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`,
    fingerprint: fingerprintOf(labels, fault.id),
  };
}

function common(records: Record<string, string>[]): Record<string, string> {
  const [first, ...rest] = records;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([k, v]) => rest.every((r) => r[k] === v)));
}

/** One notification for the group, as Alertmanager's webhook notifier builds it. */
export function webhookOf(alerts: AlertmanagerAlert[]): AlertmanagerWebhook {
  return {
    version: '4',
    groupKey: GROUP_KEY,
    truncatedAlerts: 0,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    receiver: RECEIVER,
    groupLabels: {},
    commonLabels: common(alerts.map((a) => a.labels)),
    commonAnnotations: common(alerts.map((a) => a.annotations)),
    externalURL: ALERTMANAGER_URL,
    alerts,
  };
}

/**
 * A contact centre's queue alert, as its call-queue exporter's rule would
 * raise it: about the site (no asset), fingerprinted by the site and when it
 * began so each episode is an alert of its own.
 */
export function queueAlertOf(site: { id: string; name: { en: string } }, since: number, status: 'firing' | 'resolved', now: number, callersWaiting: number): AlertmanagerAlert {
  const labels = { alertname: 'ContactCentreQueueLong', severity: 'major', site: site.id, job: 'contact-centre-probe', instance: instanceOf(site.id) };
  const expr = `contact_centre_callers_waiting{site="${site.id}"} >= 20`;
  return {
    status,
    labels,
    annotations: {
      summary: `${site.name.en}: ${callersWaiting} callers waiting`,
      description: `Callers are holding for a person since ${new Date(since).toISOString()}; more of them hang up the longer it lasts. Check the AI voice agent and open more agent positions.`,
    },
    startsAt: new Date(since).toISOString(),
    endsAt: status === 'resolved' ? new Date(now).toISOString() : ZERO_TIME,
    generatorURL: `${PROMETHEUS_URL}/graph?g0.expr=${encodeURIComponent(expr)}&g0.tab=1`,
    fingerprint: fingerprintOf(labels, `queue@${since}`),
  };
}
