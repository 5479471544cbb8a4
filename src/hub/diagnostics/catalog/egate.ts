import { fails, partFailed } from './conditions.js';
import { clearJam, reboot, recalibrate, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const egateCatalog: KindCatalog = {
  kind: 'egate',
  checks: ['service', 'camera', 'card-reader', 'door'],
  rules: [
    { code: 'service-failed', text: 'gate application service has failed', cause: 'software', when: [fails('service')], remediations: [restartService, reboot] },
    { code: 'camera-fault', text: 'face camera failing (calibration)', cause: 'software', when: [fails('camera')], remediations: [recalibrate, reboot] },
    { code: 'card-reader-jam', text: 'document/card reader jammed', cause: 'software', when: [fails('card-reader')], remediations: [clearJam, reboot] },
    partFailed('door-failed', 'door', 'gate door mechanism has failed', ['door motor', 'door controller board']),
  ],
  fallback: [restartService, reboot],
};
