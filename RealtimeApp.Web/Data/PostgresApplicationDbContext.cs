using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;

namespace RealtimeApp.Web.Data;

/// <summary>
/// The model on PostgreSQL, with the migrations under <c>Data/Migrations/Postgres</c>: instants are
/// <c>timestamp with time zone</c>, <see cref="Collations.CaseInsensitive"/> is an ICU collation at strength 2 (case
/// ignored, accents not), and chat text has a trigram index for case-insensitive search (<c>ILIKE</c>).
/// </summary>
public sealed class PostgresApplicationDbContext(DbContextOptions<PostgresApplicationDbContext> options) : ApplicationDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.HasCollation(Collations.CaseInsensitive, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<ChatMessage>().HasIndex(message => message.Text).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
