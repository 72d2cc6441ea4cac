/**
 * @module phone/mayEnter
 * Whether a phone goes straight into a room, apart from the "joining is closed" screen (./Closed.tsx)
 * so the page can decide without fetching that screen.
 */
import type { JoinResponse } from "../../../core/join";
import { loadRoom } from "./stored";

/** A phone that already holds a pass for the room is no latecomer: the room lets its pass back in. */
export const mayEnter = (join: JoinResponse): boolean => join.joiningOpen || loadRoom(join.roomId).token !== undefined;
