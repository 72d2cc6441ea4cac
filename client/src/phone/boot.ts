/**
 * @module phone/boot
 * The join link's page (`/j/:code`) comes with its code's room embedded by the Worker
 * (worker/phone-boot.ts) as `<script type="application/json" id="candor-join">`: what
 * `GET /api/join/:code` would say, without waiting for it. Validated like
 * an API answer; anything missing or malformed reads as "not there", and the phone asks the API.
 */
import { type JoinResponse, PHONE_BOOT_ID, PhoneBootSchema } from "../../../core/join";

export function readBoot(doc: Document = document): JoinResponse | null {
  const el = doc.getElementById(PHONE_BOOT_ID);
  if (!(el instanceof HTMLScriptElement) || el.type !== "application/json") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(el.textContent ?? "");
  } catch {
    return null;
  }
  const parsed = PhoneBootSchema.safeParse(raw);
  if (!parsed.success) return null;
  return parsed.data;
}
