// `--auto-remediate [kinds]`: alone it means every asset kind; a comma list
// opts in only those kinds (a misspelt kind is a usage error, not ignored).
import { InvalidArgumentError } from 'commander';
import { ASSET_KINDS, type AssetKind } from '../../core/vocabulary.js';

export type AutoRemediateKinds = AssetKind[] | 'all';

export function parseAutoRemediate(value: string | boolean | undefined): AutoRemediateKinds | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true || value.trim().toLowerCase() === 'all') return 'all';
  const kinds = value.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
  const unknown = kinds.filter((k) => !(ASSET_KINDS as readonly string[]).includes(k));
  if (unknown.length || !kinds.length) {
    throw new InvalidArgumentError(`unknown asset kind ${unknown.join(', ') || '(none given)'}; use all, or some of ${ASSET_KINDS.join(', ')}`);
  }
  return [...new Set(kinds)] as AssetKind[];
}
