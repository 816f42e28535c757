using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Chat.Persistence;

internal static class StoreSessions
{
    /// <summary>
    /// A context whose connection stays open for a writer's session, handed to <paramref name="create"/>; closed again
    /// when the session cannot be set up.
    /// </summary>
    public static async Task<IMessageStoreSession> OpenAsync(
        IDbContextFactory<ApplicationDbContext> contexts, Func<ApplicationDbContext, Task<IMessageStoreSession>> create, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            return await create(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
