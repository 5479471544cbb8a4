// What the CLI can do that chat must not: one list, each with why. Anything
// not named here is answered in chat the day it lands in the CLI.

export interface Refusal {
  /** A command path prefix (`tokens create` refuses only that verb) or a global option. */
  what: string;
  why: string;
}

export const CHAT_REFUSED_COMMANDS: readonly Refusal[] = [
  // Starts a hub (fastify, SQLite) inside the bot's process, or prints its bootstrap secret.
  { what: 'hub', why: 'it starts or runs a hub process; do that on the hub machine' },
  // Starts a hub and a simulator inside the bot's process and never ends.
  { what: 'demo', why: 'it starts a demo hub and runs until stopped; run it in a terminal' },
  // A live full-screen terminal UI: chat has no terminal.
  { what: 'watch', why: 'it is the live terminal UI; run `watchfloor watch` in a terminal' },
  // The bot's own local profiles: chat users have none, and `config list` would show the bot's connection.
  { what: 'config', why: "it manages a terminal's local profiles; the bot connects for you" },
  // Shell completion scripts and the shell's value helper.
  { what: 'completion', why: 'it prints shell completion scripts' },
  { what: '__complete', why: 'it is the shell completion helper' },
  // Prints a new token's secret once: a channel is the wrong place for a secret.
  { what: 'tokens create', why: 'it prints a secret; create tokens in a terminal' },
  // Drives the device emulator through a URL from a local profile and injects faults.
  { what: 'sim', why: 'it controls the demo device emulator; use it from a terminal' },
];

// The bot connects for the chat user itself; a token typed in chat is a leaked token.
export const CHAT_REFUSED_OPTIONS: readonly Refusal[] = [
  { what: '--hub', why: 'the bot connects to its own hub for you' },
  { what: '--token', why: 'the bot acts for you with its own connection; never paste a token in chat' },
  { what: '--profile', why: 'profiles are local to a terminal; the bot connects for you' },
];

export function refusalFor(names: readonly string[], options: readonly string[] = []): Refusal | undefined {
  const path = names.join(' ');
  const command = CHAT_REFUSED_COMMANDS.find((r) => path === r.what || path.startsWith(`${r.what} `));
  return command ?? CHAT_REFUSED_OPTIONS.find((r) => options.includes(r.what));
}
