-- Full-text search over published stories' headline, dek and body text (SQLite FTS5).
-- An external-content index over Article (by rowid), kept in step by triggers.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    headline, dek, bodyText,
    content='Article', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ArticleSearch_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch"(rowid, headline, dek, bodyText) VALUES (new.rowid, new.headline, new.dek, new.bodyText);
END;

CREATE TRIGGER "ArticleSearch_ad" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, headline, dek, bodyText) VALUES ('delete', old.rowid, old.headline, old.dek, old.bodyText);
END;

CREATE TRIGGER "ArticleSearch_au" AFTER UPDATE OF headline, dek, bodyText ON "Article" BEGIN
    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, headline, dek, bodyText) VALUES ('delete', old.rowid, old.headline, old.dek, old.bodyText);
    INSERT INTO "ArticleSearch"(rowid, headline, dek, bodyText) VALUES (new.rowid, new.headline, new.dek, new.bodyText);
END;

INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');
