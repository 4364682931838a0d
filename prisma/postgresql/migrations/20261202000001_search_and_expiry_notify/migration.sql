-- Written by hand (PostgreSQL only; scripts/postgres-twin.ts leaves these objects alone).

-- Full-text search over stories' headline, dek and body text (lib/search.ts), the counterpart of
-- SQLite's FTS5 index: a generated tsvector, weighted headline A, dek B, body C, with a GIN index.
-- Words are lower-cased and stripped of accents (like FTS5's unicode61 remove_diacritics 2) and
-- not stemmed ('simple'), so a newsroom in any language gets the same behaviour.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); a generated column needs IMMUTABLE.
CREATE FUNCTION dateline_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', dateline_unaccent(coalesce("headline", ''))), 'A') ||
    setweight(to_tsvector('simple', dateline_unaccent(coalesce("dek", ''))), 'B') ||
    setweight(to_tsvector('simple', dateline_unaccent(coalesce("bodyText", ''))), 'C')
) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");

-- Cache expiry across server processes and machines (lib/cache/shared-expiry.ts): every insert
-- into CacheTagExpiry wakes the processes LISTENing on dateline_cache_expiry, which read the new
-- rows at once instead of at their next poll. The table stays the record; the notice is a nudge.
CREATE FUNCTION dateline_cache_expiry_notify() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM pg_notify('dateline_cache_expiry', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER "CacheTagExpiry_notify" AFTER INSERT ON "CacheTagExpiry"
    FOR EACH STATEMENT EXECUTE FUNCTION dateline_cache_expiry_notify();
