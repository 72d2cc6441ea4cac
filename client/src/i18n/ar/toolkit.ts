/**
 * @module i18n/ar/toolkit
 * Arabic: the strings of the toolkit pages (toolkit page, home, console). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "toolkit.docTitle": "مجموعة الأدوات — Candor",
  "toolkit.heading": "مجموعة الأدوات: الإرشادات والموارد والتعريفات",
  "toolkit.intro":
    "ما توصي به مجموعة الأدوات لكل موضوع، والموارد التي تذكرها، والمصطلحات التي تعرّفها، للقراءة قبل ورشة العمل أو للرجوع إليها أثناءها. النص هو نص مجموعة الأدوات نفسها.",
  "toolkit.contents": "المواضيع",
  "toolkit.generalResources": "موارد لكل المواضيع",
  "toolkit.definitions": "التعريفات",
  "toolkit.noGuidance": "لا تقدّم مجموعة الأدوات إرشادات خاصة بهذا الموضوع.",
  "toolkit.noResources": "لا تذكر مجموعة الأدوات أي موارد تحت هذا العنوان.",
  "toolkit.newTab": "(يُفتح في علامة تبويب جديدة)",
  "toolkit.portal": "مواد الناشر: {title}",
  "toolkit.failed": "تعذّر تحميل مجموعة الأدوات.",
  "toolkit.link": "اقرأ مجموعة الأدوات: الإرشادات والموارد والتعريفات حسب الموضوع",
  "toolkit.inEnglish": "الإرشادات والموارد باللغة الإنجليزية: لم تُترجم.",
} satisfies Record<string, string>;
export default messages;
