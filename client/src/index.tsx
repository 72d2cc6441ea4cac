/**
 * @module index
 * Home (`/`): the organizer creates a session; afterwards the page shows the join code, QR and
 * the projector and console links. "Compare assessments" (up to 12 summaries) slots in below (CompareSlot).
 */
import "./lib/zod-jitless";
import { useState } from "preact/hooks";
import type { CreateRoomResponse } from "../../core/api";
import { CompareSlot } from "./home/CompareSlot";
import { CreateForm } from "./home/CreateForm";
import { Created } from "./home/Created";
import { LanguageSwitcher } from "./components/LanguageSwitcher";
import { lang, t } from "./i18n";
import { HOME_STRINGS } from "./i18n/pages/home";
import { choosePersonalLanguage, mountPage, personalLanguage } from "./i18n/page";
import "./home.css";

function Home() {
  const [created, setCreated] = useState<{ room: CreateRoomResponse; title: string } | null>(null);
  return (
    <>
      <header class="site-header">
        <p class="site-header__name">{t("app.name")}</p>
        <p class="site-header__tagline">{t("app.tagline")}</p>
        <LanguageSwitcher current={lang} onChoose={choosePersonalLanguage} />
      </header>
      <main class="home" id="main">
        <h1>{t("home.heading")}</h1>
        {created ? (
          <Created room={created.room} title={created.title} expiresAt={created.room.expiresAt} onAnother={() => setCreated(null)} />
        ) : (
          <>
            <p class="lead">{t("home.intro")}</p>
            <p>
              <a href="/toolkit">{t("toolkit.link")}</a>
            </p>
            <CreateForm onCreated={(room, title) => setCreated({ room, title })} />
          </>
        )}
        {/* SLOT: "Compare assessments" renders here. */}
        <CompareSlot />
      </main>
      <footer class="site-footer">
        <p>{t("app.credit")}</p>
      </footer>
    </>
  );
}

mountPage(HOME_STRINGS, "home.docTitle", personalLanguage(), () => <Home />);
