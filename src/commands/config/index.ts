// The `config` noun: it only names its verbs, in the order help lists them.
import { defineNoun } from '../verb.js';
import { configCurrent } from './current.js';
import { configGet } from './get.js';
import { configDeleteProfile, configRenameProfile } from './profiles.js';
import { configList } from './list.js';
import { configSet } from './set.js';
import { configUse } from './use.js';

export const config = defineNoun({
  name: 'config',
  description: 'profiles: which hub, which token',
  // The bot's own local profiles: chat users have none, and `config list` would show the bot's connection.
  metadata: { refusedInChat: { en: "it manages a terminal's local profiles; the bot connects for you", ar: 'يدير إعدادات الطرفية المحلية؛ البوت يتصل نيابةً عنك' } },
  verbs: [configGet, configSet, configList, configUse, configCurrent, configRenameProfile, configDeleteProfile],
});
