// One look at a device: health, then metrics (for the metric thresholds).
// A device that cannot be probed becomes a finding, never an exception.
import type { Asset, DiagEvent } from '../../core/model.js';
import type { DeviceClient } from '../../devices/device-client.js';
import { findingsFor, managementFinding, type Diagnosis } from './findings.js';
import type { DeviceHealth } from '../../devices/device-api.js';
import { isTransportError } from '../../devices/errors.js';

export type ProbeResult =
  | { ok: true; health: DeviceHealth; diagnoses: Diagnosis[] }
  | { ok: false; diagnoses: Diagnosis[]; code: string };

export type Emit = (event: DiagEvent) => void;

function failureFinding(e: unknown): { diagnosis: Diagnosis; code: string } {
  if (!isTransportError(e)) throw e;
  const detail = e.message;
  switch (e.code) {
    case 'unreachable':
      return { diagnosis: managementFinding('management-unreachable', detail), code: e.code };
    case 'timeout':
      return { diagnosis: managementFinding('management-timeout', detail), code: e.code };
    case 'auth_failed':
      return { diagnosis: managementFinding('management-auth', detail), code: e.code };
    // A security finding: the runner never acts on, retries or "fixes" it.
    case 'host_key_mismatch':
      return { diagnosis: managementFinding('management-host-key', detail), code: e.code };
    default:
      return { diagnosis: managementFinding('management-error', detail), code: e.code };
  }
}

export async function probeDevice(device: DeviceClient | undefined, asset: Asset, emit: Emit, at: () => string): Promise<ProbeResult> {
  if (!device) {
    const diagnosis = managementFinding('no-management-endpoint', null);
    emit({ type: 'probe', at: at(), assetId: asset.id, probe: 'health', ok: false, status: null, durationMs: null, error: 'no_endpoint' });
    return { ok: false, diagnoses: [diagnosis], code: 'no_endpoint' };
  }
  let health: DeviceHealth & { durationMs: number };
  try {
    health = await device.health();
  } catch (e) {
    const { diagnosis, code } = failureFinding(e);
    emit({ type: 'probe', at: at(), assetId: asset.id, probe: 'health', ok: false, status: null, durationMs: null, error: code });
    return { ok: false, diagnoses: [diagnosis], code };
  }
  emit({ type: 'probe', at: at(), assetId: asset.id, probe: 'health', ok: true, status: health.status, durationMs: health.durationMs, error: null });
  let metrics: Record<string, number> = {};
  try {
    const answer = await device.metrics();
    metrics = answer.metrics;
    emit({ type: 'probe', at: at(), assetId: asset.id, probe: 'metrics', ok: true, status: null, durationMs: answer.durationMs, error: null });
  } catch (e) {
    // Health answered, so the device is reachable; the checks alone still say what is wrong.
    const { code } = failureFinding(e);
    emit({ type: 'probe', at: at(), assetId: asset.id, probe: 'metrics', ok: false, status: null, durationMs: null, error: code });
  }
  return { ok: true, health, diagnoses: findingsFor(asset.kind, health, metrics) };
}

/** One line for the timeline: what the device said about itself. */
export function describeProbe(result: ProbeResult): string {
  if (!result.ok) return `probe failed: ${result.diagnoses.map((d) => d.finding.text).join('; ')}`;
  const failing = result.health.checks.filter((c) => c.status !== 'pass');
  const checks = failing.map((c) => `${c.name} ${c.status}${c.detail ? ` (${c.detail})` : ''}`).join(', ');
  return `health ${result.health.status}${checks ? `: ${checks}` : ''}`;
}
