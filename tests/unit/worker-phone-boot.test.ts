/**
 * The join page's data block (worker/phone-boot.ts): JSON that can't break out of its `<script>`
 * element whatever a title holds, inserted before `</head>`, and the schema the phone reads it with.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhoneBootSchema } from "../../core/api";
import { insertBeforeHeadEnd, phoneBootBlock, scriptSafeJson } from "../../worker/phone-boot";

const boot = { roomId: "AAAAAAAAAAAAAAAAAAAAAA", title: "Ward review", k: 5, joiningOpen: true };

describe("scriptSafeJson", () => {
  it("reads back as the same value and holds no < > & U+2028 U+2029, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: "binary" }), (value, s) => {
        for (const v of [value, { title: s }, `</script>${s}<!--`]) {
          const out = scriptSafeJson(v);
          expect(out).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
    );
  });

  it("writes the escapes JSON.parse knows", () => {
    expect(scriptSafeJson("</script><!--&\u2028\u2029")).toBe('"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"');
  });
});

describe("phoneBootBlock and insertBeforeHeadEnd", () => {
  it("a JSON data block with the phone's id, before the first </head> (any case), nothing else touched", () => {
    const block = phoneBootBlock(boot);
    expect(block).toBe(`<script type="application/json" id="candor-join">${JSON.stringify(boot)}</script>`);
    expect(insertBeforeHeadEnd("<html><head><title>x</title></HEAD ><body></body>", block)).toBe(
      `<html><head><title>x</title>${block}</HEAD ><body></body>`,
    );
  });

  it("takes the block literally: $& and $' in a title are not replacement patterns", () => {
    const block = phoneBootBlock({ ...boot, title: "$& $' $` $$" });
    const html = insertBeforeHeadEnd("<head></head>", block);
    expect(html).toBe(`<head>${block}</head>`);
  });

  it("null for a page without </head>", () => {
    expect(insertBeforeHeadEnd("<!doctype html><title>x</title>", "<b>")).toBeNull();
  });
});

describe("PhoneBootSchema", () => {
  it("is exactly the join answer: rooms are at the page's own origin, so no partyUrl any more", () => {
    expect(PhoneBootSchema.parse(boot)).toEqual(boot);
    expect(PhoneBootSchema.safeParse({ ...boot, partyUrl: "https://candor.example.partykit.dev" }).success).toBe(false);
    expect(PhoneBootSchema.safeParse({ ...boot, extra: 1 }).success).toBe(false);
    expect(PhoneBootSchema.safeParse({ ...boot, roomId: "short" }).success).toBe(false);
    expect(PhoneBootSchema.safeParse({ ...boot, k: 2 }).success).toBe(false);
    expect(PhoneBootSchema.safeParse({ ...boot, title: undefined }).success).toBe(false);
  });
});
