import { MITRE_ATTACK_NOTICE, MITRE_ATTACK_TRADEMARK } from "@/lib/attack";

/** Footer with the MITRE ATT&CK® notice and the Detection Rule License attribution for SigmaHQ rules. */
export function SiteFooter() {
  return (
    <footer className="mt-12 border-t border-zinc-200 bg-zinc-50 text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400">
      <div className="mx-auto max-w-7xl space-y-2 px-4 py-6">
        <p>
          Sigma rules from{" "}
          <a className="underline" href="https://github.com/SigmaHQ/sigma">
            the SigmaHQ rule set
          </a>{" "}
          are licensed under the{" "}
          <a className="underline" href="https://github.com/SigmaHQ/Detection-Rule-License">
            Detection Rule License (DRL) 1.1
          </a>
          ; each rule page keeps its author. KQL is converted by Detectory and is not part of the rule set.
        </p>
        <p>
          MITRE ATT&CK® data: {MITRE_ATTACK_NOTICE} {MITRE_ATTACK_TRADEMARK} Detectory is not endorsed by MITRE.
        </p>
      </div>
    </footer>
  );
}
