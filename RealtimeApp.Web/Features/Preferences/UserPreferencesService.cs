using Microsoft.EntityFrameworkCore;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Web.Features.Preferences;

/// <summary>Per-user display preferences, kept on the account so they follow the user between browsers.</summary>
public sealed class UserPreferencesService(IDbContextFactory<ApplicationDbContext> contexts)
{
    public async Task<bool> GetDarkModeAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(user => user.Id == userId).Select(user => user.PrefersDarkMode).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SetDarkModeAsync(string userId, bool prefersDarkMode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(user => user.Id == userId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(user => user.PrefersDarkMode, prefersDarkMode), cancellationToken);
    }
}
