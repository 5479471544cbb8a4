// What a device answers to the read-only probes: health, metrics, logs. Pure
// functions of its state, so the answer always matches the ground truth.
import type { DeviceHealth, DeviceMetrics } from '../../devices/device-api.js';
import { DEVICE_KINDS, normalMetrics } from './device-kinds.js';
import type { DeviceState } from './device-state.js';

const OFFLINE_DETAIL = 'offline processing: documents are queued for checking when the platform returns';

export function healthOf(device: DeviceState, now: number): DeviceHealth {
  const kind = DEVICE_KINDS[device.asset.kind];
  const fault = device.fault;
  const offline = device.mode === 'offline';
  const checks = kind.checks.map((name) => {
    const symptom = fault?.kind.checks[name];
    if (symptom) return { name, status: symptom.status, detail: symptom.detail };
    if (name === 'mode' && offline) return { name, status: 'warn' as const, detail: OFFLINE_DETAIL };
    return { name, status: 'pass' as const };
  });
  let status: DeviceHealth['status'] = 'ok';
  if (fault) status = fault.mitigated ? 'degraded' : fault.kind.status;
  else if (offline) status = 'degraded';
  return {
    status,
    checks,
    firmware: fault?.kind.firmware ?? kind.firmware,
    uptimeSeconds: Math.max(0, Math.floor((now - device.bootedAt) / 1000)),
  };
}

export function metricsOf(device: DeviceState, now: number): DeviceMetrics {
  return {
    at: new Date(now).toISOString(),
    metrics: { ...normalMetrics(device.asset.kind, device.asset.id), ...device.fault?.kind.metrics },
  };
}
