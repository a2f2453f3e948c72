-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "repoUrl" TEXT,
    "revision" TEXT,
    "defaultBranch" TEXT,
    "lastSyncedAt" TIMESTAMP(3),

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "sources" TEXT NOT NULL DEFAULT '[]',
    "attackVersion" TEXT,
    "filesSeen" INTEGER NOT NULL DEFAULT 0,
    "newCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "unchangedCount" INTEGER NOT NULL DEFAULT 0,
    "removedCount" INTEGER NOT NULL DEFAULT 0,
    "invalidCount" INTEGER NOT NULL DEFAULT 0,
    "warnings" TEXT NOT NULL DEFAULT '[]',
    "message" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncProblem" (
    "id" SERIAL NOT NULL,
    "syncRunId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "path" TEXT NOT NULL,
    "line" INTEGER,
    "col" INTEGER,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "SyncProblem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL,
    "idGenerated" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'rule',
    "name" TEXT,
    "title" TEXT NOT NULL,
    "status" TEXT,
    "level" TEXT,
    "description" TEXT,
    "author" TEXT,
    "date" TEXT,
    "modified" TEXT,
    "product" TEXT,
    "category" TEXT,
    "service" TEXT,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "references" TEXT NOT NULL DEFAULT '[]',
    "falsepositives" TEXT NOT NULL DEFAULT '[]',
    "related" TEXT NOT NULL DEFAULT '[]',
    "logsource" TEXT NOT NULL DEFAULT '{}',
    "issues" TEXT NOT NULL DEFAULT '[]',
    "yaml" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "sourceRevision" TEXT,
    "sortDate" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RulePath" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,

    CONSTRAINT "RulePath_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RuleAttack" (
    "id" SERIAL NOT NULL,
    "ruleId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attackId" TEXT,

    CONSTRAINT "RuleAttack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" SERIAL NOT NULL,
    "ruleId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "tableName" TEXT,
    "query" TEXT,
    "columns" TEXT NOT NULL DEFAULT '[]',
    "issues" TEXT NOT NULL DEFAULT '[]',
    "trace" TEXT NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "converterVersion" TEXT NOT NULL,

    CONSTRAINT "Conversion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttackRelease" (
    "id" SERIAL NOT NULL,
    "domain" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "modified" TEXT,
    "source" TEXT NOT NULL,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digest" TEXT NOT NULL,

    CONSTRAINT "AttackRelease_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tactic" (
    "id" TEXT NOT NULL,
    "shortname" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "matrixOrder" INTEGER NOT NULL,
    "url" TEXT NOT NULL,

    CONSTRAINT "Tactic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Technique" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "isSubtechnique" BOOLEAN NOT NULL DEFAULT false,
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "revokedById" TEXT,
    "url" TEXT NOT NULL,
    "platforms" TEXT NOT NULL DEFAULT '[]',
    "dataComponents" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Technique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TechniqueTactic" (
    "techniqueId" TEXT NOT NULL,
    "tacticId" TEXT NOT NULL,

    CONSTRAINT "TechniqueTactic_pkey" PRIMARY KEY ("techniqueId","tacticId")
);

-- CreateTable
CREATE TABLE "AttackGroup" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT NOT NULL,

    CONSTRAINT "AttackGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttackSoftware" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT NOT NULL,

    CONSTRAINT "AttackSoftware_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE INDEX "SyncProblem_syncRunId_idx" ON "SyncProblem"("syncRunId");

-- CreateIndex
CREATE INDEX "Rule_sourceId_path_idx" ON "Rule"("sourceId", "path");

-- CreateIndex
CREATE INDEX "Rule_sortDate_idx" ON "Rule"("sortDate");

-- CreateIndex
CREATE INDEX "Rule_level_idx" ON "Rule"("level");

-- CreateIndex
CREATE INDEX "Rule_status_idx" ON "Rule"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RulePath_sourceId_path_key" ON "RulePath"("sourceId", "path");

-- CreateIndex
CREATE INDEX "RuleAttack_attackId_idx" ON "RuleAttack"("attackId");

-- CreateIndex
CREATE UNIQUE INDEX "RuleAttack_ruleId_tag_key" ON "RuleAttack"("ruleId", "tag");

-- CreateIndex
CREATE INDEX "Conversion_target_status_idx" ON "Conversion"("target", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Conversion_ruleId_target_key" ON "Conversion"("ruleId", "target");

-- CreateIndex
CREATE UNIQUE INDEX "Tactic_shortname_key" ON "Tactic"("shortname");

-- CreateIndex
CREATE INDEX "Technique_parentId_idx" ON "Technique"("parentId");

-- CreateIndex
CREATE INDEX "TechniqueTactic_tacticId_idx" ON "TechniqueTactic"("tacticId");

-- AddForeignKey
ALTER TABLE "SyncProblem" ADD CONSTRAINT "SyncProblem_syncRunId_fkey" FOREIGN KEY ("syncRunId") REFERENCES "SyncRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncProblem" ADD CONSTRAINT "SyncProblem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rule" ADD CONSTRAINT "Rule_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RulePath" ADD CONSTRAINT "RulePath_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RuleAttack" ADD CONSTRAINT "RuleAttack_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversion" ADD CONSTRAINT "Conversion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechniqueTactic" ADD CONSTRAINT "TechniqueTactic_techniqueId_fkey" FOREIGN KEY ("techniqueId") REFERENCES "Technique"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TechniqueTactic" ADD CONSTRAINT "TechniqueTactic_tacticId_fkey" FOREIGN KEY ("tacticId") REFERENCES "Tactic"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Full-text search (hand-written; lib/catalog's search queries use the same expression so the index applies).
CREATE INDEX "Rule_search_idx" ON "Rule" USING GIN (to_tsvector('simple', "title" || ' ' || "searchText"));
