// The device management API (v1) as the hub reads it: paths, the named
// actions, and the shape of every answer. README.md beside this file is the
// same contract in prose, for whoever serves it (the device emulator, a real
// device's adapter). Unknown fields are ignored, so devices may add more.
import { z } from 'zod';

export const DEVICE_API_PREFIX = '/mgmt/v1';

/** Remediations a device may offer, from least to most disruptive in spirit. */
export const DEVICE_ACTIONS = [
  'restart-service',
  'clear-jam',
  'free-storage',
  'resync-clock',
  'renew-certificate',
  'renew-token',
  'recalibrate',
  'failover-link',
  'switch-mode',
  'reboot',
] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

export function isDeviceAction(name: string): name is DeviceAction {
  return (DEVICE_ACTIONS as readonly string[]).includes(name);
}

export const DeviceCheck = z.object({
  name: z.string(),
  status: z.enum(['pass', 'warn', 'fail']),
  detail: z.string().optional(),
});
export type DeviceCheck = z.infer<typeof DeviceCheck>;

export const DeviceHealth = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checks: z.array(DeviceCheck),
  firmware: z.string().optional(),
  uptimeSeconds: z.number().nonnegative().optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

export const DeviceMetrics = z.object({
  at: z.string().optional(),
  metrics: z.record(z.string(), z.number()),
});
export type DeviceMetrics = z.infer<typeof DeviceMetrics>;

export const DeviceLogLine = z.object({
  at: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  message: z.string(),
});
export type DeviceLogLine = z.infer<typeof DeviceLogLine>;

export const DeviceLogs = z.object({ lines: z.array(DeviceLogLine) });
export type DeviceLogs = z.infer<typeof DeviceLogs>;

export const DeviceActionOutcome = z.object({
  action: z.string(),
  /** done: carried out; failed: tried and did not work; not_applicable: nothing to do on this device. */
  status: z.enum(['done', 'failed', 'not_applicable']),
  message: z.string().optional(),
  /** true when the Idempotency-Key was seen before: this is the stored outcome, nothing was done again. */
  replayed: z.boolean().default(false),
});
export type DeviceActionOutcome = z.infer<typeof DeviceActionOutcome>;

/** Body of every non-2xx answer. */
export const DeviceErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const LOG_LINES_MAX = 1000;

// Idempotency keys travel in a header: visible ASCII only, bounded.
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
