import { fails, metric, partFailed } from './conditions.js';
import { freeStorage, reboot, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const cctvCatalog: KindCatalog = {
  kind: 'cctv',
  checks: ['stream', 'storage', 'sensor'],
  rules: [
    { code: 'stream-stalled', text: 'video stream has stalled', cause: 'software', when: [fails('stream')], remediations: [restartService, reboot] },
    { code: 'storage-full', text: 'recording storage is full (≥ 95 %)', cause: 'software', when: [fails('storage')], remediations: [freeStorage, reboot] },
    { code: 'storage-nearly-full', text: 'recording storage at or above 95 % used', cause: 'software', when: [metric('storageUsedPct', '>=', 95)], unless: [fails('storage')], remediations: [freeStorage] },
    partFailed('sensor-failed', 'sensor', 'camera image sensor has failed', ['camera head / image sensor']),
  ],
  fallback: [restartService, reboot],
};
