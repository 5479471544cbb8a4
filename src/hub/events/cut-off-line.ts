// The log line for an event-stream client the hub cut off for not reading:
// who (the token's name, never its secret) from where, why, and where it may
// resume — what an operator needs to tell a stuck wall screen from an attack.
import type { SseCutOff } from './sse-stream.js';

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

export function cutOffLine(who: string, from: string, cut: SseCutOff): string {
  const { limits } = cut;
  const why =
    cut.reason === 'backlog'
      ? `${kib(cut.backlogBytes)} waited for it, over the ${kib(limits.maxBacklogBytes)} bound`
      : `it took nothing for ${Math.round(limits.stallMs / 1000)} s while being replayed what it missed`;
  const resume = cut.lastEventId === undefined ? '' : `; it may resume after event ${cut.lastEventId}`;
  return `event stream cut off: ${who} from ${from} is not reading (${why})${resume}`;
}
