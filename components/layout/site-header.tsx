import Link from "next/link";

const NAV = [
  { href: "/", label: "Feed" },
  { href: "/attack", label: "ATT&CK" },
  { href: "/coverage", label: "Coverage" },
  { href: "/ingest", label: "Ingest" },
];

/** The top bar: product name and the main sections. */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Detectory
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {NAV.map((n) => (
              <li key={n.href}>
                <Link href={n.href} className="text-zinc-700 hover:text-zinc-950 hover:underline dark:text-zinc-300 dark:hover:text-white">
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
