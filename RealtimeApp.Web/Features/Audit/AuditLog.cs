using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Audit;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit.Persistence;

namespace RealtimeApp.Web.Features.Audit;

/// <summary>The audit log in the app's database. Entries are only ever added.</summary>
public sealed class AuditLog(IDbContextFactory<ApplicationDbContext> contexts, TimeProvider time) : IAuditLog
{
    public const int MaxPageSize = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task WriteAsync(Actor actor, string action, string target, object? before = null, object? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorEmail = Truncate(actor.DisplayName),
            Action = action,
            Target = Truncate(target),
            Before = ToJson(before),
            After = ToJson(after),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.WhereAnyContains(db, query.Actor.Trim(), e => e.ActorEmail);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            entries = entries.WhereAnyContains(db, query.Text.Trim(), e => e.Target, e => e.Before, e => e.After);
        }

        if (!string.IsNullOrWhiteSpace(query.Address))
        {
            // Sign-in entries keep the address in "after" ({"address":"…",…}); the closing quote makes the match exact.
            entries = entries.WhereAnyContains(db, $"\"address\":\"{query.Address.Trim()}\"", e => e.After);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }

    private static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);

    private static string Truncate(string text) =>
        text.Length <= AuditEntryConfiguration.MaxNameLength ? text : text[..AuditEntryConfiguration.MaxNameLength];
}
