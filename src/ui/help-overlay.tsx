// What every key does; `?` opens and closes it. Lists the keys that exist
// (p says in its line that playbooks are still to come).
import { Box, Text } from 'ink';
import type { Lang } from '../render/labels.js';
import { padTo } from './look.js';
import { uiWords } from './ui-labels.js';

/** The keys in English, as the CLI's help and the tmux tests name them. */
export const KEY_HELP = uiWords('en').keys;

export function HelpOverlay({ lang = 'en' }: { lang?: Lang }) {
  const words = uiWords(lang);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>{words.helpTitle}</Text>
      {words.keys.map(([key, what]) => (
        <Text key={key}>
          <Text bold color="cyan">{padTo(key, 13)}</Text>
          {what}
        </Text>
      ))}
      <Text dimColor>{words.tileLegend}</Text>
      <Text dimColor>{words.slaLegend}</Text>
    </Box>
  );
}
