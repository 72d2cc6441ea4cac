// Percentiles, pooling of repeated rounds, and the number formats of the report.

/** Nearest-rank percentile of unsorted numbers; null for no samples. */
export function pct(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const stats = (values) => ({ n: values.length, p50: pct(values, 50), p95: pct(values, 95), max: pct(values, 100) });

export const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};

const COUNTERS = ["n", "acked", "silent", "lastVoted", "missingCounts", "notRevealed", "failed", "retried"];

/** Pools the samples and counters of repeated rounds into one result with stats per measure. */
export function pooled(runs) {
  runs = runs.filter(Boolean);
  if (runs.length === 0) return null;
  const out = { runs: runs.length, refused: [] };
  for (const k of COUNTERS) out[k] = 0;
  const samples = {};
  for (const r of runs) {
    for (const k of COUNTERS) out[k] += r[k] ?? 0;
    out.refused.push(...(r.refused ?? []));
    for (const [k, v] of Object.entries(r.samples)) (samples[k] ??= []).push(...v);
  }
  for (const [k, v] of Object.entries(samples)) out[k] = stats(v);
  out.perRun = runs.map((r) => Object.fromEntries(Object.entries(r.samples).map(([k, v]) => [k, pct(v, 95)])));
  return out;
}

const none = (v) => v === null || v === undefined || Number.isNaN(v);
export const ms = (v) => (none(v) ? "–" : v < 10 ? `${v.toFixed(2)} ms` : v < 10_000 ? `${v.toFixed(1)} ms` : `${(v / 1000).toFixed(1)} s`);
export const sec = (v) => (none(v) ? "–" : `${(v / 1000).toFixed(1)} s`);
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (a, b) => (none(a) || none(b) || b === 0 ? null : a / b);
export const x = (r) => (none(r) ? "–" : `${r.toFixed(2)}×`);
