// The Teams bot: an ActivityHandler that is only wiring. A message's text goes
// to answer() (the one entry point for chat text); a card button's
// Action.Submit goes to dispatchAction() (the one dispatch point). Replies go
// back as Adaptive Cards; an incident or run card a button changed is redrawn in place.
import { ActivityHandler, CardFactory, TurnContext, type Activity } from 'botbuilder';
import { actionCommand, dispatchAction } from '../actions.js';
import { answer } from '../answer.js';
import { incidentOf } from '../facts.js';
import type { IdentityMap } from '../identity.js';
import type { BotReply, Rendered } from '../reply.js';
import type { ChatSession } from '../session.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { renderIncidentAdaptiveCard, renderTeams } from './cards.js';
import { parseSubmitData, type SubmittedAction } from './submit-data.js';
import { teamsSessions } from './teams-session.js';

export interface TeamsBotOptions {
  /** The hub and the bot's own token; the hub caps it to each chat user's role. */
  hub: { hubUrl: string; token: string };
  identities: IdentityMap;
  /** Where failures the user cannot see go (default: nowhere). */
  log?: (line: string) => void;
}

export type TeamsBot = ActivityHandler;

// Cards the bot posted, per conversation and incident, so a button pressed on
// any copy redraws the one the bot knows. Bounded: old cards fall out first.
const CARD_MEMORY = 1000;

// Buttons that decide at a run's step: the run's card is redrawn after one.
const RUN_STEP_ACTIONS: ReadonlySet<string> = new Set(['approve', 'reject', 'confirm']);

const AT_MENTION = /<at>[^<]*<\/at>/gi;

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const log = options.log ?? (() => undefined);
  const sessionFor = teamsSessions({ identities: options.identities, hub: options.hub });
  const cards = new Map<string, string>();
  const remember = (conversationId: string, incidentId: string, activityId: string | undefined) => {
    if (!activityId) return;
    const key = `${conversationId}|${incidentId}`;
    cards.delete(key);
    cards.set(key, activityId);
    if (cards.size > CARD_MEMORY) cards.delete(cards.keys().next().value!);
  };

  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    const submitted = parseSubmitData(context.activity.value);
    if (submitted) await onSubmit(context, submitted);
    else if (context.activity.text) await onText(context);
    await next();
  });

  async function onText(context: TurnContext): Promise<void> {
    // Channel messages carry "<at>watchfloor</at> status RUH"; the mention is not part of the command.
    const text = TurnContext.removeRecipientMention(context.activity as Activity)?.replace(AT_MENTION, ' ').trim() ?? '';
    const session = sessionFor(context.activity, text);
    const reply = await answer(text, session);
    await send(context, reply, session);
  }

  async function onSubmit(context: TurnContext, action: SubmittedAction): Promise<void> {
    // Answered in the language of the command the button runs: a summary typed in Arabic, a `--lang` it carries.
    const session = sessionFor(context.activity, actionCommand(action) ?? action.summary);
    const reply = await dispatchAction(action, session);
    const changed = reply.kind === 'done' ? reply.incident : undefined;
    if (changed && action.id !== 'run') await redrawCard(context, changed.id, renderIncidentAdaptiveCard(changed, session.user.lang));
    if (RUN_STEP_ACTIONS.has(action.id) && reply.kind !== 'error') {
      // The run card the button sat on now shows the decision (the hub said what the run is now).
      const runId = action.value.split(' ')[0]!;
      const now = await answer(`playbook status ${runId}`, session);
      if (now.kind === 'run') await redrawCard(context, runId, renderTeams(now, session.user.lang));
    }
    await send(context, reply, session);
  }

  async function redrawCard(context: TurnContext, subjectId: string, card: Rendered<AdaptiveCard>) {
    const activityId = cards.get(`${context.activity.conversation.id}|${subjectId}`) ?? context.activity.replyToId;
    if (!activityId) return;
    try {
      await context.updateActivity({ type: 'message', id: activityId, summary: card.text, attachments: [CardFactory.adaptiveCard(card.body)] });
    } catch (error) {
      // The confirmation still goes out: a card we may no longer edit (deleted, too old) is not the user's problem.
      log(`could not update the Teams card for ${subjectId}: ${(error as Error).message}`);
    }
  }

  async function send(context: TurnContext, reply: BotReply, session: ChatSession): Promise<void> {
    const rendered = renderTeams(reply, session.user.lang);
    const sent = await context.sendActivity({ type: 'message', summary: rendered.text, attachments: [CardFactory.adaptiveCard(rendered.body)] });
    if (reply.kind === 'incident') remember(context.activity.conversation.id, incidentOf(reply.incident).id, sent?.id);
    if (reply.kind === 'run') remember(context.activity.conversation.id, reply.detail.run.id, sent?.id);
  }

  return bot;
}
