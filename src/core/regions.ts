// The 13 regions' Arabic names, in the core because both the renderers (which
// show them) and the site lookup (which matches what people type: مكة) read them.
export const REGION_AR: Readonly<Record<string, string>> = {
  Riyadh: 'الرياض',
  Makkah: 'مكة المكرمة',
  Madinah: 'المدينة المنورة',
  'Eastern Province': 'المنطقة الشرقية',
  Qassim: 'القصيم',
  Asir: 'عسير',
  Tabuk: 'تبوك',
  Hail: 'حائل',
  'Northern Borders': 'الحدود الشمالية',
  Jazan: 'جازان',
  Najran: 'نجران',
  'Al Bahah': 'الباحة',
  'Al Jawf': 'الجوف',
};
