/**
 * Test helper: checks KQL with Microsoft's Kusto parser (@kusto/language-service-next), loaded once. Queries are
 * analysed against a database built from a target's schema, so unknown tables/columns are errors (KS142/KS204).
 */
import { createRequire } from "node:module";

/** One diagnostic from the Kusto parser. */
export interface KustoDiagnostic {
  code: string;
  message: string;
  severity: string;
  start: number;
  length: number;
}

// The Bridge.NET runtime has no types; everything below is a thin, typed wrapper over it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
let kusto: Any = null;

function load(): Any {
  if (kusto) return kusto;
  const require = createRequire(import.meta.url);
  require("@kusto/language-service-next/bridge.min.js");
  require("@kusto/language-service-next/Kusto.Language.Bridge.min.js");
  kusto = (globalThis as Any).Kusto.Language;
  return kusto;
}

function quoteColumn(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `['${name.replace(/'/g, "\\'")}']`;
}

const KUSTO_TYPES = new Set(["string", "int", "long", "real", "bool", "datetime", "dynamic", "guid", "timespan", "decimal"]);

/**
 * Microsoft Sentinel's `_GetWatchlist(alias)`, which placeholder conversions call: a workspace function returning
 * the watchlist's rows (SearchKey is the item). Declared so queries using it analyse like the rest.
 */
function watchlistFunction(K: Any): Any {
  const alias = new K.Symbols.Parameter.$ctor1("watchlistAlias", K.Symbols.ScalarTypes.String);
  return new K.Symbols.FunctionSymbol.$ctor14("_GetWatchlist", "{ datatable(SearchKey:string, WatchlistItem:dynamic, LastUpdatedTimeUTC:datetime)[] }", [alias]);
}

/** A validator for one schema (table → column → type). */
export class KustoValidator {
  private readonly globals: Any;

  constructor(schema: Record<string, Record<string, string>>) {
    const K = load();
    const tables = Object.entries(schema).map(([table, cols]) => {
      const spec = Object.entries(cols)
        .map(([c, t]) => `${quoteColumn(c)}:${KUSTO_TYPES.has(t) ? t : "string"}`)
        .join(", ");
      return new K.Symbols.TableSymbol.$ctor7(table, `(${spec})`, null);
    });
    this.globals = K.GlobalState.Default.WithDatabase(new K.Symbols.DatabaseSymbol.$ctor1("db", [...tables, watchlistFunction(K)], false));
  }

  /** Parse + semantic diagnostics of `query` (errors and warnings). */
  diagnose(query: string): KustoDiagnostic[] {
    const K = load();
    const list = K.KustoCode.ParseAndAnalyze(query, this.globals).GetDiagnostics();
    const out: KustoDiagnostic[] = [];
    for (let i = 0; i < list.Count; i++) {
      const d = list.getItem(i);
      out.push({ code: String(d.Code), message: String(d.Message), severity: String(d.Severity), start: d.Start, length: d.Length });
    }
    return out;
  }

  /** Only the errors. */
  errors(query: string): KustoDiagnostic[] {
    return this.diagnose(query).filter((d) => d.severity === "Error");
  }
}
