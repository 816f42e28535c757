using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Realtime;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.ApiTokens;
using RealtimeApp.Web.Features.Audit;
using RealtimeApp.Web.Realtime.Connections;

namespace RealtimeApp.Tests.Features.ApiTokens;

/// <summary>The real app and database, with an <see cref="ApiTokenService"/> on a <see cref="FakeTimeProvider"/>; Ana is Staff, Ben is Staff, the admin is Admin.</summary>
public abstract class ApiTokenTestBase : IAsyncLifetime
{
    protected RealtimeAppFactory Factory { get; } = new();

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    protected ApiTokenService Tokens { get; private set; } = null!;

    protected Actor Ana { get; private set; } = null!;

    protected Actor Ben { get; private set; } = null!;

    protected Actor Admin { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync()
    {
        Ana = ToActor(await Factory.CreateUserAsync("ana@example.com", "Ana#Pass1", Roles.Staff), Roles.Staff);
        Ben = ToActor(await Factory.CreateUserAsync("ben@example.com", "Ben#Pass1", Roles.Staff), Roles.Staff);
        var adminId = await Factory.WithUserManagerAsync(async users => (await users.FindByEmailAsync(RealtimeAppFactory.AdminEmail))!.Id);
        Admin = new Actor(adminId, RealtimeAppFactory.AdminEmail, new HashSet<string> { Roles.Admin });
        Tokens = new ApiTokenService(
            Factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(),
            Factory.Services.GetRequiredService<ApiConnectionRegistry>(),
            Factory.Services.GetRequiredService<IAuditLog>(),
            Factory.Services.GetRequiredService<EventHub>(),
            Options.Create(new ApiTokenOptions()),
            Time);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<CreatedApiToken> CreateAsync(Actor owner, string name, DateTimeOffset? expiresAt = null)
    {
        var created = await Tokens.CreateAsync(owner.UserId, name, expiresAt, [ApiScopes.All], Ct);
        return created.Value ?? throw new InvalidOperationException(created.Failure!.Message);
    }

    protected async Task<List<ApiToken>> StoredTokensAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().ApiTokens.AsNoTracking().ToListAsync(Ct);
    }

    private static Actor ToActor(ApplicationUser user, string role) => new(user.Id, user.Email!, new HashSet<string> { role });
}
