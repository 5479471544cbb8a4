// The `maintenance` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { maintenanceAdd } from './add.js';
import { maintenanceCancel } from './cancel.js';
import { maintenanceList } from './list.js';

export const maintenance = defineNoun({
  name: 'maintenance',
  description: "sites' scheduled maintenance windows: alerts inside one open no incident",
  verbs: [maintenanceAdd, maintenanceList, maintenanceCancel],
});
