// Bolt, its WebClient and the Socket Mode client log through this one logger,
// so their lines reach the command's stderr (deps.io) instead of the console,
// and only warnings and errors by default: a bot on duty should be quiet.
import { LogLevel, type Logger } from '@slack/bolt';

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

export function boltLogger(log: (line: string) => void, initial: LogLevel = LogLevel.WARN): Logger {
  let level = initial;
  let name = 'slack';
  const at =
    (lineLevel: LogLevel) =>
    (...msg: unknown[]): void => {
      if (RANK[lineLevel] < RANK[level]) return;
      log(`[${name}] ${lineLevel}: ${msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ')}`);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}
