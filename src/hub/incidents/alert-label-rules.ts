// How an alert's labels name a site and an asset, as the inventory configures
// it: an existing Prometheus setup keeps its labels (`instance="ruh-egate-01.
// border.local:9100"`) and the hub reads ids out of them, rather than every
// rule being relabelled for watchfloor. The defaults are the labels the hub
// has always read: `site`, and `asset` as a full id or a local part at the site.
import type { AlertLabelMapping, AlertLabelRule } from '../../core/model.js';

export const DEFAULT_ALERT_LABELS: AlertLabelMapping = {
  site: [{ label: 'site' }],
  asset: [
    { label: 'asset', pattern: '^(.+/.+)$' },
    { label: 'asset', id: '{site}/{value}' },
  ],
};

// A label is outside text: a pattern from the inventory only ever sees this much of it.
const MAX_LABEL_CHARS = 1024;
const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Why a rule cannot work, or undefined: a bad pattern, or a template naming a group the pattern lacks. */
export function ruleProblem(rule: AlertLabelRule, kind: 'site' | 'asset'): { field: 'pattern' | 'id'; message: string } | undefined {
  let groups = 0;
  const named = new Set<string>();
  if (rule.pattern !== undefined) {
    let regex: RegExp;
    try {
      regex = new RegExp(rule.pattern);
    } catch (e) {
      return { field: 'pattern', message: `not a regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}` };
    }
    // A pattern's group count, without matching anything: an alternation with an empty branch matches ''.
    groups = new RegExp(`${regex.source}|`).exec('')!.length - 1;
    for (const name of rule.pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)) named.add(name[1]!);
  }
  for (const [, name] of (rule.id ?? '').matchAll(PLACEHOLDER)) {
    if (name === 'value' || (name === 'site' && kind === 'asset')) continue;
    if (/^\d+$/.test(name!) ? Number(name) >= 1 && Number(name) <= groups : named.has(name!)) continue;
    const known = ['{value}', ...(kind === 'asset' ? ['{site}'] : []), ...Array.from({ length: groups }, (_, i) => `{${i + 1}}`), ...[...named].map((n) => `{${n}}`)];
    return { field: 'id', message: `{${name}} is not a group of the pattern; use ${known.join(', ')}` };
  }
  return undefined;
}

/** A rule made ready to read labels: its pattern compiled once, not once per alert. */
export type CompiledRule = (labels: Record<string, string>, site?: string) => string | undefined;

export function compileRule(rule: AlertLabelRule): CompiledRule {
  const regex = rule.pattern === undefined ? undefined : new RegExp(rule.pattern);
  return (labels, site) => {
    const value = labels[rule.label]?.trim().slice(0, MAX_LABEL_CHARS);
    if (!value) return undefined;
    let match: RegExpExecArray | null = null;
    if (regex) {
      match = regex.exec(value);
      if (!match) return undefined;
    }
    // Without a template: the first group, or the whole value.
    if (rule.id === undefined) return match?.[1] ?? value;
    let missing = false;
    const id = rule.id.replace(PLACEHOLDER, (_, name: string) => {
      // A group the pattern names wins over {site}: `(?<site>…)` reads the site from this label.
      const group = /^\d+$/.test(name) ? match?.[Number(name)] : match?.groups?.[name];
      const part = name === 'value' ? value : (group ?? (name === 'site' ? site : undefined));
      if (!part) missing = true;
      return part ?? '';
    });
    return missing ? undefined : id;
  };
}

/** The id a rule reads from the labels, or undefined when its label is absent or its pattern does not match. */
export const ruleCandidate = (rule: AlertLabelRule, labels: Record<string, string>, site?: string): string | undefined => compileRule(rule)(labels, site);

export interface CompiledMapping {
  site: readonly CompiledRule[];
  asset: readonly CompiledRule[];
}

// Keyed by the mapping object: the intake keeps one per inventory revision, so each is compiled once.
const compiledMappings = new WeakMap<AlertLabelMapping, CompiledMapping>();

export function compiledMapping(mapping: AlertLabelMapping): CompiledMapping {
  let compiled = compiledMappings.get(mapping);
  if (!compiled) {
    compiled = { site: mapping.site.map(compileRule), asset: mapping.asset.map(compileRule) };
    compiledMappings.set(mapping, compiled);
  }
  return compiled;
}

/** Each rule's candidate in order: the caller takes the first that names something it knows. */
export const candidates = (rules: readonly CompiledRule[], labels: Record<string, string>, site?: string): string[] =>
  rules.map((r) => r(labels, site)).filter((c): c is string => c !== undefined);
