// Counts that read right in both languages: "1 asset" / "2 assets", and in
// Arabic the singular, dual and plural forms (and the accusative singular after
// 11–99) that Intl.PluralRules picks. One place, so no renderer hand-rolls `s'}`.
import type { Lang } from './labels.js';

type ArabicForm = 'one' | 'two' | 'few' | 'many' | 'other';

interface Noun {
  en: { one: string; other: string };
  /** one and two are whole phrases (Arabic drops the digit there); the rest follow the number. */
  ar: Record<ArabicForm, string>;
}

const NOUNS = {
  asset: {
    en: { one: 'asset', other: 'assets' },
    ar: { one: 'جهاز واحد', two: 'جهازان', few: 'أجهزة', many: 'جهازًا', other: 'جهاز' },
  },
  site: {
    en: { one: 'site', other: 'sites' },
    ar: { one: 'موقع واحد', two: 'موقعان', few: 'مواقع', many: 'موقعًا', other: 'موقع' },
  },
  openIncident: {
    en: { one: 'open incident', other: 'open incidents' },
    ar: { one: 'بلاغ مفتوح واحد', two: 'بلاغان مفتوحان', few: 'بلاغات مفتوحة', many: 'بلاغًا مفتوحًا', other: 'بلاغ مفتوح' },
  },
  fault: {
    en: { one: 'fault', other: 'faults' },
    ar: { one: 'عطل واحد', two: 'عطلان', few: 'أعطال', many: 'عطلًا', other: 'عطل' },
  },
  problem: {
    en: { one: 'problem', other: 'problems' },
    ar: { one: 'مشكلة واحدة', two: 'مشكلتان', few: 'مشكلات', many: 'مشكلة', other: 'مشكلة' },
  },
  file: {
    en: { one: 'file', other: 'files' },
    ar: { one: 'ملف واحد', two: 'ملفان', few: 'ملفات', many: 'ملفًا', other: 'ملف' },
  },
  step: {
    en: { one: 'step', other: 'steps' },
    ar: { one: 'خطوة واحدة', two: 'خطوتان', few: 'خطوات', many: 'خطوة', other: 'خطوة' },
  },
} satisfies Record<string, Noun>;

export type CountedNoun = keyof typeof NOUNS;

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ar: new Intl.PluralRules('ar') };

/** `n` with its noun in the form the language wants for that number. */
export function countOf(n: number, noun: CountedNoun, lang: Lang = 'en'): string {
  const forms = NOUNS[noun];
  const rule = RULES[lang].select(n);
  if (lang === 'en') return `${n} ${rule === 'one' ? forms.en.one : forms.en.other}`;
  // Arabic "zero" (0) takes the plain plural-of-many form, as 100 does.
  const form: ArabicForm = rule === 'zero' ? 'other' : (rule as ArabicForm);
  return form === 'one' || form === 'two' ? forms.ar[form] : `${n} ${forms.ar[form]}`;
}
