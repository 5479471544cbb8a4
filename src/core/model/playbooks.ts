// Playbooks: a crisis response prepared in advance, as data. This is the
// contract between the YAML files officers write (src/hub/playbooks loads and
// checks them, and publishes this schema as JSON Schema for their editors),
// the hub's durable runner that executes them, and every front end that shows
// them. A run freezes the definition it started with (with its hash), so a
// file edited mid-crisis changes only the runs started after.
//
// Text a person reads is given in English and Arabic. Strings in step fields
// may name the run's inputs as ${name}, and ${incident}, ${site} and ${asset}
// for the incident a run was started on, its site (or --site) and its asset; the
// loader refuses a reference to an input the playbook does not declare. A
// playbook may declare an input named incident, site or asset (of that type) to
// give it a default where a run has none, as a drill on the demo fleet does.
import { z } from 'zod';
import { spanMs } from '../time-input.js';
import { AssetKind, Health, IncidentState, Role, Severity, SiteKind } from './vocabulary-schemas.js';

/** A name used in a file: a playbook's id, a step's id, an input's name. */
export const PlaybookName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, starting with a letter, at most 64');

/** English and Arabic, both required: the centre works in both. */
export const BilingualText = z.object({ en: z.string().min(1), ar: z.string().min(1) }).strict();
export type BilingualText = z.infer<typeof BilingualText>;

/** A duration as a file writes it: 30s, 5m, 2h, 1d (the same rule as --since spans). */
export const PlaybookDuration = z
  .string()
  .refine((text) => spanMs(text) !== undefined, 'a duration like 30s, 5m, 2h or 1d');

/** What a site (or the whole fleet) is running as; `set-mode` switches it and every front end shows it. */
export const SITE_MODES = ['normal', 'offline-processing', 'surge', 'evacuation', 'power-backup', 'network-isolated'] as const;
export const SiteMode = z.enum(SITE_MODES);
export type SiteMode = z.infer<typeof SiteMode>;

export const PlaybookInput = z
  .object({
    name: PlaybookName,
    type: z.enum(['string', 'number', 'boolean', 'duration', 'site', 'asset', 'incident']),
    description: BilingualText.optional(),
    required: z.boolean().default(false),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .strict();
export type PlaybookInput = z.infer<typeof PlaybookInput>;

/**
 * When the hub proposes a playbook: every key must match the incident (or the
 * alert's labels). Keys: severity, state, site, site.kind, site.region,
 * asset.kind, asset, alertname, labels.<name>. A value matches exactly; a list
 * matches any of its values.
 */
export const PlaybookTrigger = z
  .object({
    match: z.record(
      z
        .string()
        .regex(
          /^(severity|state|site|site\.kind|site\.region|asset\.kind|asset|alertname|labels\.[A-Za-z_][A-Za-z0-9_]*)$/,
          'a match key: severity, state, site, site.kind, site.region, asset.kind, asset, alertname or labels.NAME',
        ),
      z.union([z.string(), z.array(z.string()).min(1)]),
    ),
  })
  .strict();
export type PlaybookTrigger = z.infer<typeof PlaybookTrigger>;

/** A condition on live data, read when a `wait` or `branch` step checks it. */
export type PlaybookCondition =
  | { siteWait: { site: string; above?: number | undefined; below?: number | undefined } }
  | { assetHealth: { asset: string; is: z.infer<typeof Health> } }
  | { incidentState: { incident: string; is: z.infer<typeof IncidentState> } }
  | { siteMode: { site: string; is: SiteMode } }
  | { input: { name: string; equals: string | number | boolean } }
  | { all: PlaybookCondition[] }
  | { any: PlaybookCondition[] }
  | { not: PlaybookCondition };
export const PlaybookCondition: z.ZodType<PlaybookCondition> = z.lazy(() =>
  z.union(
    [
      z.object({ siteWait: z.object({ site: z.string(), above: z.number().optional(), below: z.number().optional() }).strict() }).strict(),
      z.object({ assetHealth: z.object({ asset: z.string(), is: Health }).strict() }).strict(),
      z.object({ incidentState: z.object({ incident: z.string(), is: IncidentState }).strict() }).strict(),
      z.object({ siteMode: z.object({ site: z.string(), is: SiteMode }).strict() }).strict(),
      z.object({ input: z.object({ name: PlaybookName, equals: z.union([z.string(), z.number(), z.boolean()]) }).strict() }).strict(),
      z.object({ all: z.array(PlaybookCondition).min(1) }).strict(),
      z.object({ any: z.array(PlaybookCondition).min(1) }).strict(),
      z.object({ not: PlaybookCondition }).strict(),
    ],
    { error: 'a condition: one of siteWait, assetHealth, incidentState, siteMode, input, all, any or not' },
  ),
);

/** Where a step goes next when it fails or times out: stop the run, go on, run a named step, or pause for a person. */
export const StepOutcomeRoute = z.union([z.enum(['stop', 'continue', 'pause']), z.object({ goto: PlaybookName }).strict()], {
  error: 'stop, continue, pause, or { goto: STEP-ID }',
});
export type StepOutcomeRoute = z.infer<typeof StepOutcomeRoute>;

/** What every step has, whatever it does. */
const StepBase = {
  id: PlaybookName,
  title: BilingualText,
  /** The step gives up after this long and goes to onTimeout (default: pause). */
  timeout: PlaybookDuration.optional(),
  onTimeout: StepOutcomeRoute.optional(),
  /** Tried again this many times, this long apart, before onFailure. */
  retries: z.object({ count: z.number().int().min(1).max(10), delay: PlaybookDuration }).strict().optional(),
  onFailure: StepOutcomeRoute.optional(),
  /** Drill scoring: the step should be done this long after the run started. */
  within: PlaybookDuration.optional(),
  /** A milestone of the response (scored and shown in the after-action report). */
  milestone: z.boolean().optional(),
};

export const PlaybookStep = z.discriminatedUnion('type', [
  /** Remote diagnostics of a site, asset or incident (the diagnostics runner, probes only). */
  z.object({ ...StepBase, type: z.literal('diagnose'), target: z.string() }).strict(),
  /** A remote fix through the diagnostics runner; reaches the device with the step's idempotency key. */
  z
    .object({
      ...StepBase,
      type: z.literal('remediate'),
      target: z.string(),
      action: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    })
    .strict(),
  /** A message to a chat channel or to everyone of a role, through the bot's outbox. */
  z
    .object({ ...StepBase, type: z.literal('notify'), channel: z.string().optional(), role: Role.optional(), message: BilingualText })
    .strict()
    .refine((s) => (s.channel === undefined) !== (s.role === undefined), 'exactly one of channel and role'),
  /** Assigns the run's incident (or the named one) to a person. */
  z.object({ ...StepBase, type: z.literal('assign'), to: z.string(), incident: z.string().optional() }).strict(),
  /** People of these roles approve before the run goes on; two-person: the requester cannot, and two distinct people must. */
  z
    .object({
      ...StepBase,
      type: z.literal('approval'),
      roles: z.array(Role).min(1),
      'two-person': z.boolean().optional(),
      reason: BilingualText.optional(),
    })
    .strict(),
  /** A person confirms each item. */
  z.object({ ...StepBase, type: z.literal('checklist'), items: z.array(BilingualText).min(1) }).strict(),
  /** Waits a duration, or until a condition on live data holds. */
  z
    .object({ ...StepBase, type: z.literal('wait'), for: PlaybookDuration.optional(), until: PlaybookCondition.optional() })
    .strict()
    .refine((s) => (s.for === undefined) !== (s.until === undefined), 'exactly one of for and until'),
  /** Switches a site (or the whole fleet: site "fleet") to a mode. */
  z.object({ ...StepBase, type: z.literal('set-mode'), site: z.string(), mode: SiteMode }).strict(),
  /**
   * Drills only: injects a fault into the demo fleet (a run that is not a drill skips it, recorded as skipped).
   * `silence: true` also silences the asset's alerts, for the fault's `for` or until the drill ends.
   */
  z
    .object({ ...StepBase, type: z.literal('inject'), asset: z.string(), fault: z.string(), for: PlaybookDuration.optional(), silence: z.boolean().optional() })
    .strict(),
  /** Goes to `then` when the condition holds, else to `else` (or on). */
  z
    .object({ ...StepBase, type: z.literal('branch'), if: PlaybookCondition, then: PlaybookName, else: PlaybookName.optional() })
    .strict(),
]);
export type PlaybookStep = z.infer<typeof PlaybookStep>;
export type PlaybookStepType = PlaybookStep['type'];

/** One playbook file, as validated. Step ids are unique and every goto/then/else names a step (checked by the loader). */
export const PlaybookDefinition = z
  .object({
    id: PlaybookName,
    version: z.number().int().positive(),
    title: BilingualText,
    description: BilingualText,
    severity: Severity,
    scope: z
      .object({ siteKinds: z.array(SiteKind).min(1).optional(), regions: z.array(z.string()).min(1).optional() })
      .strict()
      .default({}),
    inputs: z.array(PlaybookInput).default([]),
    triggers: z.array(PlaybookTrigger).default([]),
    /** Run (not only propose) on a matching incident — if an admin enabled auto-runs. */
    auto: z.boolean().default(false),
    /** Drill scoring: time to first action and to recovery. */
    targets: z.object({ firstAction: PlaybookDuration.optional(), recovery: PlaybookDuration.optional() }).strict().default({}),
    steps: z.array(PlaybookStep).min(1),
  })
  .strict();
export type PlaybookDefinition = z.infer<typeof PlaybookDefinition>;

/** The asset kinds a trigger's `asset.kind` may name (for the loader's check of match values). */
export const TRIGGER_VALUE_SETS = {
  severity: Severity.options,
  'asset.kind': AssetKind.options,
  'site.kind': SiteKind.options,
  state: IncidentState.options,
} as const;
