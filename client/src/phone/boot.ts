/**
 * @module phone/boot
 * The join link's page (`/j/:code`) comes with its code's room and the PartyKit URL embedded by
 * the Worker (worker/phone-boot.ts) as `<script type="application/json" id="candor-join">`: what
 * `GET /api/join/:code` and `GET /api/config` would say, without waiting for them. Validated like
 * an API answer; anything missing or malformed reads as "not there", and the phone asks the API.
 */
import { type JoinResponse, PhoneBootSchema } from "../../../core/api";
import { type PartyEndpoint, endpointOf } from "../lib/config";

export const PHONE_BOOT_ID = "candor-join";

export interface Boot {
  room: JoinResponse;
  endpoint: PartyEndpoint;
}

export function readBoot(doc: Document = document): Boot | null {
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
  const { partyUrl, ...room } = parsed.data;
  return { room, endpoint: endpointOf(partyUrl) };
}
