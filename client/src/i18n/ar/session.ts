/**
 * @module i18n/ar/session
 * Arabic: the strings of the pages that show a session's answers and facilities (phone, projector, console, home). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  // ---- answers and perspectives ----
  "answer.yes": "نعم",
  "answer.no": "لا",
  "answer.na": "لا ينطبق",
  "answer.na.short": "لا ينطبق",
  "timer.left": "الوقت المتبقي",
  "facilities.caption": "كيف قيّم المشاركون كل مرفق: {domain}",
  "facilities.facility": "المرفق",
  "facilities.median": "الوسيط",
  "facilities.status": "الحالة",
  "facilities.hidden": "التقييمات أقل من أن تُعرض",
  "facilities.withheld": "غير معروضة (انظر أعلاه)",
  "facilities.recorded": "المسجَّل: {v}",
  "facilities.recordedNone": "المسجَّل: لا توافق",
  "facilities.role.yours": "مرفقك",
  "facilities.role.underReview": "قيد المراجعة",
  "facilities.editor.hint":
    "مرفقك أنت وكل منظمة في شبكة الإحالة لديك، تُقيَّم واحدةً واحدةً بهذا الترتيب (حتى {max}). حدِّد مرفقك والمرفق قيد المراجعة إن كانا في القائمة. يمكنك تغيير القائمة من لوحة الميسِّر إلى أن يُفتح الموضوع.",
  "facilities.editor.nameLabel": "المرفق {n}",
  "facilities.editor.remove": "إزالة",
  "facilities.editor.add": "إضافة مرفق",
  "facilities.editor.pickLabel": "أو اختر واحدًا:",
  "facilities.editor.pickChoose": "اختر…",
  "facilities.editor.pickAdd": "إضافة",
  "facilities.editor.twice": "«{name}» مُدرَج مرتين.",
  "scale.dontKnowAdded": "«{label}» إضافة من Candor وليست من مجموعة الأدوات: على هذا المقياس يعني N/A في مجموعة الأدوات «{na}».",

  // ---- toolkit terms explained where they appear ----
  "terms.seeDefinition": "انظر التعريف",
  "terms.named": "{term}: {text}",
  "terms.standsFor": "{term} اختصار لـ:",
} satisfies Record<string, string>;
export default messages;
