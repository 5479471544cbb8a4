// Bot replies as Teams Adaptive Cards: one pure function per reply kind, in
// English or Arabic. Every string that came from people or devices is escaped
// (escapeTeamsText) so it cannot become a link, a mention or formatting.
import { compareOrdinal } from '../../core/ordinal.js';
import type { DiagVerdictEvent, FleetStatus, Incident, IncidentDetail, PlatformStatus, PlaybookRunDetail, SiteDetail, SiteStatus, Site, TimelineEntry } from '../../core/model.js';
import { labelsFor, type Lang } from '../../render/labels.js';
import {
  actionLabel,
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
  truncate,
  type Fact,
} from '../facts.js';
import type { BotReply, Rendered, ReplyAction } from '../reply.js';
import { replyText } from '../reply-text.js';
import { runActions, runCardFacts } from '../run-facts.js';
import {
  adaptiveCard,
  factSet,
  heading,
  innerCard,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ContainerStyle,
} from './adaptive-card.js';
import { escapeTeamsMultiline, escapeTeamsText as esc } from './markdown.js';
import { countOf } from '../../render/plural.js';

/** Any bot reply as an Adaptive Card. */
export function renderTeams(reply: BotReply, lang: Lang): Rendered<AdaptiveCard> {
  if (reply.kind === 'incident') return renderIncidentAdaptiveCard(reply.incident, lang, reply.actions);
  const text = replyText(reply, lang);
  const { body, actions = [] } = cardContent(reply, lang);
  return { text, body: adaptiveCard(lang, esc(text), body, actions) };
}

/**
 * The live incident card: its facts, its latest timeline and the buttons its
 * state allows (Acknowledge / Run diagnostics / Escalate / Resolve, the last
 * asking for a summary first). `actions` defaults to what the state allows.
 */
export function renderIncidentAdaptiveCard(
  incident: Incident | IncidentDetail,
  lang: Lang,
  actions: ReplyAction[] = incidentActions(incidentOf(incident), lang),
): Rendered<AdaptiveCard> {
  const i = incidentOf(incident);
  const text = replyText({ kind: 'incident', incident, actions }, lang);
  const body: CardElement[] = [
    {
      type: 'Container',
      style: SEVERITY_STYLE[i.severity],
      items: [textBlock(`**${esc(i.id)}** · ${esc(i.severity)}`, { size: 'small' }), heading(esc(i.title))],
    },
    factSet(escFacts(incidentFacts(i, lang))),
    ...timelineBlocks(recentTimeline(incident), lang),
  ];
  return { text, body: adaptiveCard(lang, esc(text), body, actions.map((a) => cardAction(a, lang))) };
}

/** A playbook run: headline and facts, a line per step, what it waits on, and its buttons as Action.Submit. */
function runContent(reply: Extract<BotReply, { kind: 'run' }>, lang: Lang): CardContent {
  const f = runCardFacts(reply.detail, lang);
  return {
    body: [
      textBlock(`**${esc(f.headline)}**${f.drill ? ' · DRILL' : ''}`, { size: 'small' }),
      heading(esc(f.title)),
      factSet(escFacts(f.facts)),
      ...f.steps.map((line) => textBlock(esc(line), { spacing: 'none' })),
      ...(f.waiting ? [textBlock(esc(f.waiting), { color: 'warning' })] : []),
    ],
    actions: reply.actions.map((a) => cardAction(a, lang)),
  };
}

/** The live card of a playbook run, with the buttons its state allows. */
export function renderRunAdaptiveCard(detail: PlaybookRunDetail, lang: Lang): Rendered<AdaptiveCard> {
  return renderTeams({ kind: 'run', detail, actions: runActions(detail, lang) }, lang);
}

const SEVERITY_STYLE: Record<Incident['severity'], ContainerStyle> = {
  sev1: 'attention',
  sev2: 'warning',
  sev3: 'emphasis',
  sev4: 'emphasis',
};

interface CardContent {
  body: CardElement[];
  actions?: CardAction[];
}

function cardContent(reply: Exclude<BotReply, { kind: 'incident' }>, lang: Lang): CardContent {
  const l = labelsFor(lang);
  switch (reply.kind) {
    case 'fleet':
      return { body: fleetBody(reply.status, lang) };
    case 'site':
      return { body: siteBody(reply.site, lang) };
    case 'sites':
      return { body: [heading(countOf(reply.sites.length, 'site', lang)), ...listBlocks(reply.sites, (s) => siteLine(s, lang), lang)] };
    case 'incidents':
      return {
        body: [
          heading(esc(reply.heading)),
          ...(reply.incidents.length
            ? listBlocks(reply.incidents, (i) => incidentListLine(i, lang), lang)
            : [textBlock(l.t('noIncidents'), { isSubtle: true })]),
        ],
      };
    case 'diagnostics':
      return { body: [heading(`${l.t('diagnostics')}: ${esc(reply.target)}`), ...reply.verdicts.map((v) => verdictBlock(v, lang))] };
    case 'wait':
      return {
        body: [
          heading(`${esc(reply.site.id)} · ${esc(l.siteName(reply.site.name))}`),
          textBlock(
            `${l.t('wait')}: **${reply.waitMinutes === null ? l.t('notReported') : `${Math.round(reply.waitMinutes)} ${l.t('minutes')}`}**`,
            { size: 'large' },
          ),
          ...(reply.queueLength === null ? [] : [textBlock(`${l.t('queue')}: ${reply.queueLength}`)]),
        ],
      };
    case 'text':
      return { body: [heading(esc(reply.title)), verbatim(reply.text)], actions: (reply.actions ?? []).map((a) => cardAction(a, lang)) };
    case 'run':
      return runContent(reply, lang);
    case 'done':
      return {
        body: [
          textBlock(esc(reply.message), { color: 'good', weight: 'bolder' }),
          ...(reply.incident ? [incidentListLine(reply.incident, lang)] : []),
        ],
      };
    case 'error':
      return {
        body: [
          textBlock(esc(reply.message), { color: 'attention', weight: 'bolder' }),
          ...(reply.hint ? [textBlock(esc(reply.hint), { isSubtle: true })] : []),
        ],
      };
    case 'did-you-mean':
      return {
        body: [textBlock(esc(reply.question), { isSubtle: true }), heading(l.t('didYouMean'))],
        actions: reply.choices.map((c) => cardAction(c, lang)),
      };
    case 'help':
      return {
        body: [
          heading(l.t('commands')),
          factSet(escFacts(reply.commands.map((c) => ({ label: c.usage, value: c.description })))),
          ...(reply.examples.length
            ? [textBlock(l.t('examples'), { weight: 'bolder' }), ...reply.examples.map((e) => textBlock(esc(e), { fontType: 'monospace', spacing: 'none' }))]
            : []),
        ],
      };
  }
}

/** A button: a plain Action.Submit, except Resolve, which first asks what was done. */
export function cardAction(action: ReplyAction, lang: Lang): CardAction {
  const style = action.style === 'primary' ? 'positive' : action.style === 'danger' ? 'destructive' : undefined;
  const submit = { type: 'Action.Submit' as const, title: actionLabel(action, lang), data: { wf: action.id, value: action.value } };
  if (action.id !== 'resolve') return { ...submit, ...(style ? { style } : {}) };
  const l = labelsFor(lang);
  return {
    type: 'Action.ShowCard',
    title: submit.title,
    card: innerCard(
      lang,
      [
        {
          type: 'Input.Text',
          id: 'summary',
          label: l.t('resolveSummary'),
          isMultiline: true,
          isRequired: true,
          errorMessage: l.t('resolveSummary'),
          maxLength: 2000,
        },
      ],
      [{ ...submit, title: l.t('resolveConfirm'), style: 'destructive' }],
    ),
  };
}

function escFacts(facts: Fact[]): Fact[] {
  return facts.map((f) => ({ label: esc(f.label), value: esc(f.value) }));
}

function timelineBlocks(entries: TimelineEntry[], lang: Lang): CardElement[] {
  if (!entries.length) return [];
  const l = labelsFor(lang);
  return [
    textBlock(l.t('timeline'), { weight: 'bolder' }),
    ...entries.map((t) =>
      textBlock(`${formatChatTime(t.at)} · ${esc(t.kind)} · ${esc(t.actor.name)} (${t.channel})${t.text ? ` — ${esc(truncate(t.text, 200))}` : ''}`, {
        size: 'small',
        spacing: 'none',
      }),
    ),
  ];
}

/** The first items of a list, one line each, and "… N more". */
function listBlocks<T>(items: readonly T[], line: (item: T) => CardElement, lang: Lang): CardElement[] {
  const { shown, more } = takeForChat(items);
  return [...shown.map(line), ...(more ? [textBlock(moreLine(more, lang), { isSubtle: true })] : [])];
}

function incidentListLine(incident: Incident, lang: Lang): CardElement {
  const { head, title } = incidentLine(incident, lang);
  return textBlock(`**${esc(head)}** — ${esc(title)}`, { spacing: 'small' });
}

function siteLine(site: Site, lang: Lang): CardElement {
  const l = labelsFor(lang);
  return textBlock(`**${esc(site.id)}** ${esc(l.siteName(site.name))} · ${l.kind(site.kind)} · ${esc(l.region(site.region))}`, { spacing: 'none' });
}

const HEALTH_COLOR = { ok: 'good', degraded: 'warning', down: 'attention' } as const;

function siteStatusLine(s: SiteStatus, lang: Lang, fleet?: FleetStatus): CardElement {
  const l = labelsFor(lang);
  const wait = s.waitMinutes === null ? '' : ` · ${l.t('wait')} ${Math.round(s.waitMinutes)} ${l.t('minutes')}`;
  const open = s.openIncidents.total ? ` · ${countOf(s.openIncidents.total, 'openIncident', lang)}` : '';
  return textBlock(`**${esc(s.id)}** ${esc(l.siteName(s.name))} — ${l.health(s.health)}${wait}${open}${esc(siteModeSuffix(s, fleet))}`, {
    color: HEALTH_COLOR[s.health],
    spacing: 'none',
  });
}

function fleetBody(status: FleetStatus, lang: Lang): CardElement[] {
  const l = labelsFor(lang);
  const t = status.totals;
  const sev = t.openIncidents;
  // The sites worth a look: the hub sorts worst first; healthy quiet sites are only counted.
  const notable = sitesWorthALook(status);
  const platforms = status.platforms.filter((p) => p.health !== 'ok');
  const mode = fleetModeLine(status, lang);
  return [
    heading(l.t('fleetStatus')),
    textBlock(
      `${countOf(t.sites, 'site', lang)} · ${t.health.ok} ${l.health('ok')} · ${t.health.degraded} ${l.health('degraded')} · ${t.health.down} ${l.health('down')}`,
    ),
    textBlock(`${l.t('openIncidents')}: ${sev.total} (sev1 ${sev.sev1} · sev2 ${sev.sev2} · sev3 ${sev.sev3} · sev4 ${sev.sev4})`),
    ...(mode ? [textBlock(`**${esc(mode)}**`, { color: 'attention' })] : []),
    ...contactCentreLines(status, lang).map((line) => textBlock(esc(line))),
    ...(notable.length ? [{ type: 'Container' as const, separator: true as const, items: listBlocks(notable, (s) => siteStatusLine(s, lang, status), lang) }] : []),
    ...platformsBlock(platforms, lang),
    textBlock(`${l.t('reported')}: ${formatChatTime(status.generatedAt)}`, { isSubtle: true, size: 'small' }),
  ];
}

/** The national platforms not ok, which every site depends on: a line, or none. */
function platformsBlock(platforms: readonly PlatformStatus[], lang: Lang): CardElement[] {
  if (platforms.length === 0) return [];
  const l = labelsFor(lang);
  return [textBlock(`${l.t('degradedPlatforms')}: ${platforms.map((p) => `${esc(p.name)} (${l.health(p.health)})`).join(', ')}`, { color: 'warning' })];
}

function siteBody(detail: SiteDetail, lang: Lang): CardElement[] {
  const l = labelsFor(lang);
  const { site, status } = detail;
  const badAssets = detail.assets.filter((a) => a.health !== 'ok').sort((a, b) => compareOrdinal(a.id, b.id));
  return [
    heading(`${esc(site.id)} · ${esc(l.siteName(site.name))}`),
    textBlock(`${l.kind(site.kind)} · ${esc(l.region(site.region))} · ${esc(l.city(site))}`, { isSubtle: true, spacing: 'none' }),
    factSet(escFacts(siteFlowFacts(status, lang))),
    // A site degraded by a national platform alone has nothing of its own to show for it.
    ...platformsBlock(detail.platformsDown ?? [], lang),
    textBlock(`${l.t('assets')}: ${detail.assetCount ?? detail.assets.length}`, { weight: 'bolder' }),
    ...listBlocks(
      badAssets,
      (a) => textBlock(`${esc(a.id)} ${esc(a.name)} — ${l.health(a.health)}`, { color: HEALTH_COLOR[a.health], spacing: 'none' }),
      lang,
    ),
    textBlock(l.t('openIncidents'), { weight: 'bolder' }),
    ...(detail.incidents.length
      ? listBlocks(detail.incidents, (i) => incidentListLine(i, lang), lang)
      : [textBlock(l.t('none'), { isSubtle: true })]),
  ];
}

function verdictBlock(v: DiagVerdictEvent, lang: Lang): CardElement {
  const l = labelsFor(lang);
  const color = v.verdict === 'healthy' || v.verdict === 'fixed' ? 'good' : v.verdict === 'mitigated' || v.verdict === 'planned' ? 'warning' : 'attention';
  const refs = [v.incidentId, v.dispatchId].filter((x): x is string => Boolean(x)).map(esc);
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(`**${esc(v.assetId)}** — ${l.verdict(v.verdict)}`, { color }),
      textBlock(esc(v.summary), { spacing: 'none' }),
      ...v.findings.map((f) => textBlock(`${esc(f.code)}: ${esc(f.text)}`, { size: 'small', spacing: 'none' })),
      ...(refs.length ? [textBlock(refs.join(' · '), { isSubtle: true, size: 'small' })] : []),
    ],
  };
}

/** CLI output as it was printed: Teams' CodeBlock keeps its columns; other hosts get escaped monospace text. */
function verbatim(text: string): CardElement {
  const cut = truncate(text, CHAT_TEXT_LIMIT);
  return {
    type: 'CodeBlock',
    codeSnippet: cut,
    language: 'PlainText',
    fallback: textBlock(escapeTeamsMultiline(cut).replace(/\n/g, '\n\n'), { fontType: 'monospace' }),
  };
}
