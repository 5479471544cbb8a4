// A failed command's stderr as an error reply: the JSON error body in --json
// mode, or the CLI's `watchfloor: …` / `hint: …` lines in text mode.
import type { BotReply } from './reply.js';

export type ErrorReply = Extract<BotReply, { kind: 'error' }>;

export interface ParsedError {
  code: string;
  message: string;
  hint?: string;
  details?: Record<string, unknown>;
}

export function parseJsonError(stderr: string): ParsedError | undefined {
  for (const line of stderr.split('\n').reverse()) {
    if (!line.trim().startsWith('{')) continue;
    try {
      const error = (JSON.parse(line) as { error?: ParsedError }).error;
      if (error && typeof error.message === 'string') return error;
    } catch {
      // not the error line
    }
  }
  return undefined;
}

export function errorReply(exitCode: number, stderr: string): ErrorReply {
  const parsed = parseJsonError(stderr);
  if (parsed) return { kind: 'error', message: parsed.message, ...(parsed.hint ? { hint: parsed.hint } : {}), exitCode };
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const message = lines.find((l) => l.startsWith('watchfloor: '))?.slice('watchfloor: '.length) ?? lines[0] ?? `failed (exit ${exitCode})`;
  const hint = lines.find((l) => l.startsWith('hint: '))?.slice('hint: '.length);
  return { kind: 'error', message, ...(hint ? { hint } : {}), exitCode };
}
