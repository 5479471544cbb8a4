// The `inventory` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { inventoryApply } from './apply.js';
import { inventoryExport } from './export.js';
import { inventoryPlan } from './plan.js';

export const inventory = defineNoun({
  name: 'inventory',
  description: 'the inventory as code: plan and apply files of sites, assets, dependencies and alert labels; export what the hub holds',
  // Every verb reads or writes a whole file on the host it runs on.
  metadata: { refusedInChat: { en: "it reads and writes files on the bot's host; run it in a terminal", ar: 'يقرأ الملفات ويكتبها على جهاز البوت؛ نفّذه في الطرفية' } },
  verbs: [inventoryPlan, inventoryApply, inventoryExport],
});
