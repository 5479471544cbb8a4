// The files an inventory command was given, read here and sent to the hub as
// text (the hub reads them, so its errors name the file and line); and the
// problems it found, shown one a line as `file:line: field: message`.
import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import type { InventoryFile, PlaybookFileError } from '../../core/model.js';
import { countOf } from '../../render/plural.js';

export function readInventoryFiles(paths: readonly string[]): InventoryFile[] {
  return paths.map((path) => {
    try {
      return { name: path, text: readFileSync(path, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message);
      throw new UsageError(`cannot read inventory file ${path}: ${why}`, { hint: 'pass YAML, JSON or CSV files: `watchfloor inventory plan inventory.yaml`', cause: e });
    }
  });
}

/** The problems the hub found in the files, when that is why it refused them. */
function fileProblems(e: unknown): PlaybookFileError[] | undefined {
  if (!(e instanceof UsageError)) return undefined;
  const errors = e.details.errors;
  return Array.isArray(errors) && errors.length > 0 ? (errors as PlaybookFileError[]) : undefined;
}

export const invalidInventory = (errors: PlaybookFileError[]) =>
  new UsageError(`the inventory has ${countOf(errors.length, 'problem')}: nothing was applied`, {
    hint: 'the format is in the README (Inventory); each line above names the file, line and field',
    details: { errors: errors.length },
  });

/** Reads the files and sends them; a refusal for problems in them comes back as the problems, for the verb to show. */
export async function sendInventoryFiles<T>(paths: readonly string[], send: (files: InventoryFile[]) => Promise<T>): Promise<{ sent: T } | { errors: PlaybookFileError[] }> {
  const files = readInventoryFiles(paths);
  try {
    return { sent: await send(files) };
  } catch (e) {
    const errors = fileProblems(e);
    if (errors) return { errors };
    throw e;
  }
}
