/**
 * @module home/useSessionCard
 * Loads the session card (its component, its file maker and both QR codes) once a session exists:
 * neither the card nor its QR library weighs on the home page's load.
 */
import { useEffect, useState } from "preact/hooks";
import type { CreateRoomResponse } from "../../../core/api";
import type { CardQrs } from "./SessionCard";

export interface CardKit {
  SessionCard: typeof import("./SessionCard").SessionCard;
  save: typeof import("./sessionCardFile").saveCardFile;
  qrs: CardQrs;
}

/** The kit once loaded; `failed` if it couldn't be (the network went, most likely). */
export function useSessionCard(room: CreateRoomResponse): { kit: CardKit | null; failed: boolean } {
  const [kit, setKit] = useState<CardKit | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    Promise.all([import("./SessionCard"), import("./sessionCardFile")])
      .then(async ([card, file]) => {
        const qrs = await card.cardQrs(room);
        if (live) setKit({ SessionCard: card.SessionCard, save: file.saveCardFile, qrs });
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [room]);
  return { kit, failed };
}
