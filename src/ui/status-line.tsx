// The bottom line: connection, what the filter and grouping are, and the
// answer to the last action (a refused ack says why, in the hub's words).
import { Box, Text } from 'ink';
import type { SiteMode } from '../core/model.js';
import type { Lang } from '../render/labels.js';
import { playbookWords } from './playbook-words.js';
import type { Grouping } from './layout.js';
import { visibleWidth } from '../render/text-width.js';
import { clockTime, fit, fitEnd } from './look.js';
import type { Connection, StatusMessage } from './state.js';
import { uiWords } from './ui-labels.js';

export interface StatusLineProps {
  connection: Connection;
  grouping: Grouping;
  filter: string;
  editingFilter: boolean;
  message: StatusMessage | null;
  width: number;
  /** Name the keys (not on a video wall, which has none). */
  keys?: boolean;
  lang?: Lang;
  /** The fleet's mode: named while it is not normal (a national-platform outage: offline processing). */
  mode?: SiteMode | undefined;
  /** A wall that turns pages: which one is on screen. */
  page?: { page: number; pages: number } | undefined;
}

export function StatusLine({ connection, grouping, filter, editingFilter, message, width, keys = true, lang = 'en', mode, page }: StatusLineProps) {
  const words = uiWords(lang);
  const modeWords = playbookWords(lang);
  // Never wider than the screen: the answer to an action comes first, the legend gives way.
  if (editingFilter) {
    // The typed text keeps its room (its end when it is longer than the line); the hint gets what is left.
    const typed = fitEnd(filter, width - 2);
    return (
      <Text>
        <Text bold>/</Text>
        {typed}
        <Text inverse> </Text>
        <Text dimColor>{fit(`  ${words.filterHint}`, width - 2 - visibleWidth(typed))}</Text>
      </Text>
    );
  }
  const live =
    connection.state === 'live' ? (
      <Text color="green">{words.live}</Text>
    ) : connection.state === 'connecting' ? (
      <Text color="yellow">{words.connecting}</Text>
    ) : (
      <Text color="red">{words.stale}</Text>
    );
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        {live}
        {mode && mode !== 'normal' ? <Text color="magenta" bold>  {modeWords.fleetMode(modeWords.mode(mode))}</Text> : null}
        {message ? <Text color={message.tone === 'error' ? 'red' : 'green'}>  {message.text}</Text> : null}
        <Text dimColor>
          {'  '}
          {[page ? words.wallPage(page.page, page.pages) : '', words.byGrouping(grouping), filter ? words.filtered(filter) : '', keys ? words.helpAndQuit : ''].filter(Boolean).join(' · ')}
        </Text>
      </Text>
    </Box>
  );
}

/**
 * Shown above everything while the event stream is down: the screen may be
 * old. It counts down to the next try (on the screen's clock) and, where
 * there are keys, names the one that tries now.
 */
export function StaleBanner({ connection, now, keys = true, lang = 'en' }: { connection: Connection; now: Date; keys?: boolean; lang?: Lang }) {
  if (connection.state !== 'stale') return null;
  const words = uiWords(lang);
  const retry = Math.max(0, Math.ceil((connection.retryAt.getTime() - now.getTime()) / 1000));
  return (
    <Text backgroundColor="red" color="white" bold wrap="truncate-end">
      {` ${words.staleBanner(clockTime(connection.since), retry, connection.reason)}${keys ? ` · ${words.retryNowKey}` : ''} `}
    </Text>
  );
}
