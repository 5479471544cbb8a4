// What the CLI can do that chat must not: one list, each with why. Anything
// not named here is answered in chat the day it lands in the CLI.
import type { Lang } from '../render/labels.js';

export interface Refusal {
  /** A command path prefix (`tokens create` refuses only that verb) or a global option. */
  what: string;
  why: Record<Lang, string>;
}

export const CHAT_REFUSED_COMMANDS: readonly Refusal[] = [
  // Starts a hub (fastify, SQLite) inside the bot's process, or prints its bootstrap secret.
  { what: 'hub', why: { en: 'it starts or runs a hub process; do that on the hub machine', ar: 'يشغّل خادماً؛ نفّذه على جهاز الخادم' } },
  // Starts a hub and a simulator inside the bot's process and never ends.
  { what: 'demo', why: { en: 'it starts a demo hub and runs until stopped; run it in a terminal', ar: 'يشغّل عرضاً تجريبياً لا يتوقف؛ نفّذه في الطرفية' } },
  // A live full-screen terminal UI: chat has no terminal.
  { what: 'watch', why: { en: 'it is the live terminal UI; run `watchfloor watch` in a terminal', ar: 'واجهة حية للطرفية؛ نفّذ `watchfloor watch` في الطرفية' } },
  // The bot's own local profiles: chat users have none, and `config list` would show the bot's connection.
  { what: 'config', why: { en: "it manages a terminal's local profiles; the bot connects for you", ar: 'يدير إعدادات الطرفية المحلية؛ البوت يتصل نيابةً عنك' } },
  // Shell completion scripts and the shell's value helper.
  { what: 'completion', why: { en: 'it prints shell completion scripts', ar: 'يطبع نصوص الإكمال للطرفية' } },
  { what: '__complete', why: { en: 'it is the shell completion helper', ar: 'أداة إكمال للطرفية' } },
  // Prints a new token's secret once: a channel is the wrong place for a secret.
  { what: 'tokens create', why: { en: 'it prints a secret; create tokens in a terminal', ar: 'يطبع رمزاً سرياً؛ أنشئ الرموز في الطرفية' } },
  // Starts a chat bot (Slack, Teams) inside this one, until stopped.
  { what: 'bot', why: { en: "it runs a chat bot until stopped; start it on the bot's host", ar: 'يشغّل بوت محادثة حتى يُوقف؛ شغّله على جهاز البوت' } },
  // Drives the device emulator through a URL from a local profile and injects faults.
  { what: 'sim', why: { en: 'it controls the demo device emulator; use it from a terminal', ar: 'يتحكم بمحاكي الأجهزة التجريبي؛ استخدمه من الطرفية' } },
];

// The bot connects for the chat user itself; a token typed in chat is a leaked token.
export const CHAT_REFUSED_OPTIONS: readonly Refusal[] = [
  { what: '--hub', why: { en: 'the bot connects to its own hub for you', ar: 'البوت يتصل بخادمه نيابةً عنك' } },
  { what: '--token', why: { en: 'the bot acts for you with its own connection; never paste a token in chat', ar: 'البوت يعمل نيابةً عنك؛ لا تلصق رمزاً سرياً في المحادثة' } },
  { what: '--profile', why: { en: 'profiles are local to a terminal; the bot connects for you', ar: 'الإعدادات خاصة بالطرفية؛ البوت يتصل نيابةً عنك' } },
];

export function refusalFor(names: readonly string[], options: readonly string[] = []): Refusal | undefined {
  const path = names.join(' ');
  const command = CHAT_REFUSED_COMMANDS.find((r) => path === r.what || path.startsWith(`${r.what} `));
  return command ?? CHAT_REFUSED_OPTIONS.find((r) => options.includes(r.what));
}
