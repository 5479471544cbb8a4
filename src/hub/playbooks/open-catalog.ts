// What startHub does for playbooks, in one call: load the built-ins and the
// operator's directory, log one line per file that did not load and per
// built-in an operator's file replaced, record the versions in the store, and
// hand back the catalogue the routes, the proposals and the runner read.
import { formatPlaybookError } from '../../core/playbook-file-errors.js';
import type { PlaybookFileError } from '../../core/model.js';
import type { TransactDeps } from '../transact.js';
import { catalogOf, type PlaybookCatalog } from './catalog.js';
import { loadPlaybooks, type LoadOptions } from './loader.js';
import { recordPlaybookVersions } from './versions.js';

export interface CatalogDeps extends TransactDeps {
  log: (line: string) => void;
}

/** One line per file: its first problem, and how many more there are. */
function fileLines(errors: readonly PlaybookFileError[]): string[] {
  const byFile = new Map<string, PlaybookFileError[]>();
  for (const e of errors) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return [...byFile.values()].map((all) => {
    const more = all.length > 1 ? ` (and ${all.length - 1} more: \`watchfloor playbook validate ${all[0]!.file}\` lists them)` : '';
    return `playbook file not loaded: ${formatPlaybookError(all[0]!)}${more}`;
  });
}

/** A catalogue made elsewhere (a test's own playbooks), its versions recorded like loaded ones. */
export async function adoptPlaybookCatalog(deps: CatalogDeps, catalog: PlaybookCatalog): Promise<PlaybookCatalog> {
  for (const warning of await recordPlaybookVersions(deps, catalog.list())) deps.log(warning);
  return catalog;
}

export async function openPlaybookCatalog(deps: CatalogDeps, options: LoadOptions = {}): Promise<PlaybookCatalog> {
  const load = loadPlaybooks(options);
  for (const line of fileLines(load.errors)) deps.log(line);
  for (const { id, file } of load.replaced) deps.log(`playbook ${id}: the operator's ${file} replaces the built-in`);
  const catalog = await adoptPlaybookCatalog(deps, catalogOf(load.entries));
  const skipped = new Set(load.errors.map((e) => e.file)).size;
  deps.log(
    `playbooks: ${load.counts.builtIn} built-in` +
      (options.operatorDir === undefined ? '' : `, ${load.counts.operator} from ${options.operatorDir}`) +
      (skipped ? `, ${skipped} file${skipped === 1 ? '' : 's'} not loaded` : ''),
  );
  return catalog;
}
