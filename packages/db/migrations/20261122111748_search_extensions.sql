-- Full-text search needs trigram similarity (typo tolerance) and accent folding. Creating extensions needs
-- the CREATE privilege on the database (a superuser or the database owner on PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
