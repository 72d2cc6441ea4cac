/**
 * Issue 13's "nothing hard-coded", in Chromium against the real stack: a whole session run with every
 * page in the pseudo-locale (`?lang=en-XA`, core/pseudo.ts), and every screen scanned for a word of
 * plain ASCII letters (tests/e2e/pseudo-scan.ts). In the pseudo-locale every catalogue string and
 * every template string is accented, so such a word is a string that did not come from a catalogue
 * or the template: the scan fails on it, naming the element. The screens: the home page (create
 * form, comparison, the created session), the toolkit, the code page, the phone (notice, lobby,
 * ballot, sent, revealed, ended), the projector and the console (lobby, voting, revealed, ended) and
 * the HTML report.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect } from "vitest";
import { PSEUDO } from "../../core/languages";
import directory from "../../core/templates/directory.json";
import { getToolkit } from "../../core/templates/toolkit/index";
import { TOOLKIT_TEMPLATE_ID } from "../../core/toolkit";
import { closeEverything, command, facilitator, type JsonClient, Phone } from "../integration/clients";
import { BrowserRun, NARROW, WIDE } from "./browser";
import { inLanguage, withLang } from "./language";
import { unlocalizedStrings } from "./pseudo-scan";

const run = new BrowserRun({ prefix: "pseudo" });
/** What the people in the room typed: not the app's words. */
const TITLE = "Clinic review";
/**
 * Data, not the app's words: the community directory's pre-filled rows (organizations' names and
 * kinds, which facilitators edit like any row), the toolkit's name for its publisher's portal, and
 * the template's id.
 */
type DirectoryTable = { title: string; rows: Record<string, string>[] };
const directoryRows = (directory.tables as DirectoryTable[]).flatMap((t) => t.rows.flatMap((r) => Object.values(r)));
/**
 * Section V's table names, in English on every page like the guidance (marked lang="en" where they
 * stand alone; here for where a sentence names one, e.g. the "Add a row to …" button's label).
 */
const directoryTables = (directory.tables as DirectoryTable[]).map((t) => t.title);
const DATA = [...directoryRows, ...directoryTables, getToolkit(TOOLKIT_TEMPLATE_ID)!.portal!.title, TOOLKIT_TEMPLATE_ID];

const inPseudo = (url: string): string => withLang(url, PSEUDO);
const ready = (page: Page) => inLanguage(page, PSEUDO);

describe("the pseudo-locale: no user-facing string outside the catalogues and the template", () => {
  let home: Page;
  let phone: Page;
  let projector: Page;
  let console_: Page;
  let fac: JsonClient;
  let joinCode = "";
  let roomId = "";
  let key = "";
  const found: { screen: string; text: string; where: string }[] = [];

  /** Scans a screen (its picture and axe too); the findings are checked together at the end. */
  async function scan(page: Page, screen: string): Promise<void> {
    await ready(page);
    await run.screen(page, screen);
    for (const f of await unlocalizedStrings(page, [TITLE, joinCode, ...DATA])) found.push({ screen, ...f });
    // Strings 35% longer than English (as many translations are) must not push a screen sideways.
    // (The report is a document for print, checked on its pages by the workshop's test.)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0 && screen !== "report") found.push({ screen, text: `${overflow} px wider than the window`, where: "the page" });
  }

  afterAll(() => closeEverything());

  run.step("home, toolkit and code page", async () => {
    home = await run.open("home", { viewport: WIDE });
    await home.goto(inPseudo(`${run.stack.url}/`));
    await home.locator("#title").waitFor();
    await scan(home, "home");
    await home.locator("#title").fill(TITLE);
    await home.locator("form button[type=submit]").first().click();
    await home.locator(".created__join .mono").waitFor();
    const joinUrl = (await home.locator(".created__join .mono").textContent())!.trim();
    joinCode = joinUrl.split("/j/")[1]!;
    await scan(home, "home-created");
    const links = await home.getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const facilitatorUrl = links.find((h) => h.includes("/f/"))!;
    const projectorUrl = links.find((h) => h.includes("/p/"))!;
    roomId = new URL(facilitatorUrl).pathname.split("/")[2]!;
    key = new URL(facilitatorUrl).hash.replace(/^#key=/, "");

    const other = await run.open("toolkit", { viewport: WIDE });
    await other.goto(inPseudo(`${run.stack.url}/toolkit`));
    await other.locator("#definitions").waitFor();
    await scan(other, "toolkit");
    await other.goto(inPseudo(`${run.stack.url}/join`));
    await other.locator("input").first().waitFor();
    await scan(other, "join");

    projector = await run.open("projector", { viewport: WIDE });
    await projector.goto(inPseudo(projectorUrl));
    await projector.getByText(joinCode, { exact: true }).waitFor();
    await scan(projector, "projector-lobby");
    console_ = await run.open("console", { viewport: { width: 1366, height: 900 } });
    await console_.goto(inPseudo(facilitatorUrl));
    await console_.locator("h1").first().waitFor();
    await scan(console_, "console-lobby");
    fac = (await facilitator(run.stack, roomId, key)).client;

    phone = await run.open("phone", { viewport: NARROW, isMobile: true, hasTouch: true });
    await phone.goto(inPseudo(joinUrl));
    await phone.locator("form button[type=submit]").waitFor();
    await scan(phone, "phone-notice");
    await phone.locator("form button[type=submit]").click();
    await phone.getByRole("heading").first().waitFor();
    await phone.waitForTimeout(300);
    await scan(phone, "phone-lobby");
  });

  run.step("a round: ballot, sent, voting, revealed", async () => {
    expect(await command(fac, { op: "open", domainId: "privacy" })).toMatchObject({ t: "done" });
    await phone.locator("form.ballot").waitFor();
    await scan(phone, "phone-ballot");
    await phone.locator("fieldset.rating input[type=radio]").nth(3).check();
    await phone.locator("form.ballot button[type=submit]").click();
    await phone.locator("form.ballot").waitFor({ state: "detached" });
    await scan(phone, "phone-sent");
    await scan(projector, "projector-voting");
    await scan(console_, "console-voting");
    // Four more people (socket clients, as a phone speaks to the room) rate too: the gate of 5 passes.
    for (const rating of [2, 4, 4, 5]) {
      const other = new Phone(run.stack, roomId);
      expect((await other.join()).t).toBe("welcome");
      expect((await other.vote({ roundId: "privacy#1", answers: {}, ratings: { domain: rating } })).t).toBe("ack");
    }
    expect(await command(fac, { op: "close" })).toMatchObject({ t: "done" });
    await projector.locator(".chart__count").first().waitFor();
    await scan(projector, "projector-revealed");
    await scan(console_, "console-revealed");
    await scan(phone, "phone-revealed");
  });

  run.step("the end, and the report", async () => {
    expect(await command(fac, { op: "end" })).toMatchObject({ t: "done" });
    await projector.waitForTimeout(500);
    await scan(projector, "projector-ended");
    await scan(console_, "console-ended");
    await scan(phone, "phone-ended");
    const report = await run.open("report", { viewport: { width: 1000, height: 1200 } });
    await report.setExtraHTTPHeaders({ authorization: `Bearer ${key}` });
    const res = await report.goto(`${run.stack.url}/api/rooms/${roomId}/summary?format=html&lang=${PSEUDO}`);
    expect(res?.status()).toBe(200);
    await scan(report, "report");
  });

  run.step("no screen shows a word that is not from a catalogue or the template", async () => {
    for (const f of found) console.log(`[${f.screen}] ${JSON.stringify(f.text)} at ${f.where}`);
    expect(found).toEqual([]);
  });

  run.finalChecks();
});
