// What every key does; `?` opens and closes it. Lists only keys that work.
import { Box, Text } from 'ink';

export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['←↓↑→ / hjkl', 'move the selection'],
  ['Tab', 'switch between the fleet wall and the incident queue'],
  ['Enter', 'the selected site or incident in detail (Enter or Esc goes back)'],
  ['g', 'group the wall by kind or by region'],
  ['/', 'filter by site id, name (English or Arabic), region or kind; Enter keeps, Esc clears'],
  ['a', 'acknowledge the selected incident'],
  ['?', 'show or hide this help'],
  ['q', 'quit'],
];

export function HelpOverlay() {
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold>watchfloor watch — keys</Text>
      {KEY_HELP.map(([key, what]) => (
        <Text key={key}>
          <Text bold color="cyan">{key.padEnd(13)}</Text>
          {what}
        </Text>
      ))}
      <Text dimColor>Tiles: health glyph (· ok ▲ degraded ✖ down), site, wait in minutes, open incidents.</Text>
      <Text dimColor>SLA timers turn amber at 75% of the target and red past it (sev1: ack 5m, resolve 1h).</Text>
    </Box>
  );
}
