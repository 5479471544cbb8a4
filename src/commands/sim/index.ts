// The `sim` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { simFaults } from './faults.js';
import { simInject } from './inject.js';
import { simKinds } from './kinds.js';

export const sim = defineNoun({
  name: 'sim',
  description: "the demo's device emulator: inject faults, see the ground truth",
  // Drives the device emulator through a URL from a local profile and injects faults.
  metadata: { refusedInChat: { en: 'it controls the demo device emulator; use it from a terminal', ar: 'يتحكم بمحاكي الأجهزة التجريبي؛ استخدمه من الطرفية' } },
  verbs: [simInject, simFaults, simKinds],
});
