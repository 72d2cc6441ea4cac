/**
 * The bare room of DESIGN §6, used by `npm run bench` as the baseline: it does nothing but send
 * each frame straight back to its sender. Candor's ballot acknowledgement is compared with this
 * round trip, measured in the same run on the same machine.
 */
import type * as Party from "partykit/server";

export default class EchoRoom implements Party.Server {
  constructor(readonly room: Party.Room) {}

  onMessage(message: string | ArrayBuffer | ArrayBufferView, sender: Party.Connection) {
    sender.send(message);
  }
}
