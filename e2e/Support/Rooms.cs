using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Chat;
using RealtimeApp.Web.Features.Rooms;

namespace RealtimeApp.E2E.Support;

/// <summary>Arranges rooms through the same services the admin console uses.</summary>
public static class Rooms
{
    public static Task<string> CreateRoomAsync(this KestrelAppFactory app, string name, bool isPrivate, params string[] memberEmails) =>
        app.AsAdminAsync(async (services, admin) =>
        {
            var room = (await services.GetRequiredService<RoomAdministration>().CreateAsync(admin, name, topic: null, isPrivate)).Value!;
            foreach (var email in memberEmails)
            {
                await services.GetRequiredService<RoomMembers>().AddAsync(admin, room.Id, email, RoomRole.Member);
            }

            return room.Id;
        });

    public static Task ArchiveRoomAsync(this KestrelAppFactory app, string roomId) =>
        app.AsAdminAsync((services, admin) => services.GetRequiredService<RoomAdministration>().ArchiveAsync(admin, roomId));

    public static Task RemoveMemberAsync(this KestrelAppFactory app, string roomId, string email) =>
        app.AsAdminAsync(async (services, admin) =>
        {
            var user = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            return await services.GetRequiredService<RoomMembers>().RemoveAsync(admin, roomId, user!.Id);
        });

    /// <summary>The texts of the room's newest messages, read as an administrator.</summary>
    public static Task<IReadOnlyList<string>> MessagesInAsync(this KestrelAppFactory app, string roomId) =>
        app.AsAdminAsync<IReadOnlyList<string>>(async (services, admin) =>
            (await services.GetRequiredService<ChatHistory>().PageAsync(admin, roomId, beforeSequence: null, limit: 200)).Value!.Select(m => m.Text).ToList());
}
