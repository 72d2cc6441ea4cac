/**
 * @module join-codes
 * The join-code directory as a Durable Object class (binding `JOIN_CODES`, one object per code):
 * a plain object with RPC methods, since nothing connects to it. The Worker is its only caller;
 * no request from outside reaches it (worker/room-sockets.ts routes sockets to rooms only).
 */
import { DurableObject } from "cloudflare:workers";
import type { CodeRpc, CodeLookup } from "../core/api";
import { JoinCodeBook } from "./join-code-book";

export class JoinCodes extends DurableObject implements CodeRpc {
  readonly #book = new JoinCodeBook(this.ctx.storage, { now: () => Date.now() });

  claim(claim: unknown): Promise<boolean> {
    return this.#book.claim(claim);
  }

  lookup(): Promise<CodeLookup | null> {
    return this.#book.lookup();
  }

  release(roomId: unknown): Promise<void> {
    return this.#book.release(roomId);
  }

  override async alarm(): Promise<void> {
    await this.#book.expire();
  }

  override async fetch(): Promise<Response> {
    return new Response("not found", { status: 404 });
  }
}
