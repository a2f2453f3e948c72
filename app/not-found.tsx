import Link from "next/link";

/** Unknown rule, technique or path. */
export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-sm">There is no rule, technique or page at this address.</p>
      <p className="text-sm">
        <Link href="/" className="underline">
          Back to the feed
        </Link>{" "}
        ·{" "}
        <Link href="/attack" className="underline">
          Search ATT&CK techniques
        </Link>
      </p>
    </div>
  );
}
