// The words free-text questions are recognised by, in English and Arabic,
// written as normalizeText + stemWord leave them (ة→ه, no "ال").
import type { SiteKind } from '../../core/vocabulary.js';

export type IntentKind = 'status' | 'wait' | 'incidents';

export const INTENT_WORDS: Record<IntentKind, readonly string[]> = {
  wait: ['wait', 'waits', 'waiting', 'queue', 'queues', 'line', 'lines', 'delay', 'delays', 'انتظار', 'طابور', 'طوابير', 'زحام', 'زحمه'],
  incidents: [
    'incident', 'incidents', 'alert', 'alerts', 'issue', 'issues', 'problem', 'problems', 'fault', 'faults', 'outage', 'outages',
    'بلاغ', 'بلاغات', 'حادث', 'حوادث', 'مشكله', 'مشاكل', 'عطل', 'اعطال', 'تنبيه', 'تنبيهات',
  ],
  status: ['status', 'state', 'health', 'situation', 'overview', 'حاله', 'وضع', 'حال', 'صحه'],
};

/** "open" alone asks for incidents ("what's open in Makkah"); next to another intent it only qualifies it. */
export const OPEN_WORDS: readonly string[] = ['open', 'opened', 'unresolved', 'مفتوحه', 'مفتوح', 'قائمه'];

/** Words that ask about everything, not one place. */
export const FLEET_WORDS: readonly string[] = ['fleet', 'all', 'overall', 'everything', 'sites', 'summary', 'عام', 'كل', 'جميع', 'مواقع', 'منافذ'];

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'what', 'whats', 's', 'is', 'are', 'the', 'a', 'an', 'at', 'of', 'in', 'for', 'on', 'to', 'how', 'hows', 'long', 'me', 'show',
  'tell', 'please', 'pls', 'current', 'currently', 'now', 'right', 'there', 'any', 'with', 'from', 'give', 'get', 'about', 'it',
  'check', 'time', 'times', 'today', 'list', 'do', 'does', 'we', 'have', 'i', 'can', 'see', 'whole',
  'ما', 'ماهي', 'ماهو', 'كم', 'في', 'عن', 'من', 'على', 'الى', 'هل', 'وقت', 'اي', 'هي', 'هو', 'ان', 'حاليا', 'لو', 'سمحت',
  'ابي', 'ابغى', 'اعرف', 'عطني', 'وش', 'ايش', 'شو', 'كيف', 'يا', 'اليوم', 'مده', 'عند', 'لدى', 'عدد', 'اعرض', 'اظهر',
]);

const ASKED: ReadonlySet<string> = new Set([...Object.values(INTENT_WORDS).flat(), ...OPEN_WORDS]);

/** The words of a question left to name a place: neither stop words nor words that say what is asked. */
export function placeWords(words: readonly string[]): string[] {
  return words.filter((w) => !STOP_WORDS.has(w) && !ASKED.has(w));
}

/** Words that name a kind of site, matched like a word of its name ("jeddah airport"). */
export const KIND_WORDS: Record<SiteKind, readonly string[]> = {
  air: ['airport', 'airports', 'air', 'مطار', 'مطارات'],
  land: ['land', 'border', 'crossing', 'causeway', 'bridge', 'منفذ', 'منافذ', 'جسر', 'بري'],
  sea: ['sea', 'port', 'seaport', 'harbour', 'harbor', 'ميناء', 'موانئ', 'بحري'],
  'service-centre': ['centre', 'center', 'office', 'passports', 'مركز', 'جوازات', 'اداره'],
  'contact-centre': ['992', 'contact', 'call', 'calls', 'phone', 'hotline', 'اتصال', 'الاتصال', 'هاتف'],
};

/** English names people use for regions beside the directorate's spelling. */
export const REGION_ALIASES: Record<string, string> = {
  mecca: 'Makkah',
  makka: 'Makkah',
  medina: 'Madinah',
  eastern: 'Eastern Province',
  sharqiya: 'Eastern Province',
  jizan: 'Jazan',
  jouf: 'Al Jawf',
  baha: 'Al Bahah',
  northern: 'Northern Borders',
  شرقيه: 'Eastern Province',
};
