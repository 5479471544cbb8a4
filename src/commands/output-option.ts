// `-o, --output FORMAT` on list views, as kubectl has it: `wide` for the
// columns a default table leaves out, `json` as another way to say --json.
// One option shared by the lists so its values and help never drift.
import { Option } from 'commander';

export const OUTPUT_FORMATS = ['wide', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function outputOption(): Option {
  return new Option('-o, --output <format>', 'wide: more columns; json: as --json').choices(OUTPUT_FORMATS);
}
