"use client";

import { useEffect } from "react";

/** Pressing "/" anywhere outside a text field focuses the element with id `targetId` (the search box). */
export function SlashFocus({ targetId }: { targetId: string }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      const input = document.getElementById(targetId) as HTMLInputElement | null;
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener("keydown", onKey);
    // Announce the shortcut only once it works (after hydration).
    document.getElementById(targetId)?.setAttribute("aria-keyshortcuts", "/");
    return () => window.removeEventListener("keydown", onKey);
  }, [targetId]);
  return null;
}
