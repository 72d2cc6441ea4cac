/**
 * @module i18n/ar/shared
 * Arabic (Modern Standard Arabic), translated from `en/`: every key, the same `{placeholders}`.
 * An unofficial translation by Candor, not ICMEC's (the screens say so once). Pages set dir="rtl".
 * Instructions use the polite "يُرجى" + verbal noun or a plain imperative; "ـك" (your) is left
 * unvowelled, so it addresses a woman or a man alike.
 *
 * Glossary (use these words, and only these, for the same things):
 * - topic: موضوع · facilitator: الميسِّر (console: لوحة الميسِّر; link: رابط الميسِّر) · participant: مشارك
 * - consensus: التوافق (recorded consensus: التوافق المسجَّل) · answers/ballot: الإجابات
 * - rating: تقييم; to rate: قيّم · reveal: عرض النتائج · round: جولة · voting closes: يُغلق التصويت
 * - k gate: "حد إخفاء الهوية (k)"; "at least {n} people have rated": "قيّم {n} أشخاص على الأقل"
 * - Don't know: "لا أعرف" · Service not available: "الخدمة غير متوفرة" · facility: مرفق (صحي)
 * - AAAQ: التوافر وإمكانية الوصول والمقبولية والجودة (الاختصار الإنجليزي AAAQ) · HT/E: الاتجار بالبشر والاستغلال
 * - pass: تصريح دخول (تصريح) · action item: إجراء · summary: الملخص · toolkit: مجموعة الأدوات · join code: رمز الجلسة
 * Plurals follow the six Arabic categories: zero and other (100+) take the singular noun
 * (٠ شخص، ١٠٠ شخص), one and two keep the number for clarity (١ شخص، ٢ شخصان), few (3–10) the
 * plural (٣ أشخاص), many (11–99) the singular accusative (١١ شخصًا).
 *
 * This file: the strings every page uses. The page's other areas sit beside it (see ../areas.ts).
 */
const messages = {
  // ---- app-wide ----
  "app.name": "Candor",
  "app.tagline": "تقييم جماعي مجهول الهوية لا يحتفظ إلا بالتوافق",
  "app.credit":
    "أسئلة التقييم مأخوذة من: International Centre for Missing & Exploited Children (ICMEC)، Health & Mental Health Service Assessment Toolkit، الطبعة الثانية.",
  "common.loading": "جارٍ التحميل…",
  "common.networkError": "تعذّر الوصول إلى الخادم. تحقّق من الاتصال وحاول مرة أخرى.",
  "common.tryAgain": "حاول مرة أخرى",
  "common.cancel": "إلغاء",
  "common.copied": "تم النسخ",
  "common.copyFailed": "تعذّر النسخ — حدِّد النص وانسخه يدويًا.",
  "common.required": "(مطلوب)",
  "common.close": "إغلاق",
  "common.charCount": "{n} / {max}",
  "common.charsLeft": "متبقٍّ {n} من الأحرف",
  "common.charLimitReached": "تم بلوغ الحد الأقصى وهو {max} من الأحرف",

  // ---- i18n ----
  "language.label": "اللغة",
  "language.unofficial": "ترجمة غير رسمية من Candor؛ مجموعة الأدوات الأصلية باللغة الإنجليزية (ICMEC).",
} satisfies Record<string, string>;
export default messages;
