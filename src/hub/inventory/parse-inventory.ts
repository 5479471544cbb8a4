// An inventory's files → one document, or every problem found in them, each
// with the file, line and field (the playbook loader's way: YAML with lines,
// the schema's issues in words, then the checks a schema cannot make). YAML
// and JSON hold any section; a CSV file one table (inventory-csv.ts). Several
// files make one inventory, each section from one file only.
import type { InventoryDocument, InventoryFile, PlaybookFileError } from '../../core/model.js';
import { InventoryDocument as InventorySchema } from '../../core/model.js';
import { describeIssues } from '../playbooks/schema-issues.js';
import { fieldName, parseYamlSource, type FieldPath, type YamlSource } from '../playbooks/yaml-source.js';
import { checkInventory, type Locate } from './inventory-checks.js';
import { parseCsvSource } from './inventory-csv.js';

/** The demo's 4,700 assets are about 1 MiB of JSON; a file far past that is a mistake. */
export const MAX_INVENTORY_BYTES = 16 * 1024 * 1024;

export interface ParsedInventory {
  document: InventoryDocument | undefined;
  errors: PlaybookFileError[];
}

const SECTIONS = ['sites', 'assets', 'alertLabels'] as const;

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whole-file problems (no line) first, then by file and line: the order a person fixes them in. */
const byPlace = (a: PlaybookFileError, b: PlaybookFileError) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);

/**
 * JSON is YAML too, but the YAML parser with its line counter takes seconds
 * over the demo's 0.9 MiB file where JSON.parse takes milliseconds: JSON is
 * parsed as JSON, and read as YAML only if a problem needs a line.
 */
function jsonSource(text: string): YamlSource | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined; // the YAML parser says where it is wrong
  }
  let lines: YamlSource | undefined;
  return { value, problems: [], lineOf: (path) => (lines ??= parseYamlSource(text)).lineOf(path) };
}

function readSource(file: InventoryFile): YamlSource {
  if (/\.csv$/i.test(file.name)) return parseCsvSource(file.text);
  return (/^\s*[{[]/.test(file.text) ? jsonSource(file.text) : undefined) ?? parseYamlSource(file.text);
}

/**
 * `hubSites`: the ids of the sites the hub holds (upper case), for files that
 * leave the sites section out and name sites in their assets.
 */
export function parseInventoryFiles(files: readonly InventoryFile[], hubSites: ReadonlySet<string>): ParsedInventory {
  const errors: PlaybookFileError[] = [];
  const merged: Record<string, unknown> = {};
  const sources = new Map<string, { file: string; source: YamlSource }>();
  for (const file of files) {
    const whole = (message: string, line: number | null = null) => errors.push({ file: file.name, line, field: null, message });
    if (Buffer.byteLength(file.text) > MAX_INVENTORY_BYTES) {
      whole(`larger than ${MAX_INVENTORY_BYTES / 1024 / 1024} MiB: not an inventory`);
      continue;
    }
    const source = readSource(file);
    if (source.problems.length) {
      for (const p of source.problems) whole(p.message, p.line);
      continue;
    }
    if (!isMapping(source.value)) {
      whole('an inventory is a mapping of sites, assets and alertLabels (any of them)');
      continue;
    }
    const at = (path: FieldPath): PlaybookFileError['line'] => source.lineOf(path);
    const parsed = InventorySchema.safeParse(source.value, { reportInput: true });
    if (!parsed.success) {
      for (const p of describeIssues(parsed.error.issues)) errors.push({ file: file.name, line: at(p.path), field: p.path.length ? fieldName(p.path) : null, message: p.message });
      continue;
    }
    for (const section of SECTIONS) {
      if (parsed.data[section] === undefined) continue;
      const earlier = sources.get(section);
      if (earlier) {
        errors.push({ file: file.name, line: at([section]), field: section, message: `also in ${earlier.file}: each section comes from one file` });
        continue;
      }
      sources.set(section, { file: file.name, source });
      merged[section] = parsed.data[section];
    }
  }
  if (errors.length) return { document: undefined, errors: errors.sort(byPlace) };
  const document = merged as InventoryDocument;
  const locate: Locate = (path, message) => {
    const from = sources.get(String(path[0]))!;
    return { file: from.file, line: from.source.lineOf(path), field: fieldName(path), message };
  };
  const problems = checkInventory(document, locate, hubSites);
  return problems.length ? { document: undefined, errors: problems.sort(byPlace) } : { document, errors: [] };
}
