// BotReply → Slack Block Kit: a pure function per reply kind, in English or
// Arabic. Every string that came from a user, a site or an incident goes
// through escapeMrkdwn; every Slack limit (50 blocks, 3000 characters a
// section, 75 a button, 150 a header) is kept by cutting with "…" and saying how many more.
import type { DiagVerdictEvent, FleetStatus, Incident, PlatformStatus, PlaybookRunDetail, RunNotification, Site, SiteDetail, SiteStatus } from '../../core/model.js';
import { labelsFor, type Lang } from '../../render/labels.js';
import {
  CHAT_LIST_LIMIT,
  CHAT_TEXT_LIMIT,
  contactCentreLines,
  fleetModeLine,
  formatChatTime,
  incidentActions,
  incidentFacts,
  incidentLine,
  incidentOf,
  moreLine,
  recentTimeline,
  siteFlowFacts,
  siteModeSuffix,
  sitesWorthALook,
  takeForChat,
  type Fact,
} from '../facts.js';
import { CHAT_ACTION_IDS, type BotReply, type ChatActionId, type Rendered, type ReplyAction } from '../reply.js';
import { replyText } from '../reply-text.js';
import { playbookActions, runActions, runCardFacts } from '../run-facts.js';
import { clip, escapeMrkdwn, mrkdwn } from './mrkdwn.js';

// ---- Block Kit shapes (the subset the bot draws) ----------------------------

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
}
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text?: MrkdwnText; fields?: MrkdwnText[] }
  | { type: 'context'; elements: MrkdwnText[] }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'divider' };

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, field: 2000, fields: 10, header: 150, button: 75, buttonValue: 2000, buttons: 25 } as const;

// ---- building blocks ---------------------------------------------------------

// Slack decodes &amp; &lt; &gt; in plain text too, so headers are escaped like everything else.
export const header = (text: string): SlackBlock => ({ type: 'header', text: { type: 'plain_text', text: mrkdwn(text, SLACK_LIMITS.header), emoji: false } });
/** `text` is mrkdwn already escaped by the caller. */
export const section = (text: string, fields?: MrkdwnText[]): SlackBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) },
  ...(fields?.length ? { fields: fields.slice(0, SLACK_LIMITS.fields) } : {}),
});
export const context = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) }] });
const field = (f: Fact): MrkdwnText => ({ type: 'mrkdwn', text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, SLACK_LIMITS.field) });

/** The action_id of a button: `wf:<action>`, with `:<n>` when a block has several of one kind. */
export function slackActionId(id: ChatActionId, index?: number): string {
  return index === undefined ? `wf:${id}` : `wf:${id}:${index}`;
}

/** The ChatActionId of a Slack action_id the bot drew, or undefined for anyone else's. */
export function parseSlackActionId(actionId: string): ChatActionId | undefined {
  const match = /^wf:([a-z]+)(?::\d+)?$/.exec(actionId);
  const id = match?.[1];
  return (CHAT_ACTION_IDS as readonly string[]).includes(id ?? '') ? (id as ChatActionId) : undefined;
}

export function buttons(actions: readonly ReplyAction[]): SlackBlock[] {
  if (!actions.length) return [];
  const repeated = (id: ChatActionId) => actions.filter((a) => a.id === id).length > 1;
  const elements = actions.slice(0, SLACK_LIMITS.buttons).map((a, i): SlackButton => ({
    type: 'button',
    action_id: slackActionId(a.id, repeated(a.id) ? i : undefined),
    text: { type: 'plain_text', text: mrkdwn(a.label, SLACK_LIMITS.button), emoji: false },
    value: a.value.slice(0, SLACK_LIMITS.buttonValue),
    ...(a.style ? { style: a.style } : {}),
  }));
  return [{ type: 'actions', elements }];
}

/** Lines as sections of at most 3000 characters, each line escaped. */
export function lineSections(lines: readonly string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

/** Keeps a message within 50 blocks: what does not fit becomes one "… N more" line. */
function withinBlockLimit(blocks: SlackBlock[], lang: Lang): SlackBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocks) return blocks;
  const kept = blocks.slice(0, SLACK_LIMITS.blocks - 1);
  return [...kept, context(escapeMrkdwn(moreLine(blocks.length - kept.length, lang)))];
}

const SEVERITY_MARK: Record<Incident['severity'], string> = { sev1: ':red_circle:', sev2: ':large_orange_circle:', sev3: ':large_yellow_circle:', sev4: ':white_circle:' };
const HEALTH_MARK: Record<SiteStatus['health'], string> = { ok: ':large_green_circle:', degraded: ':large_orange_circle:', down: ':red_circle:' };

function incidentListLine(incident: Incident, lang: Lang): string {
  const line = incidentLine(incident, lang);
  return `${SEVERITY_MARK[incident.severity]} *${escapeMrkdwn(line.head)}*  ${mrkdwn(line.title, 300)}`;
}

function listed<T>(items: readonly T[], line: (item: T) => string, lang: Lang, limit = CHAT_LIST_LIMIT): SlackBlock[] {
  const { shown, more } = takeForChat(items, limit);
  const blocks = lineSections(shown.map(line));
  return more ? [...blocks, context(escapeMrkdwn(moreLine(more, lang)))] : blocks;
}

// ---- one renderer per reply kind ----------------------------------------------

function fleetBlocks(status: FleetStatus, lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  const t = status.totals;
  const totals: Fact[] = [
    { label: l.t('sites'), value: String(t.sites) },
    { label: l.health('ok'), value: String(t.health.ok) },
    { label: l.health('degraded'), value: String(t.health.degraded) },
    { label: l.health('down'), value: String(t.health.down) },
    { label: l.t('openIncidents'), value: `${t.openIncidents.total} (sev1 ${t.openIncidents.sev1} · sev2 ${t.openIncidents.sev2})` },
    { label: l.t('staff'), value: String(t.staff) },
  ];
  const attention = sitesWorthALook(status);
  const platforms = status.platforms.filter((p) => p.health !== 'ok');
  const mode = fleetModeLine(status, lang);
  return [
    header(`${l.t('fleetStatus')}`),
    section(`_${escapeMrkdwn(formatChatTime(status.generatedAt))}_`, totals.map(field)),
    ...(mode ? [section(`:rotating_light: *${escapeMrkdwn(mode)}*`)] : []),
    ...contactCentreLines(status, lang).map((line) => context(`:telephone_receiver: ${escapeMrkdwn(line)}`)),
    ...platformsContext(platforms, lang),
    ...(attention.length ? [{ type: 'divider' } as SlackBlock, ...listed(attention, (s) => siteStatusLine(s, lang, status), lang)] : [section(escapeMrkdwn(l.t('noIncidents')))]),
  ];
}

function siteStatusLine(s: SiteStatus, lang: Lang, fleet?: FleetStatus): string {
  const l = labelsFor(lang);
  const wait = s.waitMinutes === null ? '-' : `${Math.round(s.waitMinutes)} ${l.t('minutes')}`;
  return `${HEALTH_MARK[s.health]} *${escapeMrkdwn(s.id)}* ${mrkdwn(l.siteName(s.name), 120)} · ${escapeMrkdwn(l.t('wait'))} ${escapeMrkdwn(wait)} · ${escapeMrkdwn(l.t('openIncidents'))} ${s.openIncidents.total}${escapeMrkdwn(siteModeSuffix(s, fleet))}`;
}

/** The national platforms not ok, which every site depends on: a line, or none. */
function platformsContext(platforms: readonly PlatformStatus[], lang: Lang): SlackBlock[] {
  if (platforms.length === 0) return [];
  return [context(`*${escapeMrkdwn(labelsFor(lang).t('degradedPlatforms'))}:* ${platforms.map((p) => `${HEALTH_MARK[p.health]} ${escapeMrkdwn(p.name)}`).join(' · ')}`)];
}

function siteBlocks(detail: SiteDetail, lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  const { site, status } = detail;
  const notOk = detail.assets.filter((a) => a.health !== 'ok');
  return [
    header(`${site.id} · ${l.siteName(site.name)}`),
    context(escapeMrkdwn([l.kind(site.kind), l.region(site.region), l.city(site)].join(' · '))),
    section(`${HEALTH_MARK[status.health]} *${escapeMrkdwn(l.health(status.health))}*`, siteFlowFacts(status, lang).map(field)),
    // A site degraded by a national platform alone has nothing of its own to show for it.
    ...platformsContext(detail.platformsDown ?? [], lang),
    ...(notOk.length
      ? [section(`*${escapeMrkdwn(l.t('assets'))}*`), ...listed(notOk, (a) => `${HEALTH_MARK[a.health]} ${escapeMrkdwn(a.id)} · ${mrkdwn(a.name, 200)}`, lang)]
      : []),
    section(`*${escapeMrkdwn(l.t('openIncidents'))}*${detail.incidents.length ? '' : `: ${escapeMrkdwn(l.t('none'))}`}`),
    ...listed(detail.incidents, (i) => incidentListLine(i, lang), lang),
  ];
}

function sitesBlocks(sites: readonly Site[], lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  return [
    header(`${l.t('sites')} (${sites.length})`),
    ...listed(sites, (s) => `*${escapeMrkdwn(s.id)}* ${mrkdwn(l.siteName(s.name), 150)} · ${escapeMrkdwn(l.kind(s.kind))} · ${escapeMrkdwn(l.region(s.region))}`, lang, 40),
  ];
}

function incidentBlocks(reply: Extract<BotReply, { kind: 'incident' }>, lang: Lang): SlackBlock[] {
  const incident = incidentOf(reply.incident);
  const l = labelsFor(lang);
  const timeline = recentTimeline(reply.incident);
  return [
    ...incidentSummary(incident, lang),
    ...(timeline.length
      ? [context(`*${escapeMrkdwn(l.t('timeline'))}*\n${timeline.map((e) => `${escapeMrkdwn(formatChatTime(e.at))} · ${mrkdwn(e.actor.name, 80)} · ${mrkdwn(e.text, 300)}`).join('\n')}`)]
      : []),
    ...buttons(reply.actions),
    ...(reply.note ? [context(mrkdwn(reply.note, 1000))] : []),
  ];
}

function incidentSummary(incident: Incident, lang: Lang): SlackBlock[] {
  const age = slackAgo(incident.createdAt);
  return [
    section(`${SEVERITY_MARK[incident.severity]} *${escapeMrkdwn(incident.id)}*  ${mrkdwn(incident.title, 500)}`, incidentFacts(incident, lang).map(field)),
    ...(age ? [context(`*${escapeMrkdwn(labelsFor(lang).t('age'))}:* ${age}`)] : []),
  ];
}

/**
 * An incident's age that Slack keeps current ("5 minutes ago") in the reader's
 * own client: a renderer has no clock, and a card updated in place would
 * otherwise show the age it had when last posted. Ours, never user text.
 */
function slackAgo(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : `<!date^${Math.floor(ms / 1000)}^{ago}|${escapeMrkdwn(formatChatTime(iso))}>`;
}

function diagnosticsBlocks(target: string, verdicts: readonly DiagVerdictEvent[], lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  const line = (v: DiagVerdictEvent) =>
    `*${escapeMrkdwn(v.assetId)}* · ${escapeMrkdwn(l.verdict(v.verdict))}\n${mrkdwn(v.summary, 600)}${v.dispatchId ? ` · ${escapeMrkdwn(v.dispatchId)}` : ''}`;
  return [header(`${l.t('diagnostics')} · ${target}`), ...listed(verdicts, line, lang)];
}

function waitBlocks(reply: Extract<BotReply, { kind: 'wait' }>, lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  const wait = reply.waitMinutes === null ? l.t('notReported') : `${Math.round(reply.waitMinutes)} ${l.t('minutes')}`;
  const queue = reply.queueLength === null ? '-' : String(reply.queueLength);
  return [
    section(`*${escapeMrkdwn(reply.site.id)}* ${mrkdwn(l.siteName(reply.site.name), 200)}`, [
      field({ label: l.t('wait'), value: wait }),
      field({ label: l.t('queue'), value: queue }),
    ]),
  ];
}

function textBlocks(title: string, text: string, lang: Lang): SlackBlock[] {
  // A code block keeps the CLI's columns; its text is escaped like any other.
  const body = clip(escapeMrkdwn(text), Math.min(CHAT_TEXT_LIMIT, SLACK_LIMITS.sectionText - 8));
  const cut = [...text].length > CHAT_TEXT_LIMIT || body.endsWith('…');
  return [
    header(title),
    section(`\`\`\`${body || ' '}\`\`\``),
    ...(cut ? [context(escapeMrkdwn(lang === 'ar' ? 'النص مقطوع؛ شغّل الأمر في الطرفية للنص كاملاً' : 'cut short; run it in a terminal for all of it'))] : []),
  ];
}

function doneBlocks(message: string, incident: Incident | undefined, lang: Lang): SlackBlock[] {
  const line = incident && incidentLine(incident, lang);
  return [
    section(`:white_check_mark: ${mrkdwn(message, 1000)}`),
    ...(line ? [context(`${escapeMrkdwn(line.head)} · ${mrkdwn(line.title, 300)}`)] : []),
  ];
}

function errorBlocks(message: string, hint: string | undefined): SlackBlock[] {
  return [section(`:warning: ${mrkdwn(message, 2000)}`), ...(hint ? [context(mrkdwn(hint, 1000))] : [])];
}

function didYouMeanBlocks(question: string, choices: readonly ReplyAction[], lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  return [section(`*${escapeMrkdwn(l.t('didYouMean'))}*\n> ${mrkdwn(question, 500)}`), ...buttons(choices)];
}

function helpBlocks(reply: Extract<BotReply, { kind: 'help' }>, lang: Lang): SlackBlock[] {
  const l = labelsFor(lang);
  return [
    header(l.t('commands')),
    ...listed(reply.commands, (c) => `\`${escapeMrkdwn(c.usage)}\` ${mrkdwn(c.description, 200)}`, lang, 60),
    context(`*${escapeMrkdwn(l.t('examples'))}:* ${reply.examples.map((e) => `\`${escapeMrkdwn(e)}\``).join(' · ')}`),
  ];
}

/** A playbook run: headline and facts, a line per step, what it waits on, and its buttons. */
function runBlocks(reply: Extract<BotReply, { kind: 'run' }>, lang: Lang): SlackBlock[] {
  const f = runCardFacts(reply.detail, lang);
  return [
    section(`*${escapeMrkdwn(f.headline)}*${f.drill ? '  `DRILL`' : ''}\n${mrkdwn(f.title, 300)}`, f.facts.map(field)),
    ...lineSections(f.steps.map((line) => mrkdwn(line, 400))),
    ...(f.waiting ? [context(mrkdwn(f.waiting, 1000))] : []),
    ...buttons(reply.actions),
  ];
}

export function renderSlack(reply: BotReply, lang: Lang): Rendered<SlackBlock[]> {
  return { text: escapeMrkdwn(replyText(reply, lang)), body: withinBlockLimit(blocksOf(reply, lang), lang) };
}

function blocksOf(reply: BotReply, lang: Lang): SlackBlock[] {
  switch (reply.kind) {
    case 'fleet':
      return fleetBlocks(reply.status, lang);
    case 'site':
      return siteBlocks(reply.site, lang);
    case 'sites':
      return sitesBlocks(reply.sites, lang);
    case 'incident':
      return incidentBlocks(reply, lang);
    case 'incidents':
      return [header(reply.heading), ...(reply.incidents.length ? listed(reply.incidents, (i) => incidentListLine(i, lang), lang) : [section(escapeMrkdwn(labelsFor(lang).t('noIncidents')))])];
    case 'diagnostics':
      return diagnosticsBlocks(reply.target, reply.verdicts, lang);
    case 'wait':
      return waitBlocks(reply, lang);
    case 'text':
      return [...textBlocks(reply.title, reply.text, lang), ...buttons(reply.actions ?? [])];
    case 'run':
      return runBlocks(reply, lang);
    case 'done':
      return doneBlocks(reply.message, reply.incident, lang);
    case 'error':
      return errorBlocks(reply.message, reply.hint);
    case 'did-you-mean':
      return didYouMeanBlocks(reply.question, reply.choices, lang);
    case 'help':
      return helpBlocks(reply, lang);
  }
}

/** The live card a channel sees for an incident: facts and the buttons its state allows. */
export function renderIncidentCard(incident: Incident, lang: Lang, playbooks: readonly string[] = []): Rendered<SlackBlock[]> {
  const offered = playbookActions(incident.id, playbooks, lang);
  const note = offered.more ?? undefined;
  return renderSlack({ kind: 'incident', incident, actions: [...incidentActions(incident, lang), ...offered.actions], ...(note ? { note } : {}) }, lang);
}

/** The live card of a playbook run, with the buttons its state allows. */
export function renderRunCard(detail: PlaybookRunDetail, lang: Lang): Rendered<SlackBlock[]> {
  return renderSlack({ kind: 'run', detail, actions: runActions(detail, lang) }, lang);
}

/** A notify step's message: the playbook's words, marked as a drill's when it is one. */
export function renderNotification(n: RunNotification, lang: Lang): Rendered<SlackBlock[]> {
  const text = `${n.drill ? '[DRILL] ' : ''}${lang === 'ar' ? n.message.ar : n.message.en}`;
  return { text: escapeMrkdwn(text), body: [section(`:loudspeaker: ${mrkdwn(text, 2500)}`), context(escapeMrkdwn(`${n.runId} · ${n.stepId}`))] };
}

/** The App Home tab: the fleet summary. */
export function renderSlackHome(status: FleetStatus, lang: Lang): { type: 'home'; blocks: SlackBlock[] } {
  // A home view holds up to 100 blocks; the fleet summary stays within a message's 50.
  return { type: 'home', blocks: withinBlockLimit(fleetBlocks(status, lang), lang) };
}
