import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeBlock } from "@/components/code/code-block";
import { AttackContextView } from "@/components/rules/attack-context";
import { DataSourcesTable } from "@/components/rules/data-sources-table";
import { EventTester } from "@/components/rules/event-tester";
import { FpGuidanceView } from "@/components/rules/fp-guidance";
import { KqlTabs } from "@/components/rules/kql-tabs";
import { ReferencesView } from "@/components/rules/references";
import { RuleHeader } from "@/components/rules/rule-header";
import { Section } from "@/components/ui/section";
import { cache } from "react";
import { getRule as loadRule } from "@/lib/catalog/queries/get-rule";

/** One load per request, shared by generateMetadata and the page. */
const getRule = cache(loadRule);

// A rule page changes only when a sync changes the catalog, so Next serves the rendered page from its cache and
// re-renders it in the background at most once a minute (ISR); none are prerendered at build time.
export const revalidate = 60;
export async function generateStaticParams(): Promise<{ id: string }[]> {
  return [];
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const rule = await getRule(decodeURIComponent((await params).id));
  return { title: rule?.title ?? "Rule not found" };
}

export default async function RulePage({ params }: Props) {
  const { id } = await params;
  const rule = await getRule(decodeURIComponent(id));
  if (!rule) notFound();
  const hint = `{${rule.detectionFields
    .slice(0, 4)
    .map((f) => `"${f}": "…"`)
    .join(", ")}}`;
  return (
    <article className="space-y-8">
      <nav className="flex justify-between text-sm">
        <Link href="/" className="underline">
          ← Back to the feed
        </Link>
        <Link href="/coverage" className="underline">
          Coverage →
        </Link>
      </nav>
      <RuleHeader rule={rule} />
      <Section id="hypothesis" title="Hunt Hypothesis">
        <div className="space-y-2 text-sm leading-relaxed">
          {rule.hypothesis.sentences.map((s, i) => (
            <p key={i}>{s}</p>
          ))}
        </div>
        <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Generated from the rule’s metadata (ATT&CK tags, logsource and detection).</p>
      </Section>
      <Section id="detection" title="Detection Rule">
        <CodeBlock html={rule.yamlHtml} code={rule.yaml} caption="Sigma (original)" copyLabel="Copy YAML" />
        {rule.issues.length > 0 && (
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer">{rule.issues.length} note(s) from the Sigma parser</summary>
            <ul className="mt-1 list-disc pl-5">
              {rule.issues.map((i, n) => (
                <li key={n}>
                  <code className="text-xs">{i.code}</code> {i.message}
                  {i.line ? ` (line ${i.line})` : ""}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>
      <Section id="kql" title="KQL">
        <KqlTabs conversions={rule.conversions} />
      </Section>
      <Section id="data-sources" title="Required Data Sources">
        <DataSourcesTable rows={rule.dataSources} />
      </Section>
      <Section id="false-positives" title="False Positive Guidance">
        <FpGuidanceView fp={rule.fp} />
      </Section>
      <Section id="attack" title="MITRE ATT&CK Context">
        <AttackContextView attack={rule.attack} />
      </Section>
      <Section id="references" title="References">
        <ReferencesView rule={rule} />
      </Section>
      <Section id="test" title="Test Against an Event">
        {rule.kind === "rule" ? <EventTester ruleId={rule.id} example={hint} /> : <p className="text-sm">Only detection rules can be tested against an event.</p>}
      </Section>
    </article>
  );
}
