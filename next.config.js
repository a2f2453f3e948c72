/** @type {import('next').NextConfig} */
const nextConfig = {
  // `next dev` would otherwise write AGENTS.md into the repository.
  agentRules: false,
  experimental: { agentUpgrade: false },
  // Heavy server-only packages stay out of the bundle; Prisma, pg and shiki are external by default.
  serverExternalPackages: ["@kusto/language-service-next", "@libsql/client", "js-yaml"],
  poweredByHeader: false,
};
export default nextConfig;
