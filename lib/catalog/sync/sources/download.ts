/**
 * Downloads a URL into the cache folder with a timeout and a size cap, revalidating with ETag on later syncs.
 * When the network fails and an earlier copy exists, that copy is used (with a warning), so an air-gapped
 * machine keeps syncing what it downloaded before.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import path from "node:path";

/** Limits of a download. */
export interface DownloadOptions {
  cacheDir: string;
  /** Milliseconds to open the TCP connection; an air-gapped or firewalled host fails within this. Default 4 s. */
  connectTimeoutMs?: number;
  /** Milliseconds to wait for the response headers (connect + TLS + server). */
  headersTimeoutMs?: number;
  /** Milliseconds for the whole transfer. */
  totalTimeoutMs?: number;
  maxBytes?: number;
}

/** A downloaded (or cached) file. */
export interface Downloaded {
  bytes: Uint8Array;
  /** The URL after redirects (GitHub's `latest` resolves to the tagged release). */
  finalUrl: string;
  fromCache: boolean;
  /** Set when the network failed and the cached copy was used. */
  warning: string | null;
}

interface CacheMeta {
  url: string;
  finalUrl: string;
  etag: string | null;
  fetchedAt: string;
}

/**
 * Fetches `url` (see module doc). Throws `download failed: <reason>` when neither network nor cache can supply
 * it (callers name the URL).
 */
export async function downloadToCache(url: string, options: DownloadOptions): Promise<Downloaded> {
  const dir = path.join(options.cacheDir, "downloads");
  const base = path.join(dir, createHash("sha256").update(url).digest("hex").slice(0, 16));
  const dataFile = `${base}.bin`;
  const metaFile = `${base}.json`;
  const meta: CacheMeta | null = existsSync(metaFile) && existsSync(dataFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : null;
  try {
    const response = await fetchWithLimits(url, meta?.etag ?? null, options);
    if (response.status === 304 && meta) {
      return { bytes: readFileSync(dataFile), finalUrl: meta.finalUrl, fromCache: true, warning: null };
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dataFile}.tmp`, response.bytes);
    renameSync(`${dataFile}.tmp`, dataFile);
    const fresh: CacheMeta = { url, finalUrl: response.finalUrl, etag: response.etag, fetchedAt: new Date().toISOString() };
    writeFileSync(metaFile, JSON.stringify(fresh, null, 2));
    return { bytes: response.bytes, finalUrl: response.finalUrl, fromCache: false, warning: null };
  } catch (error) {
    const reason = describeFetchError(error);
    if (!meta) throw new Error(`download failed: ${reason}`);
    return {
      bytes: readFileSync(dataFile),
      finalUrl: meta.finalUrl,
      fromCache: true,
      warning: `download of ${url} failed (${reason}); using the copy cached on ${meta.fetchedAt.slice(0, 10)}`,
    };
  }
}

/**
 * Opens (and closes) a TCP connection to the URL's host first. fetch has no connect timeout of its own, so a
 * host that silently drops packets would otherwise hold a sync for the whole headers timeout.
 */
function probeConnect(url: string, timeoutMs: number): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: u.hostname, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no connection to ${u.hostname}:${port} within ${timeoutMs} ms`)));
    socket.once("error", (error) => fail(new Error("connect failed", { cause: error })));
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
  });
}

async function fetchWithLimits(url: string, etag: string | null, options: DownloadOptions) {
  await probeConnect(url, options.connectTimeoutMs ?? 4_000);
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const controller = new AbortController();
  const headersTimer = setTimeout(() => controller.abort(new Error(`no response within ${options.headersTimeoutMs ?? 15_000} ms`)), options.headersTimeoutMs ?? 15_000);
  const totalTimer = setTimeout(() => controller.abort(new Error(`transfer took longer than ${options.totalTimeoutMs ?? 300_000} ms`)), options.totalTimeoutMs ?? 300_000);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: etag ? { "if-none-match": etag } : {}, redirect: "follow" });
    clearTimeout(headersTimer);
    if (response.status === 304) return { status: 304, bytes: new Uint8Array(), finalUrl: response.url, etag };
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > maxBytes) throw new Error(`file is ${declared} bytes, more than the ${maxBytes}-byte limit`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new Error(`file is larger than the ${maxBytes}-byte limit`);
      }
      chunks.push(value);
    }
    return { status: response.status, bytes: Buffer.concat(chunks), finalUrl: response.url || url, etag: response.headers.get("etag") };
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(totalTimer);
  }
}

/** Turns undici's nested errors ("fetch failed" → cause ENOTFOUND) into one readable reason. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let cause = error.cause as { code?: string; message?: string; errors?: { code?: string; message?: string }[] } | undefined;
  // Connection errors to a host with several addresses arrive as an AggregateError of per-address errors.
  if (cause && !cause.code && cause.errors?.length) cause = cause.errors[0];
  if (error.name === "AbortError" || error.name === "TimeoutError") return String((error as { reason?: unknown }).reason ?? error.message);
  if (cause?.code === "ENOTFOUND" || cause?.code === "EAI_AGAIN") return `host not found (${cause.code}; offline?)`;
  if (cause?.code && error.message === "connect failed") return cause.code;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  return cause?.message ? `${error.message}: ${cause.message}` : error.message;
}
