import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/core/model.js';
import { exactSites, resolveSite } from '../../src/core/site-match.js';
import { normalizeText } from '../../src/core/text.js';

function site(id: string, en: string, ar: string, city = 'Riyadh', more: Partial<Site> = {}): Site {
  return {
    id,
    name: { en, ar },
    kind: 'air',
    region: 'Riyadh',
    city,
    cityAr: null,
    lat: 0,
    lon: 0,
    neighbour: null,
    annualPassengers: null,
    staff: 10,
    source: null,
    ...more,
  };
}

const SITES: Site[] = [
  site('RUH', 'King Khalid International Airport', 'مطار الملك خالد الدولي'),
  site('JED', 'King Abdulaziz International Airport', 'مطار الملك عبدالعزيز الدولي', 'Jeddah'),
  site('DMM', 'King Fahd International Airport', 'مطار الملك فهد الدولي', 'Dammam'),
  site('LND-KFC', 'King Fahd Causeway', 'جسر الملك فهد', 'Khobar'),
  site('SC-RUH-01', 'Riyadh Region Passports', 'إدارة جوازات منطقة الرياض'),
];

describe('resolveSite', () => {
  it('matches an id whatever its case', () => {
    expect(resolveSite(SITES, 'ruh').site?.id).toBe('RUH');
    expect(resolveSite(SITES, ' lnd-kfc ').site?.id).toBe('LND-KFC');
  });

  it('matches a unique English or Arabic name fragment', () => {
    expect(resolveSite(SITES, 'khalid').site?.id).toBe('RUH');
    expect(resolveSite(SITES, 'causeway').site?.id).toBe('LND-KFC');
    expect(resolveSite(SITES, 'الملك خالد').site?.id).toBe('RUH');
    expect(resolveSite(SITES, 'جسر').site?.id).toBe('LND-KFC');
  });

  it('folds Arabic spelling variants people type', () => {
    // hamza-less alef and a diacritic still find "الرياض" / "إدارة"
    expect(resolveSite(SITES, 'اداره جوازات').site?.id).toBe('SC-RUH-01');
    expect(resolveSite(SITES, 'الرِّياض').site?.id).toBe('SC-RUH-01');
  });

  it('reports an ambiguous fragment with the candidates, picking none', () => {
    const r = resolveSite(SITES, 'king fahd');
    expect(r.site).toBeUndefined();
    expect(r.ambiguous).toBe(true);
    expect(r.suggestions.map((s) => s.id).sort()).toEqual(['DMM', 'LND-KFC']);
  });

  it('suggests the nearest sites for a typo', () => {
    const r = resolveSite(SITES, 'RHU');
    expect(r.site).toBeUndefined();
    expect(r.ambiguous).toBe(false);
    expect(r.suggestions[0]?.id).toBe('RUH');
  });

  it('suggests nothing for text that resembles no site', () => {
    expect(resolveSite(SITES, 'zzzzzzzzzz')).toEqual({ site: undefined, suggestions: [], ambiguous: false });
  });
});

// Real names that share words: JED's name is inside its Hajj terminal's, and
// GIZ's holds every word of it; Jeddah and Riyadh are cities of several sites.
const NAMED: Site[] = [
  site('RUH', 'King Khalid International Airport', 'مطار الملك خالد الدولي', 'Riyadh', { cityAr: 'الرياض' }),
  site('JED', 'King Abdulaziz International Airport', 'مطار الملك عبدالعزيز الدولي', 'Jeddah', { cityAr: 'جدة' }),
  site('JED-HAJJ', 'King Abdulaziz International Airport - Hajj Terminal', 'صالة الحجاج - مطار الملك عبدالعزيز الدولي', 'Jeddah', { cityAr: 'جدة' }),
  site('GIZ', 'King Abdullah bin Abdulaziz International Airport', 'مطار الملك عبدالله بن عبدالعزيز الدولي', 'Jazan', { cityAr: 'جازان' }),
  site('LND-DURRA', 'Al-Durra Border Crossing', 'منفذ الدرة', 'Haql', { kind: 'land', cityAr: 'حقل' }),
  site('SC-MAK-03', 'Jeddah Governorate Passports Department', 'جوازات محافظة جدة', 'Jeddah', { kind: 'service-centre', cityAr: 'جدة' }),
  site('SC-RIY-01', 'Riyadh Region Passports Directorate', 'إدارة جوازات منطقة الرياض', 'Riyadh', { kind: 'service-centre', cityAr: 'الرياض' }),
  site('SEA-JED', 'Jeddah Islamic Port', 'ميناء جدة الإسلامي', 'Jeddah', { kind: 'sea', cityAr: 'جدة' }),
];

describe('resolveSite: exact names and cities before fragments', () => {
  it('a whole name in English or Arabic is that site, not every site whose name holds it', () => {
    expect(resolveSite(NAMED, 'King Abdulaziz International Airport').site?.id).toBe('JED');
    expect(resolveSite(NAMED, 'مطار الملك عبدالعزيز الدولي').site?.id).toBe('JED');
    expect(resolveSite(NAMED, 'KING ABDULAZIZ INTERNATIONAL AIRPORT ').site?.id).toBe('JED');
    expect(resolveSite(NAMED, 'King Abdulaziz International Airport - Hajj Terminal').site?.id).toBe('JED-HAJJ');
    // A fragment both names hold is still both.
    expect(resolveSite(NAMED, 'abdulaziz international').ambiguous).toBe(true);
  });

  it('a city of one site is that site, in English or Arabic, though its name does not say it', () => {
    expect(resolveSite(NAMED, 'haql').site?.id).toBe('LND-DURRA');
    expect(resolveSite(NAMED, 'حقل').site?.id).toBe('LND-DURRA');
  });

  it('a city of several sites lists them, ports first, before any fragment match', () => {
    for (const typed of ['Jeddah', 'jeddah', 'جدة', 'جده']) {
      const r = resolveSite(NAMED, typed);
      expect(r.site).toBeUndefined();
      expect(r.ambiguous).toBe(true);
      expect(r.suggestions.map((s) => s.id)).toEqual(['JED', 'JED-HAJJ', 'SEA-JED', 'SC-MAK-03']);
    }
    // "Riyadh" is a fragment of one site's name only; as a city it names two.
    expect(resolveSite(NAMED, 'riyadh').suggestions.map((s) => s.id)).toEqual(['RUH', 'SC-RIY-01']);
  });

  it('an exact name wins over a city of the same words', () => {
    const clash = [...NAMED, site('X-1', 'Haql', 'حقل', 'Tabuk', { kind: 'sea' })];
    expect(resolveSite(clash, 'haql').site?.id).toBe('X-1');
  });

  it('a typo of a city suggests its sites', () => {
    expect(resolveSite(NAMED, 'jedah').suggestions.map((s) => s.id)).toContain('JED');
  });

  it('exactSites compares with the fold it is given', () => {
    const words = (t: string) => normalizeText(t).split(' ').filter((w) => w !== 'the').join(' ');
    expect(exactSites(NAMED, 'the King Abdulaziz International Airport', words).map((s) => s.id)).toEqual(['JED']);
    expect(exactSites(NAMED, 'airport')).toEqual([]);
  });
});

describe('normalizeText', () => {
  it('folds alef forms, taa marbuta, alef maqsura, tatweel and diacritics', () => {
    expect(normalizeText('إدارة')).toBe(normalizeText('اداره'));
    expect(normalizeText('مـطـار')).toBe('مطار');
    expect(normalizeText('مستشفى')).toBe('مستشفي');
    expect(normalizeText('King-Khalid  Airport')).toBe('king khalid airport');
  });
});
