// `--watch` as the list views declare it: one option, so its words and its
// refusal in chat (a chat reply cannot follow the hub) are the same on each.
import { Option } from 'commander';
import { refuseInChat } from '../metadata.js';

export function watchOption(): Option {
  return refuseInChat(new Option('-w, --watch', 'keep following the hub: redrawn on a terminal; piped, a line (with --json, a JSON object) per change; Ctrl-C stops'), {
    en: 'it follows the hub until stopped; run it in a terminal, or ask again for a fresh view',
    ar: 'يتابع المركز حتى يُوقف؛ نفّذه في الطرفية، أو اطلب العرض مجدداً',
  });
}
