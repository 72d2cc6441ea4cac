// Scratch (not committed): screenshots of the screens in Arabic, Spanish and French for a look.
import { copyFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import type { CreateRoomResponse } from "../../core/api";
import { closeEverything, command, createRoom, facilitator, type JsonClient } from "../integration/clients";
import { BrowserRun, OUT, WAIT } from "./browser";

const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
const run = new BrowserRun({ prefix: "i18n" });
const withLang = (url: string, lang: string) => {
  const u = new URL(url);
  u.searchParams.set("lang", lang);
  return u.href;
};

async function pretendTranslated(page: Page): Promise<void> {
  await page.route(/\/api\/rooms\/[^/]+\/template/, async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    json.translation = { language: "ar", unofficial: true, credit: "ترجمة غير رسمية أعدّها Candor عن ICMEC.", outdated: false, fellBack: [] };
    await route.fulfill({ response: res, json });
  });
}

async function answerEverything(phone: Page): Promise<void> {
  const groups = phone.locator("form.ballot fieldset");
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const radio = groups.nth(i).locator("input[type=radio]").first();
    if (await radio.count()) await radio.check({ force: true });
  }
}

describe("languages, looked at", () => {
  let room: CreateRoomResponse;
  let fac: JsonClient;
  const phones: Record<string, Page> = {};
  afterAll(() => {
    closeEverything();
    for (const f of readdirSync(OUT)) if (f.startsWith("i18n-")) copyFileSync(join(OUT, f), join("/work/shots/i18n", f));
  });

  run.step("phones in ar and es: the notice", async () => {
    room = await createRoom(run.stack, { title: "مراجعة خدمات الصحة النفسية", lang: "ar", domainIds: ["privacy", "services-aaaq"], k: 3, facilities: [{ name: "Clinic A", yours: true, underReview: true }, { name: "مستشفى ب" }] });
    fac = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    for (const lang of ["ar", "es", "fr"]) {
      const phone = await run.open(`phone-${lang}`, PHONE);
      if (lang === "ar") {
        // Until the Worker translates, pretend it did: the notice's "unofficial translation" line.
        await phone.route(/\/api\/rooms\/[^/]+\/template/, async (route) => {
          const res = await route.fetch();
          const json = await res.json();
          json.translation = { language: "ar", unofficial: true, credit: "ترجمة غير رسمية أعدّها Candor عن ICMEC.", outdated: false, fellBack: [] };
          await route.fulfill({ response: res, json });
        });
      }
      await phone.goto(withLang(room.joinUrl, lang));
      await phone.locator(".welcome-form button[type=submit]").waitFor({ timeout: WAIT });
      await phone.waitForTimeout(1500);
      expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, lang === "ar" ? "rtl" : "ltr"]);
      await run.screen(phone, `phone-${lang}-notice`);
      await phone.locator(".welcome-form button[type=submit]").click();
      phones[lang] = phone;
    }
  });

  run.step("the projector and the console in ar (the session's language)", async () => {
    const projector = await run.open("projector", { viewport: { width: 1024, height: 768 } });
    await pretendTranslated(projector);
    await projector.goto(room.projectorUrl);
    await projector.locator(".projector__header").waitFor({ timeout: WAIT });
    await projector.waitForTimeout(1500);
    await run.screen(projector, "projector-ar-lobby", false);
    const console_ = await run.open("console", { viewport: { width: 1280, height: 900 } });
    await pretendTranslated(console_);
    await console_.goto(room.facilitatorUrl);
    await console_.locator(".console__header").waitFor({ timeout: WAIT });
    await console_.waitForTimeout(1500);
    await run.screen(console_, "console-ar");
  });

  run.step("a round: ballots in ar and es, sent", async () => {
    expect(await command(fac, { op: "open", domainId: "privacy" })).toMatchObject({ t: "done" });
    for (const lang of ["ar", "es", "fr"]) {
      const phone = phones[lang]!;
      await phone.locator("form.ballot").waitFor({ timeout: WAIT });
      await answerEverything(phone);
      await run.screen(phone, `phone-${lang}-ballot`);
      await phone.locator("form.ballot button[type=submit]").click();
      await phone.waitForTimeout(1500);
      await run.screen(phone, `phone-${lang}-submitted`);
    }
    // Switch the Spanish phone to Arabic mid-session: in place.
    await phones.es!.getByRole("button", { name: "العربية" }).click();
    await phones.es!.waitForTimeout(1000);
    await run.screen(phones.es!, "phone-es-switched-to-ar");
    expect(await command(fac, { op: "close" })).toMatchObject({ t: "done" });
  });

  run.step("results on the projector in ar, the home page in fr, the toolkit in ar", async () => {
    const projector = run.pages.get("projector")!;
    await projector.waitForTimeout(4000);
    await run.screen(projector, "projector-ar-result", false);
    const console_ = run.pages.get("console")!;
    await run.screen(console_, "console-ar-result");
    await console_.locator(".panel--stage").screenshot({ path: "/work/shots/i18n/x-console-ar-stage.png" });
    await console_.locator(".console__side").screenshot({ path: "/work/shots/i18n/x-console-ar-side.png" });
    await console_.locator(".console__header").screenshot({ path: "/work/shots/i18n/x-console-ar-header.png" });
    const home = await run.open("home", { viewport: { width: 1024, height: 768 } });
    await home.goto(`${run.stack.url}/?lang=fr`);
    await home.locator("form").first().waitFor({ timeout: WAIT });
    await home.waitForTimeout(1500);
    await run.screen(home, "home-fr");
    const toolkit = await run.open("toolkit", { viewport: { width: 1024, height: 768 } });
    await toolkit.goto(`${run.stack.url}/toolkit?lang=ar`);
    await toolkit.waitForTimeout(2500);
    await run.screen(toolkit, "toolkit-ar", false);
  });
});
