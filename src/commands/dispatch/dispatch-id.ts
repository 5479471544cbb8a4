// Dispatch ids as people type them: DSP-000001, dsp-1 or 1.
import { completeWith } from '../completion/dynamic.js';
import { Argument } from 'commander';
import { UsageError } from '../../core/errors.js';

export function normalizeDispatchId(text: string): string {
  const m = /^(?:dsp-?)?0*(\d{1,9})$/i.exec(text.trim());
  if (!m) throw new UsageError(`not a dispatch id: ${text}`, { hint: 'write it as DSP-000001, dsp-1 or 1' });
  return `DSP-${m[1]!.padStart(6, '0')}`;
}

export const dispatchIdArgument = () => completeWith(new Argument('<id>', 'DSP-000001, dsp-1 or 1'), 'dispatches');
