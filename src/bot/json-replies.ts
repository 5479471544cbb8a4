// The commands chat draws richly: their --json output (docs/json.md) mapped
// to a BotReply, keyed by command path. Every other command answers with its
// text output, so nothing here has to change when the CLI grows.
import type { DiagEvent, DiagVerdictEvent, FleetStatus, Incident, IncidentDetail, Site, SiteDetail } from '../core/model.js';
import { labelsFor, type Lang } from '../render/labels.js';
import { incidentActions } from './facts.js';
import { messagesFor, type MutationVerb } from './messages.js';
import type { BotReply } from './reply.js';

export interface JsonReplyInput {
  /** The command's stdout: one JSON document, or JSON Lines for streams. */
  stdout: string;
  argv: readonly string[];
  /** argv indexes of the operands (site, incident id, target). */
  operands: readonly number[];
  lang: Lang;
}

type JsonReply = (input: JsonReplyInput) => BotReply;

const doc = <T>(input: JsonReplyInput): T => JSON.parse(input.stdout) as T;
const operand = (input: JsonReplyInput, n = 0): string | undefined => {
  const i = input.operands[n];
  return i === undefined ? undefined : input.argv[i];
};
const optionValue = (argv: readonly string[], flag: string): string | undefined => {
  for (let i = argv.length - 1; i >= 0; i--) {
    const token = argv[i]!;
    if (token === flag) return argv[i + 1];
    if (token.startsWith(`${flag}=`)) return token.slice(flag.length + 1);
  }
  return undefined;
};

function statusReply(input: JsonReplyInput): BotReply {
  const value = doc<FleetStatus | SiteDetail>(input);
  return 'totals' in value ? { kind: 'fleet', status: value } : { kind: 'site', site: value };
}

function incidentsHeading(input: JsonReplyInput): string {
  const m = messagesFor(input.lang);
  const site = optionValue(input.argv, '--site');
  const state = optionValue(input.argv, '--state');
  const heading = site ? m.incidentsAt(site) : m.openIncidents();
  if (!state || state === 'open') return heading;
  return `${site ? `${site} · ` : ''}${labelsFor(input.lang).state(state as Incident['state'])}`;
}

function mutationReply(verb: MutationVerb): JsonReply {
  return (input) => {
    const { incident, changed } = doc<{ incident: Incident; changed: boolean }>(input);
    return { kind: 'done', message: messagesFor(input.lang).done(verb, incident, changed), incident };
  };
}

function diagnosticsReply(input: JsonReplyInput): BotReply {
  const events = input.stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DiagEvent);
  const verdicts = events.filter((e): e is DiagVerdictEvent => e.type === 'verdict');
  return { kind: 'diagnostics', target: operand(input) ?? '', verdicts };
}

export const JSON_REPLIES: Readonly<Record<string, JsonReply>> = {
  status: statusReply,
  'sites list': (input) => ({ kind: 'sites', sites: doc<{ sites: Site[] }>(input).sites }),
  // Not in the CLI yet; when it lands with the `status SITE` shape it draws as a site.
  'sites show': statusReply,
  'incidents list': (input) => ({ kind: 'incidents', incidents: doc<{ incidents: Incident[] }>(input).incidents, heading: incidentsHeading(input) }),
  'incidents show': (input) => {
    const detail = doc<IncidentDetail>(input);
    return { kind: 'incident', incident: detail, actions: incidentActions(detail.incident, input.lang) };
  },
  'incidents ack': mutationReply('ack'),
  'incidents assign': mutationReply('assign'),
  'incidents note': mutationReply('note'),
  'incidents escalate': mutationReply('escalate'),
  'incidents resolve': mutationReply('resolve'),
  'diag run': diagnosticsReply,
};
