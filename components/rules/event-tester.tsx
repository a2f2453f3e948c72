"use client";

import { useState } from "react";
import type { EventTestResult } from "@/lib/catalog/types";

/** Paste a JSON event and ask the server whether the rule matches it and which selections matched. */
export function EventTester({ ruleId, example }: { ruleId: string; example: string }) {
  const [text, setText] = useState("");
  const [result, setResult] = useState<EventTestResult | { kind: "error"; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await fetch(`/api/rules/${encodeURIComponent(ruleId)}/test`, { method: "POST", headers: { "content-type": "text/plain" }, body: text });
      const body = (await res.json()) as EventTestResult | { error: string };
      setResult("error" in body ? { kind: "error", message: body.error } : body);
    } catch {
      setResult({ kind: "error", message: "The server did not answer." });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={run} className="space-y-2">
      <label htmlFor="event-json" className="block text-sm font-medium">
        Event (JSON object, Sigma field names as keys)
      </label>
      <textarea
        id="event-json"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={6}
        spellCheck={false}
        placeholder={example}
        className="w-full rounded border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button type="submit" disabled={busy} className="rounded bg-sky-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">
        {busy ? "Testing…" : "Test event"}
      </button>
      <div aria-live="polite" data-testid="event-result">
        {result && <ResultView result={result} />}
      </div>
    </form>
  );
}

function ResultView({ result }: { result: EventTestResult | { kind: "error"; message: string } }) {
  const box = "rounded border p-3 text-sm";
  switch (result.kind) {
    case "invalid-json":
      return (
        <p className={`${box} border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100`}>
          Invalid JSON at line {result.line}, column {result.col}: {result.message}.
        </p>
      );
    case "not-testable":
    case "error":
      return <p className={`${box} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100`}>{result.message}</p>;
    case "result":
      return (
        <div className={`${box} ${result.match ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100" : "border-zinc-300 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"}`}>
          <p className="font-semibold">{result.match ? "Match: the rule fires on this event." : "No match: the rule does not fire on this event."}</p>
          <p>
            Selections matched:{" "}
            {result.matchedSelections.length ? result.matchedSelections.map((m) => <code key={m} className="mr-1">{m}</code>) : "none"}
          </p>
          {result.matchedExclusions.length > 0 && (
            <p>
              Exclusions matched (these suppress the alert):{" "}
              {result.matchedExclusions.map((m) => (
                <code key={m} className="mr-1">
                  {m}
                </code>
              ))}
            </p>
          )}
          {result.note && <p className="text-xs">{result.note}</p>}
        </div>
      );
  }
}
