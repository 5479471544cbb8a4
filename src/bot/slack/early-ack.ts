// A slash command is acknowledged the moment its signature checks out, before
// Bolt parses it again and runs it through every listener's middleware: its
// ack is always empty (the answer goes to the command's response_url), and
// Slack times the ack at 3 s while a channel's burst piles requests up behind
// each other. Measured under 50 concurrent /wf, the middleware before ack()
// was most of the bot's work per ack. Only the commands the bot registers,
// and only a plain command: anything else (ssl_check, interactivity payloads,
// events, a command we do not know) goes through Bolt's receiver unchanged.
import { parse } from 'node:querystring';
import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions, type App, type Logger, type ReceiverEvent } from '@slack/bolt';

const FORM = 'application/x-www-form-urlencoded';

/** The command's fields when `body` is one of `commands`, as Bolt would parse it; otherwise undefined. */
export function slashCommandOf(contentType: string | undefined, body: Buffer, commands: ReadonlySet<string>): Record<string, unknown> | undefined {
  if (contentType !== FORM) return undefined;
  const fields = parse(body.toString('utf8'));
  if (typeof fields.command !== 'string' || !commands.has(fields.command)) return undefined;
  if (fields.payload !== undefined || fields.ssl_check !== undefined) return undefined;
  return fields;
}

/** Hands an already acknowledged command to the app: its listener's ack() has nothing left to send. */
export async function processAcked(app: App, req: IncomingMessage, body: Record<string, unknown>, logger: Logger): Promise<void> {
  const event: ReceiverEvent = {
    body,
    ack: async () => undefined,
    retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
    retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    customProperties: {},
  };
  try {
    await app.processEvent(event);
  } catch (error) {
    logger.error(`Slack command failed after its ack: ${(error as Error).message}`);
  }
}
