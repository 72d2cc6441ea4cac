/**
 * @module download
 * Downloads that need the facilitator key: a plain link can't send an Authorization header (and
 * the key must never go in a query string, docs/design.md §3.6), so the file is fetched with the header
 * and handed to the browser as a Blob.
 */
import { ApiFailure } from "./http";

export async function downloadWithKey(url: string, key: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  } catch (e) {
    throw new ApiFailure(0, e instanceof Error ? e.message : "network error");
  }
  if (!res.ok) throw new ApiFailure(res.status, res.statusText);
  saveBlob(await res.blob(), filename);
}

/** Hands a file made or fetched in the page to the browser's downloads. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.documentElement.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
