/**
 * @module i18n/ar/errors
 * Arabic: the API's error codes as the home page and the console word them (lib/apiErrorText.ts). Conventions, glossary and the unofficial marking: ./shared.ts.
 */
const messages = {
  "apiError.invalid-request": "لم تُقبل بعض البيانات: راجع الحقول المعلَّمة.",
  "apiError.malformed-json": "تعذّر على الخادم قراءة الطلب. أعد تحميل الصفحة وحاول مجددًا.",
  "apiError.unauthorized": "مفتاح الميسِّر مفقود.",
  "apiError.forbidden": "رفض الخادم هذا الطلب.",
  "apiError.not-found": "لم يجد الخادم ما طُلب.",
  "apiError.method-not-allowed": "لا يسمح الخادم بهذا الطلب.",
  "apiError.too-large": "الطلب كبير جدًا.",
  "apiError.unsupported-media-type": "تعذّر على الخادم قراءة صيغة الطلب. أعد تحميل الصفحة وحاول مجددًا.",
  "apiError.bad-request": "تعذّر على الخادم معالجة الطلب.",
  "apiError.internal": "واجه الخادم مشكلة. حاول مجددًا بعد لحظة.",
  "apiError.cross-origin": "تُرفض الطلبات القادمة من موقع آخر. افتح هذه الصفحة من عنوانها الخاص.",
  "apiError.too-many-joins": "محاولات كثيرة من هذه الشبكة: حاول مجددًا بعد بضع ثوانٍ.",
  "apiError.misconfigured": "الخادم غير مُعدّ بشكل صحيح. أبلغ من يديره.",
  "apiError.unavailable": "خدمة الجلسات غير متاحة الآن. حاول مجددًا بعد لحظة.",
  "apiError.no-room": "هذه الجلسة لم تعد موجودة.",
  "apiError.wrong-key": "رفض الخادم مفتاح الميسِّر.",
  "apiError.room-exists": "توجد جلسة بهذا العنوان بالفعل. حاول مجددًا.",
  "apiError.room-service-error": "واجهت خدمة الجلسات مشكلة. حاول مجددًا بعد لحظة.",
  "apiError.unknown-template": "هذا التقييم غير متاح على هذا الخادم.",
  "apiError.unknown-join-code": "لا توجد جلسة بهذا الرمز.",
  "apiError.key-required": "مفتاح الميسِّر مفقود.",
  "apiError.invalid-format": "هذه الصيغة غير متاحة.",
  "apiError.no-free-code": "لا يوجد رمز انضمام متاح الآن. حاول مجددًا.",
  "apiError.field": "لم يقبل الخادم هذا الحقل: راجعه.",
  "apiError.unexpected": "تعذّرت قراءة رد الخادم. أعد تحميل الصفحة وحاول مجددًا.",
  "apiError.unknown-language": "هذه اللغة غير متاحة.",
} satisfies Record<string, string>;
export default messages;
