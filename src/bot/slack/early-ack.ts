// A slash command is acknowledged the moment its signature checks out, and
// its answer queued straight away, without Bolt parsing it again and running
// it through every listener's middleware: its ack is always empty (the answer
// goes to the command's response_url), and Slack times the ack at 3 s while a
// channel's burst piles requests up behind each other. Profiled under 50
// concurrent /wf, that middleware was most of the bot's work per ack. Only
// the commands the bot answers this way, and only a plain command with every
// field given once: anything else (ssl_check, interactivity payloads, events,
// a command we do not know) goes through Bolt's receiver unchanged.
import { parse } from 'node:querystring';
import type { SlashCommand } from '@slack/bolt';

const FORM = 'application/x-www-form-urlencoded';

/** The command when `body` is one of `commands`, its fields as Bolt would parse them; otherwise undefined. */
export function slashCommandOf(contentType: string | undefined, body: Buffer, commands: { has(command: string): boolean }): SlashCommand | undefined {
  if (contentType !== FORM) return undefined;
  const fields = parse(body.toString('utf8'));
  if (typeof fields.command !== 'string' || !commands.has(fields.command)) return undefined;
  if (fields.payload !== undefined || fields.ssl_check !== undefined) return undefined;
  // A field given twice would reach the listener as a list where it reads a string.
  if (Object.values(fields).some((value) => typeof value !== 'string')) return undefined;
  return fields as SlashCommand;
}
