// `--match label=value` and `--match label=~regex` as Alertmanager writes
// matchers, read on the command line so a typo is exit 2 before any call.
import { UsageError } from '../../core/errors.js';
import type { LabelMatcher } from '../../core/model.js';
import { matcherRegExp } from '../../core/silence-rules.js';

const MATCHER = /^([A-Za-z_][A-Za-z0-9_]*)(=~|=)(.*)$/s;

export function parseMatcher(text: string): LabelMatcher {
  const m = MATCHER.exec(text.trim());
  if (!m) throw new UsageError(`--match: "${text}" is not label=value or label=~regex`, { hint: 'e.g. --match alertname=LinkDown or --match instance=~gw-.*' });
  const matcher: LabelMatcher = { label: m[1]!, op: m[2] as LabelMatcher['op'], value: m[3]! };
  if (matcher.op === '=~') matcherRegExp(matcher.label, matcher.value);
  return matcher;
}
