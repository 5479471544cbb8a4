// What a named action does to a device, decided when the work is finished
// (the device may have changed meanwhile). Only the actions in a fault kind's
// fixedBy remove it; anything else is carried out and leaves it where it was.
import type { DeviceAction } from '../../devices/device-api.js';
import { DEVICE_KINDS } from './device-kinds.js';
import type { DeviceState, StoredOutcome } from './device-state.js';
import { EmulatorRequestError } from './errors.js';

export type ActionParams = Readonly<Record<string, string | number | boolean>>;

export interface ActionEffect {
  outcome: StoredOutcome;
  /** The fault is gone. */
  clears: boolean;
  mode?: 'online' | 'offline';
  reboots?: boolean;
}

export function offers(device: DeviceState, action: DeviceAction): boolean {
  return DEVICE_KINDS[device.asset.kind].actions.includes(action);
}

/** Refuses, before anything is done, a request the device cannot read. */
export function checkParams(action: DeviceAction, params: ActionParams): void {
  if (action === 'switch-mode' && params.mode !== 'offline' && params.mode !== 'online') {
    throw new EmulatorRequestError(400, 'bad_request', 'switch-mode needs params.mode "offline" or "online"');
  }
}

// What the device says it did when the action removed nothing.
const CARRIED_OUT: Partial<Record<DeviceAction, string>> = {
  'restart-service': 'service restarted',
  reboot: 'rebooted',
  recalibrate: 'recalibrated',
  'resync-clock': 'clock synchronised with NTP',
  'renew-certificate': 'certificate renewed',
  'renew-token': 'token renewed',
};
// Actions with nothing to act on unless their fault is present.
const NOTHING_TO_DO: Partial<Record<DeviceAction, string>> = {
  'clear-jam': 'no jam detected',
  'free-storage': 'storage is below the clean-up threshold',
  'failover-link': 'already on the best available path',
};
const FIXED: Partial<Record<DeviceAction, string>> = {
  'clear-jam': 'jam cleared',
  'free-storage': 'freed space under the retention policy',
  'failover-link': 'traffic moved to the standby path',
};

export function effectOf(device: DeviceState, action: DeviceAction, params: ActionParams): ActionEffect {
  const fault = device.fault;
  const clears = fault !== null && fault.kind.fixedBy.includes(action);
  const done = (message: string, extra: Partial<ActionEffect> = {}): ActionEffect => ({
    outcome: { action, status: 'done', message },
    clears,
    ...extra,
  });
  if (action === 'switch-mode') {
    const mode = params.mode === 'offline' ? 'offline' : 'online';
    return done(mode === 'offline' ? 'switched to offline processing' : 'switched to online processing', { mode });
  }
  if (action === 'reboot') return done(CARRIED_OUT.reboot!, { reboots: true });
  if (clears) return done(FIXED[action] ?? CARRIED_OUT[action] ?? 'done');
  if (action === 'failover-link' && fault?.kind.checks.standby?.status === 'fail') {
    return { outcome: { action, status: 'failed', message: 'no standby path available' }, clears: false };
  }
  const idle = NOTHING_TO_DO[action];
  if (idle) return { outcome: { action, status: 'not_applicable', message: idle }, clears: false };
  return done(CARRIED_OUT[action] ?? 'done');
}

/** Real time an action takes: a little for most, a couple of seconds at most for a reboot. */
export function defaultEffortMs(action: DeviceAction): number {
  const [low, high] = action === 'reboot' ? [600, 1500] : [50, 300];
  return low + Math.random() * (high - low);
}
