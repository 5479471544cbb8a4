import { fails, metric, partFailed } from './conditions.js';
import { freeStorage, reboot, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const bodycamCatalog: KindCatalog = {
  kind: 'bodycam',
  checks: ['dock', 'storage', 'battery'],
  rules: [
    { code: 'dock-upload-failed', text: 'dock upload has failed', cause: 'software', when: [fails('dock')], remediations: [restartService, reboot] },
    { code: 'storage-full', text: 'camera storage is full (≥ 95 %)', cause: 'software', when: [fails('storage')], remediations: [freeStorage, reboot] },
    { code: 'storage-nearly-full', text: 'camera storage at or above 95 % used', cause: 'software', when: [metric('storageUsedPct', '>=', 95)], unless: [fails('storage')], remediations: [freeStorage] },
    partFailed('battery-failed', 'battery', 'camera battery has failed', ['body camera battery']),
  ],
  fallback: [restartService, reboot],
};
