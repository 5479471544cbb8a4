// The `hub` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { hubBackup } from './backup.js';
import { hubRestore } from './restore.js';
import { hubStart } from './start.js';

export const hub = defineNoun({
  name: 'hub',
  description: 'the command-centre service',
  // Starts a hub (fastify, SQLite) inside the bot's process, or prints its bootstrap secret.
  metadata: { refusedInChat: { en: 'it starts or runs a hub process; do that on the hub machine', ar: 'يشغّل خادماً؛ نفّذه على جهاز الخادم' } },
  verbs: [hubStart, hubBackup, hubRestore],
});
