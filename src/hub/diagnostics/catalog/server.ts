import { fails, metric, partFailed } from './conditions.js';
import { freeStorage, reboot, renewCertificate, restartService, resyncClock } from './remediations.js';
import type { KindCatalog } from './types.js';

export const serverCatalog: KindCatalog = {
  kind: 'server',
  checks: ['service', 'disk', 'clock', 'certificate', 'power'],
  rules: [
    { code: 'disk-full', text: 'disk is full (≥ 95 %)', cause: 'software', when: [fails('disk')], remediations: [freeStorage, reboot] },
    { code: 'disk-nearly-full', text: 'disk at or above 95 % used', cause: 'software', when: [metric('diskUsedPct', '>=', 95)], unless: [fails('disk')], remediations: [freeStorage] },
    { code: 'service-failed', text: 'border-control service has failed', cause: 'software', when: [fails('service')], remediations: [restartService, reboot] },
    { code: 'clock-skew', text: 'clock is off by more than 2 s', cause: 'software', when: [fails('clock')], remediations: [resyncClock, reboot] },
    { code: 'clock-skew-metric', text: 'clock skew above 2 s', cause: 'software', when: [metric('clockSkewMs', 'abs>', 2000)], unless: [fails('clock')], remediations: [resyncClock] },
    { code: 'certificate-expired', text: 'TLS certificate has expired', cause: 'software', when: [fails('certificate')], remediations: [renewCertificate] },
    { code: 'certificate-expired-metric', text: 'certificate expiry at or before today', cause: 'software', when: [metric('certificateExpiresInDays', '<=', 0)], unless: [fails('certificate')], remediations: [renewCertificate] },
    partFailed('power-failed', 'power', 'server power supply has failed', ['power supply unit']),
  ],
  fallback: [restartService, reboot],
};
