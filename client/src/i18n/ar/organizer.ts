/**
 * @module i18n/ar/organizer
 * Arabic: what the organizer's and facilitator's pages share and a phone never shows: the join
 * line (projector, console, the created session) and the lost-key warning (home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "join.heading": "انضم من هاتفك",
  "join.qrAlt": "رمز QR يفتح {url}",
  "join.codeLabel": "أو اذهب إلى {url} وأدخل الرمز",
  "join.line": "انضم عبر {url} بالرمز {code}",
  "keys.lost.heading": "إذا فُقد رابط الميسِّر",
  "keys.lost.noBackDoor":
    "لا يوجد باب خلفي. لا يحتفظ Candor إلا ببصمة للمفتاح، لذا لا يستطيع أحد فتح لوحة الميسِّر من دون الرابط: لا الجهة المنظِّمة، ولا من يدير هذا التثبيت.",
  "keys.lost.erasesOn":
    "عندئذٍ لا يستطيع أحد إنهاء الجلسة أو تنزيل ملخصها أو حذفها. تُمحى الجلسة تلقائيًا، بكل ما فيها، عند انتهاء مدة الاحتفاظ بها في {date}.",
  "keys.lost.erases":
    "عندئذٍ لا يستطيع أحد إنهاء الجلسة أو تنزيل ملخصها أو حذفها. تُمحى الجلسة تلقائيًا، بكل ما فيها، عند انتهاء مدة الاحتفاظ بها: بعد عدد الأيام الذي اختير عند إنشائها (30 ما لم يُغيَّر، و90 كحد أقصى).",
} satisfies Record<string, string>;
export default messages;
