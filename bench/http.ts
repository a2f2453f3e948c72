/**
 * HTTP benchmark of the built app. Builds nothing: expects `next build` output in .next and a synced catalog at
 * DATABASE_URL (default file:./data/detectory.db). Run from the repository root:
 *
 *   npm run db:migrate && npm run sync -- --source rules --source ../shared/sigma \
 *     --attack ../shared/attack/enterprise-attack.stix.json.gz
 *   npx next build
 *   npx tsx bench/http.ts            # BENCH_SECONDS=10 BENCH_CONNECTIONS=32 BENCH_RULE=<uuid> to override
 *
 * Starts `next start` on a free loopback port, warms up, runs autocannon against a rule page and a feed search,
 * prints p50/p99 latency and req/s, then the gzipped client JavaScript the rule page references. Stops the server.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { readCatalogEnv } from "../lib/catalog/env";
import { startApp } from "../tests/e2e/harness";

const ROOT = process.cwd();
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

async function load(name: string, url: string): Promise<void> {
  for (let i = 0; i < 20; i++) await fetch(url).then((r) => r.text()); // warm caches and JIT
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const bad = r.errors + r.non2xx + r.timeouts;
  console.log(
    `${name.padEnd(12)} ${String(Math.round(r.requests.average)).padStart(5)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   (${r.requests.total} requests, ${bad} errors/non-2xx)`,
  );
}

/**
 * Sum of the gzipped sizes of the <script src> chunks a page references, read from .next/static. `noModule`
 * scripts (legacy polyfills that modern browsers skip) are counted apart.
 */
function clientJs(html: string): { files: number; gzip: number; largest: number[]; legacyGzip: number } {
  const tags = [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"[^>]*>/g)];
  const seen = new Set<string>();
  const sizes: number[] = [];
  let legacyGzip = 0;
  for (const [tag, src] of tags) {
    if (seen.has(src)) continue;
    seen.add(src);
    const size = gzipSync(readFileSync(path.join(ROOT, ".next", src.replace(/^\/_next\//, ""))), { level: 9 }).length;
    if (/\snoModule/i.test(tag)) legacyGzip += size;
    else sizes.push(size);
  }
  sizes.sort((a, b) => b - a);
  return { files: sizes.length, gzip: sizes.reduce((a, b) => a + b, 0), largest: sizes.slice(0, 3), legacyGzip };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no build found: run `npx next build` first");
  // The e2e harness's server: a free loopback port, waited on until it answers, stopped with its forked next-server.
  const server = await startApp(readCatalogEnv().databaseUrl);
  const base = server.baseUrl;
  try {
    const feed = await (await fetch(`${base}/`)).text();
    const rule = process.env.BENCH_RULE ?? /\/rules\/([0-9a-f-]{36})"/.exec(feed)?.[1];
    if (!rule) throw new Error("no rule found in the feed: is the catalog synced?");
    console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s per page, loopback, on this machine's shared cores`);
    await load("rule page", `${base}/rules/${rule}`);
    await load("feed search", `${base}/?q=powershell&level=high`);
    await load("feed", `${base}/`);
    const js = clientJs(await (await fetch(`${base}/rules/${rule}`)).text());
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `rule page client JS: ${kb(js.gzip)} gzipped in ${js.files} chunks (largest ${js.largest.map(kb).join(", ")}); plus ${kb(js.legacyGzip)} noModule polyfills that modern browsers skip`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
