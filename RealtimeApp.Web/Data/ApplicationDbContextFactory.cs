using Microsoft.EntityFrameworkCore;

namespace RealtimeApp.Web.Data;

/// <summary>Hands out the configured engine's context as the <see cref="ApplicationDbContext"/> features ask for.</summary>
internal sealed class ApplicationDbContextFactory<TContext>(IDbContextFactory<TContext> engine) : IDbContextFactory<ApplicationDbContext>
    where TContext : ApplicationDbContext
{
    public ApplicationDbContext CreateDbContext() => engine.CreateDbContext();

    public async Task<ApplicationDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await engine.CreateDbContextAsync(cancellationToken);
}
