/**
 * What people do and read in the pages of a workshop (the phone's ballot, the screens' vote count),
 * in the words the pages show, for the browser tests.
 */
import type { Page } from "playwright-core";
import { heading } from "./browser";

/** The 5-point scale's labels (icmec-2's likert5). */
export const LIKERT = ["Very weak", "Somewhat weak", "Moderate", "Somewhat strong", "Very strong"];

export type Rating = 1 | 2 | 3 | 4 | 5 | "dk";
export type Answer = "Yes" | "No" | "Not applicable";

/** A phone answers some items and the domain's rating, but doesn't send yet. */
export async function fillBallot(phone: Page, items: { question: RegExp; answer: Answer }[], rating: Rating): Promise<void> {
  await phone.getByRole("button", { name: /Send my (answers|changes)/ }).waitFor();
  for (const item of items)
    await phone.getByRole("group", { name: item.question }).getByRole("radio", { name: item.answer, exact: true }).check();
  const scale = phone.getByRole("group", { name: /how would you rate/ });
  await scale.getByRole("radio", { name: rating === "dk" ? "Don't know" : `${rating} ${LIKERT[rating - 1]}`, exact: true }).check();
}

export async function sendBallot(phone: Page): Promise<void> {
  await phone.getByRole("button", { name: /Send my (answers|changes)/ }).click();
  await heading(phone, /Your answers are in/).waitFor();
}

export const progress = (page: Page, voted: number, joined: number) => page.getByText(`${voted} of ${joined} have voted`, { exact: true });
