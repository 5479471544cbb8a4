// `kpi contact-centre`: the 992 line — the AI agent's share answered without a person (target 50%), abandonment, callers waiting, inquiries an hour.
import { kpiReportVerb } from './kpi-verb.js';

export const kpiContactCentre = kpiReportVerb('contact-centre', "the 992 line: the AI agent's share answered without a person (target 50%), abandonment (5%), callers waiting, inquiries an hour", [
  'kpi contact-centre',
  'kpi contact-centre --since 7d',
  'kpi contact-centre --site CC-992 --json',
]);
