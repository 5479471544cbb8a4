import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/core/model.js';
import { resolveSite } from '../../src/core/site-match.js';
import { normalizeText } from '../../src/core/text.js';

function site(id: string, en: string, ar: string, city = 'Riyadh'): Site {
  return {
    id,
    name: { en, ar },
    kind: 'air',
    region: 'Riyadh',
    city,
    lat: 0,
    lon: 0,
    neighbour: null,
    annualPassengers: null,
    staff: 10,
    source: null,
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

describe('normalizeText', () => {
  it('folds alef forms, taa marbuta, alef maqsura, tatweel and diacritics', () => {
    expect(normalizeText('إدارة')).toBe(normalizeText('اداره'));
    expect(normalizeText('مـطـار')).toBe('مطار');
    expect(normalizeText('مستشفى')).toBe('مستشفي');
    expect(normalizeText('King-Khalid  Airport')).toBe('king khalid airport');
  });
});
