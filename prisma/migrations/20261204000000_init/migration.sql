-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "repoUrl" TEXT,
    "revision" TEXT,
    "defaultBranch" TEXT,
    "lastSyncedAt" DATETIME
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
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
    "message" TEXT
);

-- CreateTable
CREATE TABLE "SyncProblem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "syncRunId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "path" TEXT NOT NULL,
    "line" INTEGER,
    "col" INTEGER,
    "code" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "SyncProblem_syncRunId_fkey" FOREIGN KEY ("syncRunId") REFERENCES "SyncRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SyncProblem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rule" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Rule_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RulePath" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    CONSTRAINT "RulePath_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RuleAttack" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ruleId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "attackId" TEXT,
    CONSTRAINT "RuleAttack_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Conversion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    CONSTRAINT "Conversion_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "Rule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttackRelease" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "domain" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "modified" TEXT,
    "source" TEXT NOT NULL,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digest" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Tactic" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shortname" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "matrixOrder" INTEGER NOT NULL,
    "url" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Technique" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "parentId" TEXT,
    "isSubtechnique" BOOLEAN NOT NULL DEFAULT false,
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "revokedById" TEXT,
    "url" TEXT NOT NULL,
    "platforms" TEXT NOT NULL DEFAULT '[]',
    "dataComponents" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "TechniqueTactic" (
    "techniqueId" TEXT NOT NULL,
    "tacticId" TEXT NOT NULL,

    PRIMARY KEY ("techniqueId", "tacticId"),
    CONSTRAINT "TechniqueTactic_techniqueId_fkey" FOREIGN KEY ("techniqueId") REFERENCES "Technique" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TechniqueTactic_tacticId_fkey" FOREIGN KEY ("tacticId") REFERENCES "Tactic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AttackGroup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "AttackSoftware" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "url" TEXT NOT NULL
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



-- Full-text search (hand-written; Prisma does not model it, prisma.config.ts lists these tables as external).
-- FTS5 external content reads columns by name, so a view exposes Rule.searchText as "body".
-- lib/catalog/migrate.ts re-creates the same objects idempotently after every migration, because SQLite
-- "RedefineTables" migrations drop Rule's triggers silently.
CREATE VIEW IF NOT EXISTS "RuleFtsContent" AS SELECT "Rule".rowid AS "rid", "title", "searchText" AS "body" FROM "Rule";
CREATE VIRTUAL TABLE IF NOT EXISTS "RuleFts" USING fts5(title, body, content='RuleFtsContent', content_rowid='rid', tokenize='unicode61');
CREATE TRIGGER IF NOT EXISTS "Rule_fts_ai" AFTER INSERT ON "Rule" BEGIN
  INSERT INTO "RuleFts"(rowid, title, body) VALUES (new.rowid, new."title", new."searchText");
END;
CREATE TRIGGER IF NOT EXISTS "Rule_fts_ad" AFTER DELETE ON "Rule" BEGIN
  INSERT INTO "RuleFts"("RuleFts", rowid, title, body) VALUES ('delete', old.rowid, old."title", old."searchText");
END;
CREATE TRIGGER IF NOT EXISTS "Rule_fts_au" AFTER UPDATE OF "title", "searchText" ON "Rule" BEGIN
  INSERT INTO "RuleFts"("RuleFts", rowid, title, body) VALUES ('delete', old.rowid, old."title", old."searchText");
  INSERT INTO "RuleFts"(rowid, title, body) VALUES (new.rowid, new."title", new."searchText");
END;
