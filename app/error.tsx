"use client";

/** The error boundary: something unexpected failed while rendering a page. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm">
        The page could not be rendered. {error.digest ? <>Reference for the server log: <code>{error.digest}</code>.</> : null}
      </p>
      <button type="button" onClick={reset} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Try again
      </button>
    </div>
  );
}
