// The inline prompt `r` opens in place of the status line: the resolution
// summary the hub records with the incident. It has the keyboard until
// Enter (resolves; an empty summary is refused with a hint) or Esc (cancels).
import { Box, Text } from 'ink';
import type { Lang } from '../render/labels.js';
import type { Prompt } from './state.js';
import { uiWords } from './ui-labels.js';

export function SummaryPrompt({ prompt, width, lang = 'en' }: { prompt: Prompt; width: number; lang?: Lang }) {
  const words = uiWords(lang);
  // Cut from the start when too long, so the caret and the hint stay in view.
  return (
    <Box width={width}>
      <Text wrap="truncate-start">
        <Text bold>{words.resolvePrompt(prompt.incidentId)}</Text>
        {prompt.text}
        <Text inverse> </Text>
        {prompt.refused ? <Text color="red">  {words.summaryNeeded}</Text> : <Text dimColor>  {words.resolvePromptHint}</Text>}
      </Text>
    </Box>
  );
}
