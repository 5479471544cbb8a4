// Text styled the way Ink's <Text> styles it, as a plain string: a screen row
// of many differently coloured pieces (a row of tiles, a queue row) can then
// be one <Text> — one node for React, Yoga and Ink's output instead of one per piece.
import chalk, { type ForegroundColorName } from 'chalk';

export type Colour = ForegroundColorName;

export interface TextStyle {
  color?: Colour | undefined;
  dimColor?: boolean;
  bold?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** In the order Ink's <Text> applies them, so an outer style wraps inner ones as nested Texts would. */
export function styled(text: string, { color, dimColor, bold, underline, inverse }: TextStyle): string {
  let out = text;
  if (dimColor) out = chalk.dim(out);
  if (color) out = chalk[color](out);
  if (bold) out = chalk.bold(out);
  if (underline) out = chalk.underline(out);
  if (inverse) out = chalk.inverse(out);
  return out;
}

/**
 * Pieces side by side, each in its style; neighbours in the same style are
 * styled together, so the row carries fewer escape codes for Ink to take
 * apart again on every frame (the terminal sees the same).
 */
export function styledRuns(pieces: ReadonlyArray<readonly [text: string, style: TextStyle]>): string {
  let out = '';
  let run = '';
  let runStyle: TextStyle | undefined;
  for (const [text, style] of pieces) {
    if (runStyle && !sameStyle(runStyle, style)) {
      out += styled(run, runStyle);
      run = '';
    }
    run += text;
    runStyle = style;
  }
  return runStyle ? out + styled(run, runStyle) : out;
}

const STYLE_KEYS = ['color', 'dimColor', 'bold', 'underline', 'inverse'] as const;
const sameStyle = (a: TextStyle, b: TextStyle) => STYLE_KEYS.every((k) => (a[k] || undefined) === (b[k] || undefined));
