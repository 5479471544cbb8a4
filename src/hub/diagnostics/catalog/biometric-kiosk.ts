import { fails, partFailed } from './conditions.js';
import { reboot, recalibrate, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const biometricKioskCatalog: KindCatalog = {
  kind: 'biometric-kiosk',
  checks: ['service', 'scanner', 'display'],
  rules: [
    { code: 'service-failed', text: 'enrolment application has failed', cause: 'software', when: [fails('service')], remediations: [restartService, reboot] },
    { code: 'scanner-fault', text: 'biometric scanner failing (calibration)', cause: 'software', when: [fails('scanner')], remediations: [recalibrate, reboot] },
    partFailed('display-failed', 'display', 'kiosk display has failed', ['display panel']),
  ],
  fallback: [restartService, reboot],
};
