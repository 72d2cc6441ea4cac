/**
 * @module ballot-codec
 * A ballot in a few bytes, for the one place a phone's ballot is kept besides the room's memory:
 * its socket's attachment, which survives hibernation but holds at most 2 KB with everything else
 * (core/limits.ts). One character per item of the domain, in the template's order, then `/`, then
 * one per rating key (the domain, or each facility):
 *
 *   answers  y = yes, n = no, a = not applicable, . = unanswered
 *   ratings  1–9 = the scale point, d = don't know, x = service not available, . = no rating
 *
 * The template is the room's own snapshot, so positions mean the same thing for the room's
 * lifetime. The round id is kept beside the code, not in it.
 */
import { ratingKeys } from "./ballots";
import type { Answer, Ballot, RatingValue } from "./protocol";
import type { Domain } from "./template";

const ANSWER_CHAR: Record<Answer, string> = { yes: "y", no: "n", na: "a" };
const CHAR_ANSWER: Record<string, Answer> = { y: "yes", n: "no", a: "na" };

const ratingChar = (v: RatingValue | undefined): string => (v === undefined ? "." : v === "dk" ? "d" : v === "na" ? "x" : String(v));

function charRating(c: string): RatingValue | undefined | null {
  if (c === ".") return undefined;
  if (c === "d") return "dk";
  if (c === "x") return "na";
  return /^[1-9]$/.test(c) ? Number(c) : null;
}

/** The compact form of a ballot that `checkBallot` accepted for `domain`. */
export function encodeBallot(domain: Domain, facilities: readonly string[], ballot: Ballot): string {
  const answers = domain.items.map((item) => {
    const a = ballot.answers[item.id];
    return a ? ANSWER_CHAR[a] : ".";
  });
  const ratings = ratingKeys(domain, facilities).map((key) => ratingChar(ballot.ratings[key]));
  return `${answers.join("")}/${ratings.join("")}`;
}

/** The ballot a code stands for, or null when it does not fit the domain (never trusted blindly). */
export function decodeBallot(domain: Domain, facilities: readonly string[], roundId: string, code: string): Ballot | null {
  const keys = ratingKeys(domain, facilities);
  const [answerPart, ratingPart, rest] = code.split("/");
  if (rest !== undefined || answerPart?.length !== domain.items.length || ratingPart?.length !== keys.length) return null;
  const answers: Ballot["answers"] = {};
  for (let i = 0; i < domain.items.length; i++) {
    const c = answerPart[i]!;
    if (c === ".") continue;
    const a = CHAR_ANSWER[c];
    if (!a) return null;
    answers[domain.items[i]!.id] = a;
  }
  const ratings: Ballot["ratings"] = {};
  for (let i = 0; i < keys.length; i++) {
    const v = charRating(ratingPart[i]!);
    if (v === null) return null;
    if (v !== undefined) ratings[keys[i]!] = v;
  }
  return { roundId, answers, ratings };
}
