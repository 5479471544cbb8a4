// The handover a verb acts on: HO-000007 or 7 name it; none names the latest.
import { Argument } from 'commander';

export const handoverIdArgument = () => new Argument('[id]', 'a handover (HO-000007, 7); default: the latest');

/** HO-000007 for 7; anything else as typed (the hub says whether it knows it). */
export function handoverId(text: string | undefined): string | undefined {
  const id = text?.trim();
  if (!id) return undefined;
  return /^\d{1,9}$/.test(id) ? `HO-${id.padStart(6, '0')}` : id;
}
