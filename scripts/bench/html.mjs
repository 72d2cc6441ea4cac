// What an HTML page names for the browser to load: its scripts, modulepreloads and stylesheets, as
// served (read from the HTML text, not from the live DOM, where a run-time import adds its own
// <link>s). Shared by the page weight (scenarios/pages.mjs) and the phone's 3G load (phone-load.mjs).

/** Paths (or URLs) as the HTML writes them, by kind. */
export function namedIn(html) {
  const scripts = [];
  const preloads = [];
  const styles = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)) scripts.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (/\brel=["']([^"']+)["']/i.exec(tag)?.[1] ?? "").toLowerCase().split(/\s+/);
    const href = /\bhref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href) continue;
    if (rel.includes("modulepreload")) preloads.push(href);
    else if (rel.includes("stylesheet")) styles.push(href);
  }
  return { scripts, preloads, styles };
}
