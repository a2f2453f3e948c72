#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary: same JSON-RPC-over-stdio protocol, but runs the
// WebAssembly schema engine (@prisma/schema-engine-wasm) on a Prisma driver adapter.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const datamodelPaths = []; let datasource = null; let cliCommand = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--datamodels") datamodelPaths.push(argv[++i]);
  else if (a === "--datasource") datasource = JSON.parse(argv[++i]);
  else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
  else if (a === "cli") cliCommand = argv[++i];
  else if (a === "--version" || a === "-V") { console.log("schema-engine-wasm-shim 1.0.0"); process.exit(0); }
}
function log(level, message, extra = {}) {   // the CLI parses stderr lines as JSON log records
  process.stderr.write(JSON.stringify({ timestamp: new Date().toISOString(), level, fields: { message, ...extra }, target: "schema_engine::logger" }) + "\n");
}
const url = datasource?.url ?? process.env.DATABASE_URL;
if (!url) { log("ERROR", "no datasource url (set datasource.url in prisma.config.ts)"); process.exit(1); }
const isSqlite = url.startsWith("file:");
const sqlitePath = (u) => path.resolve(process.cwd(), u.slice("file:".length).split("?")[0]);

async function makeAdapterFactory() {
  if (isSqlite) {   // better-sqlite3 if installed (and not overridden), else libSQL
    try {
      const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
      if (process.env.SHIM_SQLITE_DRIVER !== "libsql") return new PrismaBetterSqlite3({ url });
    } catch {}
    const { PrismaLibSql } = require("@prisma/adapter-libsql");
    return new PrismaLibSql({ url });
  }
  const { PrismaPg } = require("@prisma/adapter-pg");
  // Discrete fields, NOT connectionString: the adapter opens the shadow DB with {...config, database}
  // and node-postgres lets connectionString win -> the shadow replay would hit the real database.
  const u = new URL(url);
  const factory = new PrismaPg({ host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password) || undefined, database: decodeURIComponent(u.pathname.slice(1)) || "postgres" });
  // adapter-pg cannot map PostgreSQL's internal "char" type (OID 18) used by catalog queries: report it as Character.
  const patchChar = (obj) => {
    const queryRaw = Object.getPrototypeOf(obj).queryRaw ?? obj.queryRaw;
    obj.queryRaw = async (query) => {
      let charIdx = [];
      const view = Object.create(obj, { performIO: { value: async (q) => {
        const r = await obj.performIO(q);
        charIdx = (r?.fields ?? []).flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
        for (const i of charIdx) r.fields[i].dataTypeID = 25;
        return r;
      } } });
      const out = await queryRaw.call(view, query);
      for (const i of charIdx) out.columnTypes[i] = 6; // ColumnTypeEnum.Character
      return out;
    };
    return obj;
  };
  const connect = factory.connect.bind(factory);
  factory.connect = async () => patchChar(await connect());
  // The adapter drops the shadow DB while still connected to it (55006): close first, then DROP ... WITH (FORCE).
  factory.connectToShadowDb = async function () {
    const main = await this.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = patchChar(await new PrismaPg({ ...this.config, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => { await dispose(); await main.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`); await main.dispose(); };
    return shadow;
  };
  return factory;
}

async function runCli(cmd) {   // one-shot mode: can-connect-to-database / create-database / drop-database
  if (isSqlite) {
    const p = sqlitePath(url);
    if (cmd === "can-connect-to-database") {
      if (fs.existsSync(p)) return 0;
      log("ERROR", `Database file ${p} does not exist`, { error_code: "P1003" }); return 1;
    }
    if (cmd === "create-database") { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.closeSync(fs.openSync(p, "a")); return 0; }
    if (cmd === "drop-database") { fs.rmSync(p, { force: true }); return 0; }
  } else {
    const pg = require("pg");
    const dbName = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
    if (cmd === "can-connect-to-database") {
      const c = new pg.Client({ connectionString: url });
      try { await c.connect(); await c.end(); return 0; }
      catch (e) { log("ERROR", String(e.message), { error_code: e.code === "3D000" ? "P1003" : "P1001" }); return 1; } // P1003 -> CLI creates the DB
    }
    const admin = new URL(url); admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() }); await c.connect();
    const ident = '"' + dbName.replace(/"/g, '""') + '"';
    try {
      if (cmd === "create-database") await c.query(`CREATE DATABASE ${ident}`);
      else if (cmd === "drop-database") await c.query(`DROP DATABASE IF EXISTS ${ident}`);
    } finally { await c.end(); }
    return 0;
  }
  log("ERROR", `unsupported cli command ${cmd}`); return 1;
}

async function loadWasm() {   // Node 20 cannot `import` .wasm, so instantiate by hand
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(path.join(dir, "schema_engine_bg.js"));
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")), { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

// Shadow-DB replay uses executeRaw: better-sqlite3 rejects multi-statement SQL, libSQL runs only the first statement.
function patchExecuteRaw(obj) {
  const raw = obj.executeRaw?.bind(obj), script = obj.executeScript?.bind(obj);
  const multi = (sql) => sql.replace(/--[^\n]*/g, "").split(";").filter((x) => x.trim()).length > 1;
  if (raw && script) obj.executeRaw = async (q) => {
    if ((q.args?.length ?? 0) === 0 && multi(q.sql)) { await script(q.sql); return 0; }
    try { return await raw(q); }
    catch (e) {
      if ((q.args?.length ?? 0) === 0 && /more than one statement/.test(e?.message ?? "")) { await script(q.sql); return 0; }
      throw e;
    }
  };
  return obj;
}
function wrapFactory(f, wrap) {
  for (const k of ["connect", "connectToShadowDb"]) { const g = f[k].bind(f); f[k] = async (...a) => wrap(await g(...a), k); }
}
function traceObject(obj, label) {
  for (const k of ["queryRaw", "executeRaw", "executeScript", "startTransaction", "dispose"]) {
    const f = obj[k]; if (typeof f !== "function") continue;
    obj[k] = async (...a) => {
      try { return await f.apply(obj, a); }
      catch (e) { fs.appendFileSync(process.env.SHIM_TRACE, `ADAPTER-ERR ${label}.${k} ${JSON.stringify(a).slice(0, 400)} -> ${e?.message}\n`); throw e; }
    };
  }
  return obj;
}

async function main() {
  if (cliCommand) { log("INFO", "Starting schema engine CLI (wasm shim)"); process.exit(await runCli(cliCommand)); } // CLI skips stderr line 1
  const bg = await loadWasm();
  const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
  const rawFactory = await makeAdapterFactory();
  if (process.env.SHIM_TRACE) wrapFactory(rawFactory, traceObject);
  wrapFactory(rawFactory, patchExecuteRaw);
  const datamodels = datamodelPaths.map((p) => [p, fs.readFileSync(p, "utf8")]);
  const engine = await bg.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined },
    (msg) => { try { process.stderr.write((typeof msg === "string" ? msg : JSON.stringify(msg)) + "\n"); } catch {} },
    bindMigrationAwareSqlAdapterFactory(rawFactory));

  let nextOwnId = 1_000_000; const pendingAcks = new Map();
  const askCli = (method, params) => new Promise((resolve) => {
    const id = nextOwnId++; pendingAcks.set(id, resolve);
    process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
  });
  // wasm engine: missing _prisma_migrations -> P1014 instead of "not initialised"; initialise and retry once
  const isMissingMigrationsTable = (e) => e?.code === "P1014" && /_prisma_migrations/.test(e?.message ?? "");
  const withInit = (name) => async (p) => {
    try { return await engine[name](p); }
    catch (e) {
      if (!isMissingMigrationsTable(e)) throw e;
      await engine.applyMigrations({ migrationsList: { ...p.migrationsList, migrationDirectories: [] }, filters: p.filters });
      return await engine[name](p);
    }
  };
  const methods = {
    getDatabaseVersion: (p) => engine.version(p ?? undefined),
    debugPanic: () => engine.debugPanic(),
    devDiagnostic: withInit("devDiagnostic"),
    diagnoseMigrationHistory: withInit("diagnoseMigrationHistory"),
    diff: async (p) => {   // the CLI expects the diff via a "print" request, not in the result
      const r = await engine.diff(p);
      if (r?.stdout) await askCli("print", { content: r.stdout });
      return { exitCode: r?.exitCode ?? 0 };
    },
  };
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    if (!line.trim()) return;
    let req; try { req = JSON.parse(line); } catch { return; }
    if (req.method === undefined) { const ack = pendingAcks.get(req.id); if (ack) { pendingAcks.delete(req.id); ack(req.result); } return; }
    queue = queue.then(async () => {
      if (process.env.SHIM_TRACE) fs.appendFileSync(process.env.SHIM_TRACE, "REQ " + line.slice(0, 1500) + "\n");
      try {
        const fn = methods[req.method] ?? (engine[req.method] ? (p) => engine[req.method](p) : null);
        if (!fn) throw new Error(`method ${req.method} not supported by the wasm shim`);
        const result = await fn(req.params);
        process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: req.id, result: result ?? {} }) + "\n");
      } catch (e) {
        const data = { is_panic: false, message: e?.message ?? String(e), meta: e?.meta ?? null, error_code: e?.code ?? null };
        process.stdout.write(JSON.stringify({ jsonrpc: "2.0", id: req.id, error: { code: 4466, message: "An error happened. Check the data field for details.", data } }) + "\n");
      }
    });
  });
  rl.on("close", () => queue.then(() => process.exit(0)));
}
main().catch((e) => { log("ERROR", e?.stack ?? String(e)); process.exit(1); });
