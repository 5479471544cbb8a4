// What a run starts with, checked before anything is written: the playbook
// (from the catalogue, frozen with its hash), the site and incident it is
// started on, and its inputs — each declared one given or defaulted, of its
// type (a site, asset or incident that exists, named as the hub names it),
// and none it does not declare. Every ${name} its steps use must then have a
// value, so a run never reaches a step with a hole in its target.
import { NotFoundError, UsageError } from '../../core/errors.js';
import type { InputValue, PlaybookDefinition, PlaybookInput, StartRunInput } from '../../core/model.js';
import { siteIdOf } from '../site-id.js';
import { spanMs } from '../../core/time-input.js';
import type { StoreReader } from '../store/store.js';
import type { CatalogEntry, PlaybookCatalog } from './catalog.js';
import { fillDeep } from './interpolate.js';

export interface ResolvedStart {
  entry: CatalogEntry;
  inputs: Record<string, InputValue>;
  siteId: string | null;
  incidentId: string | null;
  drill: boolean;
}

async function typed(store: StoreReader, input: PlaybookInput, value: InputValue): Promise<InputValue> {
  const bad = (rule: string) => new UsageError(`input ${input.name}: ${JSON.stringify(value)} is not ${rule}`);
  const text = String(value).trim();
  switch (input.type) {
    case 'string':
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : text === '' ? NaN : Number(text);
      if (!Number.isFinite(n)) throw bad('a number');
      return n;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (/^(true|yes|on|1)$/i.test(text)) return true;
      if (/^(false|no|off|0)$/i.test(text)) return false;
      throw bad('true or false');
    case 'duration':
      if (spanMs(text) === undefined) throw bad('a duration like 30s, 5m, 2h or 1d');
      return text;
    case 'site':
      return siteIdOf(store, text, `site for input ${input.name}:`);
    case 'asset': {
      const asset = await store.getAsset(text);
      if (!asset) throw new NotFoundError(`no asset ${text} for input ${input.name}`, { hint: "a site's assets are listed by `watchfloor status <site>`" });
      return asset.id;
    }
    case 'incident': {
      const incident = await store.getIncident(text);
      if (!incident) throw new NotFoundError(`no incident ${text} for input ${input.name}`, { hint: 'list them with `watchfloor incidents list`' });
      return incident.id;
    }
  }
}

async function inputsOf(store: StoreReader, definition: PlaybookDefinition, given: Readonly<Record<string, InputValue>>): Promise<Record<string, InputValue>> {
  const declared = new Map(definition.inputs.map((i) => [i.name, i]));
  const unknown = Object.keys(given).filter((k) => !declared.has(k));
  if (unknown.length) {
    throw new UsageError(`${definition.id} has no input ${unknown.join(', ')}`, {
      hint: declared.size ? `its inputs: ${[...declared.keys()].join(', ')}` : 'it takes no inputs',
    });
  }
  const out: Record<string, InputValue> = {};
  for (const input of definition.inputs) {
    const value = given[input.name] ?? input.default;
    if (value === undefined) {
      if (input.required) throw new UsageError(`${definition.id} needs input ${input.name}`, { hint: `give it with --input ${input.name}=…` });
      continue;
    }
    out[input.name] = await typed(store, input, value);
  }
  return out;
}

export async function resolveStart(store: StoreReader, catalog: PlaybookCatalog, request: StartRunInput): Promise<ResolvedStart> {
  const entry = catalog.get(request.playbook);
  if (!entry) throw new NotFoundError(`no playbook ${request.playbook}`, { hint: 'list them with `watchfloor playbook list`' });
  const incident = request.incident === undefined ? undefined : await store.getIncident(request.incident);
  if (request.incident !== undefined && !incident) throw new NotFoundError(`no incident ${request.incident}`, { hint: 'list them with `watchfloor incidents list`' });
  const inputs = await inputsOf(store, entry.definition, request.inputs ?? {});
  // --site, else the incident's, else the playbook's own `site` input (its default gives a drill its place).
  const siteInput = entry.definition.inputs.some((i) => i.name === 'site' && i.type === 'site') && typeof inputs.site === 'string' ? inputs.site : null;
  const siteId = request.site !== undefined ? await siteIdOf(store, request.site, 'site') : (incident?.siteId ?? siteInput);
  const drill = request.drill === true;
  // Every ${name} a step uses must have its value now, not when the run reaches the step.
  fillDeep(entry.definition.steps, { inputs, siteId, incidentId: incident?.id ?? null, drill });
  return { entry, inputs, siteId, incidentId: incident?.id ?? null, drill };
}
