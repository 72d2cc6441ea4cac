/**
 * @module console/key
 * The facilitator key (`#key=…`): sent only in the JSON hello and in Authorization headers.
 */
import { forgetFragmentSecret, takeFragmentSecret } from "../lib/fragment";

export const takeFacilitatorKey = (roomId: string): string | null => takeFragmentSecret("key", roomId);
export const forgetFacilitatorKey = (roomId: string): void => forgetFragmentSecret("key", roomId);
