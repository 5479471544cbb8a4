// The playbooks a hub knows: the built-ins and the operator's own files, each
// with the hash of its definition. This is the seam between loading them
// (loader.ts: YAML, checks, errors with file, line and field) and running
// them (the runner freezes a run's definition and hash at start, so the
// catalogue may change under a run without changing it).
import { createHash } from 'node:crypto';
import type { PlaybookDefinition } from '../../core/model.js';

export interface CatalogEntry {
  definition: PlaybookDefinition;
  /** sha256 of the definition's canonical JSON: what a run records to prove what it ran. */
  hash: string;
  /** Where it came from: 'built-in', or the file it was read from. */
  source: string;
}

export interface PlaybookCatalog {
  list(): CatalogEntry[];
  get(id: string): CatalogEntry | undefined;
}

/** JSON with object keys sorted, so the same definition always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function definitionHash(definition: PlaybookDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/** A catalogue of definitions already validated; a later one with the same id replaces an earlier (an operator's file over a built-in). */
export function catalogOf(entries: readonly { definition: PlaybookDefinition; source: string }[]): PlaybookCatalog {
  const byId = new Map<string, CatalogEntry>();
  for (const { definition, source } of entries) byId.set(definition.id, { definition, source, hash: definitionHash(definition) });
  return {
    list: () => [...byId.values()].sort((a, b) => a.definition.id.localeCompare(b.definition.id)),
    get: (id) => byId.get(id),
  };
}
