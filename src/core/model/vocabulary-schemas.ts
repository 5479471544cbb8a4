// The fixed vocabularies (vocabulary.ts) as zod schemas, for the hub's
// validation; front ends take the plain constants and types from vocabulary.ts.
import { z } from 'zod';
import {
  ASSET_KINDS,
  ASSIGNER_AUTHORITIES,
  CHANNELS,
  DIAG_VERDICTS,
  DISPATCH_PRIORITIES,
  DISPATCH_STATES,
  HEALTHS,
  INCIDENT_STATES,
  ROLES,
  TOKEN_ROLES,
  SEVERITIES,
  SITE_KINDS,
  TIMELINE_KINDS,
} from '../vocabulary.js';

// The constants and helpers too; each type name below is its schema's, which
// wins over the plain type of the same name.
export * from '../vocabulary.js';

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const IncidentState = z.enum(INCIDENT_STATES);
export type IncidentState = z.infer<typeof IncidentState>;

export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const TokenRole = z.enum(TOKEN_ROLES);
export type TokenRole = z.infer<typeof TokenRole>;

export const SiteKind = z.enum(SITE_KINDS);
export type SiteKind = z.infer<typeof SiteKind>;

export const Health = z.enum(HEALTHS);
export type Health = z.infer<typeof Health>;

export const AssetKind = z.enum(ASSET_KINDS);
export type AssetKind = z.infer<typeof AssetKind>;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;
export const DiagVerdict = z.enum(DIAG_VERDICTS);
export type DiagVerdict = z.infer<typeof DiagVerdict>;
export const DispatchState = z.enum(DISPATCH_STATES);
export type DispatchState = z.infer<typeof DispatchState>;

export const AssignerAuthority = z.enum(ASSIGNER_AUTHORITIES);
export type AssignerAuthority = z.infer<typeof AssignerAuthority>;

export const DispatchPriority = z.enum(DISPATCH_PRIORITIES);
export type DispatchPriority = z.infer<typeof DispatchPriority>;
