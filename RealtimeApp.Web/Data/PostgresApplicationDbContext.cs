using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>
/// The model on PostgreSQL, with the migrations under <c>Data/Migrations/Postgres</c>: instants are
/// <c>timestamp with time zone</c>, and <see cref="Collations.CaseInsensitive"/> is an ICU collation at strength 2 (case
/// ignored, accents not). Chat text has no trigram index: it slowed every message write more than it would
/// speed search up (measured, see docs/benchmarks.md), and search reads one room's messages, as on SQLite.
/// </summary>
public sealed class PostgresApplicationDbContext(DbContextOptions<PostgresApplicationDbContext> options) : ApplicationDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.HasCollation(Collations.CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        base.OnModelCreating(builder);
    }
}
