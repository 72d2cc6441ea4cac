/**
 * Choosing the language (issue 13) in Chromium against the real stack: `?lang=` on every page
 * (a language or the pseudo-locale), the phone's one-tap switch that keeps a half-filled ballot and
 * the socket, the choice kept on the device, and the projector and console following the session's
 * language live when the facilitator changes it. Expected words come from the catalogues, not from
 * this file, so a better translation does not break it.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { ar, en, es, fr, pt } from "../../client/src/i18n/all";
import type { CreateRoomResponse } from "../../core/api";
import { closeEverything, command, createRoom, facilitator, type JsonClient } from "../integration/clients";
import { BrowserRun, heading, NARROW, WAIT, WIDE } from "./browser";
import { documentLanguage, inLanguage, withLang } from "./language";

const PHONE = { viewport: NARROW, isMobile: true, hasTouch: true };
const run = new BrowserRun({ prefix: "languages" });

describe("languages: ?lang= on every page, the phone's switch, the session's language", () => {
  let room: CreateRoomResponse;
  let fac: JsonClient;
  let phone: Page;
  let sockets = 0;

  afterAll(() => closeEverything());

  run.step("?lang= sets the home page, the toolkit and the code page, with lang and dir on the document", async () => {
    const home = await run.open("home", { viewport: WIDE });
    await home.goto(`${run.stack.url}/?lang=fr`);
    await heading(home, fr["home.heading"] as string).waitFor();
    expect(await documentLanguage(home)).toEqual(["fr", "ltr"]);
    expect(await home.title()).toBe(fr["home.docTitle"]);

    await home.goto(`${run.stack.url}/toolkit?lang=pt`);
    await heading(home, pt["toolkit.heading"] as string).waitFor();

    await home.goto(`${run.stack.url}/join?lang=ar`);
    await heading(home, ar["phone.code.title"] as string).waitFor();
    expect(await documentLanguage(home)).toEqual(["ar", "rtl"]);
    // The switcher: each language's own name, marked with its language, the current one marked.
    const current = home.getByRole("button", { name: "العربية" });
    expect(await current.getAttribute("aria-current")).toBe("true");
    expect(await current.getAttribute("lang")).toBe("ar");
    expect(await home.getByRole("button", { name: "Español" }).getAttribute("aria-current")).toBeNull();

    await home.goto(`${run.stack.url}/join?lang=en-XA`);
    await heading(home, /^⟦Ĵöîñ å šéššîöñ·+⟧$/).waitFor();
  });

  run.step("the phone switches language in one tap, keeping its half-filled ballot and its socket", async () => {
    room = await createRoom(run.stack, { title: "Ward review", domainIds: ["privacy", "safety"] });
    fac = (await facilitator(run.stack, room.roomId, room.facilitatorKey)).client;
    phone = await run.open("phone", PHONE);
    phone.on("websocket", () => void sockets++);
    await phone.goto(withLang(room.joinUrl, "es"));
    await phone.getByRole("button", { name: es["phone.welcome.continue"] as string }).click();
    expect(await command(fac, { op: "open", domainId: "privacy" })).toMatchObject({ t: "done" });
    await phone.getByRole("button", { name: es["phone.ballot.send"] as string }).waitFor({ timeout: WAIT });
    const first = phone
      .locator("form.ballot fieldset")
      .first()
      .getByRole("radio", { name: es["answer.yes"] as string });
    await first.check();
    await run.screen(phone, "ballot-es");
    const before = sockets;

    await phone.getByRole("button", { name: "Français" }).click();
    await inLanguage(phone, "fr");
    await phone.getByRole("button", { name: fr["phone.ballot.send"] as string }).waitFor();
    expect(
      await phone
        .locator("form.ballot fieldset")
        .first()
        .getByRole("radio", { name: fr["answer.yes"] as string })
        .isChecked(),
    ).toBe(true);
    expect(await phone.getByRole("button", { name: "Français" }).getAttribute("aria-current")).toBe("true");
    expect(sockets).toBe(before);
    expect(new URL(phone.url()).searchParams.get("lang")).toBeNull(); // the tap replaces ?lang=
    await run.screen(phone, "ballot-fr");

    await phone.getByRole("button", { name: "العربية" }).click();
    await inLanguage(phone, "ar");
    expect(await documentLanguage(phone)).toEqual(["ar", "rtl"]);
    expect(
      await phone
        .locator("form.ballot fieldset")
        .first()
        .getByRole("radio", { name: ar["answer.yes"] as string })
        .isChecked(),
    ).toBe(true);
    await run.screen(phone, "ballot-ar");
    await run.axe(phone, "ballot-ar");
  });

  run.step("the choice stays on the device: a reload comes back in it", async () => {
    await phone.reload();
    await phone.getByRole("button", { name: ar["phone.ballot.send"] as string }).waitFor({ timeout: WAIT });
    expect(await documentLanguage(phone)).toEqual(["ar", "rtl"]);
  });

  run.step("the projector and the console follow the session's language, live; ?lang= fixes one device's", async () => {
    const projector = await run.open("projector", { viewport: WIDE });
    await projector.goto(room.projectorUrl);
    await projector.locator(".projector__header").waitFor({ timeout: WAIT });
    await inLanguage(projector, "en");
    const fixed = await run.open("fixed", { viewport: WIDE });
    await fixed.goto(withLang(room.projectorUrl, "pt"));
    await inLanguage(fixed, "pt");
    const console_ = await run.open("console", { viewport: WIDE });
    await console_.goto(room.facilitatorUrl);
    await heading(console_, en["console.language.heading"] as string).waitFor({ timeout: WAIT });

    // The console's own control sends the command; every screen follows.
    await console_
      .getByRole("list", { name: en["console.language.heading"] as string })
      .getByRole("button", { name: "Español" })
      .click();
    await inLanguage(console_, "es");
    await inLanguage(projector, "es");
    await heading(console_, es["console.language.heading"] as string).waitFor();
    expect(await projector.title()).toBe(es["projector.docTitle"]);
    // The device with ?lang= keeps its own; the phone, its participant's.
    expect(await documentLanguage(fixed)).toEqual(["pt", "ltr"]);
    expect(await documentLanguage(phone)).toEqual(["ar", "rtl"]);

    expect(await command(fac, { op: "language", lang: "ar" })).toMatchObject({ t: "done" });
    await inLanguage(projector, "ar");
    await inLanguage(console_, "ar");
    expect(await documentLanguage(projector)).toEqual(["ar", "rtl"]);
    await run.screen(projector, "projector-ar", false);
    await run.axe(projector, "projector-ar");
  });
  run.finalChecks();
});
