package postgres

import (
	"context"
	"embed"
	"fmt"
	"slices"

	"github.com/connectlite/connectlite/internal/storecodec"
	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLockKey is the pg_advisory_xact_lock key that serializes the
// migrations of every connectlite on a database ("connlite" in ASCII).
const migrationLockKey int64 = 0x636f6e6e6c697465

// migrations returns the embedded migrations in version order.
func migrations() ([]storecodec.Migration, error) {
	return storecodec.Migrations(migrationFiles, "migrations")
}

// migrate applies the migrations the database has not seen, all in one
// transaction that first takes a transaction-scoped advisory lock: replicas
// starting at once queue on the lock, and each finds the work of the one
// before it done. A failed migration changes nothing.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var applied []storecodec.Migration
	err = s.write(ctx, "migrate", func(ctx context.Context, tx pgx.Tx) error {
		applied = applied[:0]
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLockKey); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		if s.schema != "" {
			// schemaName allows only plain identifiers: no quoting needed.
			if _, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+s.schema); err != nil {
				return fmt.Errorf("create schema %s: %w", s.schema, err)
			}
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		rows, _ := tx.Query(ctx, `SELECT version FROM schema_migrations`)
		done, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		if err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if newest := slices.Max(append(done, 0)); len(ms) > 0 && int(newest) > ms[len(ms)-1].Version {
			return fmt.Errorf("database schema version %d is newer than this binary's %d", newest, ms[len(ms)-1].Version)
		}
		for _, m := range ms {
			if slices.Contains(done, int32(m.Version)) {
				continue
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
				return fmt.Errorf("migration %s: record: %w", m.Name, err)
			}
			applied = append(applied, m)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range applied {
		s.logger.InfoContext(ctx, "applied migration", "version", m.Version, "name", m.Name, "schema", s.schema)
	}
	return nil
}
