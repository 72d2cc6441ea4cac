/**
 * How the browser tests and the benchmark's phone load start Chromium: Debian's own build (never a
 * downloaded one: the machines that run these have no internet), headless, and quiet on the
 * network (no background requests, updates or sync), so everything it fetches is the app's.
 */
export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
