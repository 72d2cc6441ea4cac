/**
 * @module phone/PhoneHeader
 * The phone's header on every screen: the product's name, the language switcher (one tap, at any
 * time: the notice, a ballot half filled, the wait), and whatever the screen adds (the status line).
 */
import type { ComponentChildren } from "preact";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { lang, t } from "../i18n";
import { choosePersonalLanguage } from "../i18n/page";

export function PhoneHeader({ children }: { children?: ComponentChildren }) {
  return (
    <header class="phone-header">
      <p class="phone-header__title">{t("app.name")}</p>
      <LanguageSwitcher current={lang} onChoose={choosePersonalLanguage} />
      {children}
    </header>
  );
}
