using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Common;
using RealtimeApp.Domain.Realtime.Events;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Web.Features.Rooms;

/// <summary>Admin → Rooms: create, rename, set the topic, make private or public, archive and restore. Every change is published.</summary>
public sealed class RoomAdministration(IDbContextFactory<ApplicationDbContext> contexts, RoomEvents events, IAuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AdminRoomRow>> ListAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (AdminOnly(actor) is not null)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Rooms.AsNoTracking()
            .Select(r => new AdminRoomRow(r.Id, r.Name, r.Topic, r.IsPrivate, r.IsArchived, db.RoomMemberships.Count(m => m.RoomId == r.Id), r.LastActivityAt))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.IsArchived).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public async Task<Result<Room>> CreateAsync(Actor actor, string? name, string? topic, bool isPrivate, CancellationToken cancellationToken = default)
    {
        if ((AdminOnly(actor) ?? Validate(name, topic)) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trimmed = name!.Trim();
        if (await NameTakenAsync(db, trimmed, exceptRoomId: null, cancellationToken))
        {
            return Failure.Conflict($"A room named '{trimmed}' already exists.");
        }

        var taken = (await db.Rooms.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var room = new Room { Id = RoomIds.Unique(RoomIds.FromName(trimmed), taken), Name = trimmed, Topic = Clean(topic), IsPrivate = isPrivate, CreatedAt = now, LastActivityAt = now };
        db.Rooms.Add(room);
        db.RoomMemberships.Add(new RoomMembership { RoomId = room.Id, UserId = actor.UserId, Role = RoomRole.Moderator, JoinedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        events.Changed(room, RoomChangeKind.Created);
        await audit.WriteAsync(actor, AuditActions.RoomCreated, Target(room), before: null, after: Snapshot(room), cancellationToken);
        return room;
    }

    public async Task<Result<Room>> UpdateAsync(Actor actor, string roomId, RoomSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);

        if ((AdminOnly(actor) ?? Validate(settings.Name, settings.Topic, nameRequired: false)) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room is null)
        {
            return Failure.NotFound($"There is no room '{roomId}'.");
        }

        if (settings.Name?.Trim() is { } newName && await NameTakenAsync(db, newName, roomId, cancellationToken))
        {
            return Failure.Conflict($"A room named '{newName}' already exists.");
        }

        var before = Snapshot(room);
        room.Name = settings.Name?.Trim() ?? room.Name;
        room.Topic = settings.Topic is null ? room.Topic : Clean(settings.Topic);
        room.IsPrivate = settings.IsPrivate ?? room.IsPrivate;
        await db.SaveChangesAsync(cancellationToken);
        events.Changed(room, RoomChangeKind.Updated);
        await audit.WriteAsync(actor, AuditActions.RoomUpdated, Target(room), before, Snapshot(room), cancellationToken);
        return room;
    }

    public Task<Result<Room>> ArchiveAsync(Actor actor, string roomId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(actor, roomId, archived: true, cancellationToken);

    public Task<Result<Room>> RestoreAsync(Actor actor, string roomId, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(actor, roomId, archived: false, cancellationToken);

    private async Task<Result<Room>> SetArchivedAsync(Actor actor, string roomId, bool archived, CancellationToken cancellationToken)
    {
        if (AdminOnly(actor) is { } refused)
        {
            return refused;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room is null)
        {
            return Failure.NotFound($"There is no room '{roomId}'.");
        }

        if (room.Id == Room.GeneralId && archived)
        {
            return Failure.Invalid("#general is where everyone starts; it cannot be archived.");
        }

        var before = Snapshot(room);
        room.IsArchived = archived;
        await db.SaveChangesAsync(cancellationToken);
        events.Changed(room, archived ? RoomChangeKind.Archived : RoomChangeKind.Unarchived);
        await audit.WriteAsync(actor, archived ? AuditActions.RoomArchived : AuditActions.RoomRestored, Target(room), before, Snapshot(room), cancellationToken);
        return room;
    }

    internal static Failure? AdminOnly(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin ? null : Failure.Forbidden("Only administrators can manage rooms.");
    }

    private static Failure? Validate(string? name, string? topic, bool nameRequired = true) =>
        (nameRequired || name is not null) && ChatRules.ValidateRoomName(name) is { } badName ? Failure.Invalid(badName)
        : topic is not null && topic.Trim().Length > ChatRules.MaxTopicLength ? Failure.Invalid($"A topic has at most {ChatRules.MaxTopicLength} characters.")
        : null;

    internal static string Target(Room room) => $"room:{room.Id}";

    private static object Snapshot(Room room) => new { room.Name, room.Topic, room.IsPrivate, room.IsArchived };

    private static string? Clean(string? topic) => string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();

    private static Task<bool> NameTakenAsync(ApplicationDbContext db, string name, string? exceptRoomId, CancellationToken cancellationToken) =>
        db.Rooms.AnyAsync(r => r.Name == name && r.Id != exceptRoomId, cancellationToken);
}
