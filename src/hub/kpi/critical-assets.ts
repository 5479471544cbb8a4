// What counts as a critical system for continuity, in one place: the kinds
// of asset without which a site cannot clear travellers at all — its
// servers, its network links and the integrations with the national
// platforms (the platforms themselves are integrations with no site).
// A single e-gate, counter or camera down slows a site; it does not stop it.
import type { AssetKind } from '../../core/vocabulary.js';

export const CRITICAL_ASSET_KINDS: readonly AssetKind[] = ['server', 'network-link', 'integration'];
