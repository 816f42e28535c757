using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Audit;

namespace RealtimeApp.Tests.Features.Audit;

public sealed class AuditLogQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ana = new("u-ana", "ana@example.com", new HashSet<string> { Roles.Admin });
    private static readonly Actor Ben = new("u-ben", "ben@example.com", new HashSet<string> { Roles.Admin });

    private readonly RealtimeAppFactory _factory = new();
    private readonly FakeTimeProvider _time = new(Start);
    private AuditLog _log = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _log = new AuditLog(_factory.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>(), _time);
        await _log.WriteAsync(Ana, AuditActions.UserLocked, "user:cleo@example.com", new { Locked = false }, new { Locked = true }, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _log.WriteAsync(Ben, AuditActions.RoomCreated, "room:dev", null, new { Name = "dev", Topic = "50% builds" }, Ct);
        _time.Advance(TimeSpan.FromDays(1));
        await _log.WriteAsync(Ana, AuditActions.RoomArchived, "room:old", null, null, Ct);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task QueryAsync_ReturnsNewestFirst_WhenUnfiltered()
    {
        var page = await _log.QueryAsync(new AuditQuery(), Ct);

        page.Total.ShouldBe(3);
        page.Entries.Select(e => e.Target).ShouldBe(["room:old", "room:dev", "user:cleo@example.com"]);
    }

    [Fact]
    public async Task QueryAsync_FiltersByActorActionTextAndDates()
    {
        (await _log.QueryAsync(new AuditQuery(Actor: "ANA@"), Ct)).Total.ShouldBe(2);
        (await _log.QueryAsync(new AuditQuery(Action: AuditActions.RoomCreated), Ct)).Entries.ShouldHaveSingleItem().Target.ShouldBe("room:dev");
        (await _log.QueryAsync(new AuditQuery(Text: "50%"), Ct)).Entries.ShouldHaveSingleItem().Target.ShouldBe("room:dev");
        (await _log.QueryAsync(new AuditQuery(Text: "cleo"), Ct)).Entries.ShouldHaveSingleItem().Action.ShouldBe(AuditActions.UserLocked);
        (await _log.QueryAsync(new AuditQuery(From: Start.AddHours(1), To: Start.AddDays(2)), Ct)).Entries.ShouldHaveSingleItem().Target.ShouldBe("room:dev");
    }

    [Fact]
    public async Task QueryAsync_FiltersSignInsByExactAddress()
    {
        await _log.WriteSignInFailedAsync("eve@example.com", null, IPAddress.Parse("203.0.113.7"), SignInFailureReasons.UnknownAccount, Ct);
        await _log.WriteSignInFailedAsync("eve@example.com", null, IPAddress.Parse("203.0.113.70"), SignInFailureReasons.UnknownAccount, Ct);
        await _log.WriteSignInSucceededAsync("ana@example.com", "u-ana", IPAddress.Parse("::ffff:203.0.113.7"), Ct);
        await _log.WriteSignInSucceededAsync("ana@example.com", "u-ana", IPAddress.Parse("2001:DB8::7"), Ct);

        var fromSeven = await _log.QueryAsync(new AuditQuery(Address: " 203.0.113.7 "), Ct);
        var fromIPv6 = await _log.QueryAsync(new AuditQuery(Address: "2001:db8::7", Action: AuditActions.SignInSucceeded), Ct);

        fromSeven.Entries.Select(e => e.Action).ShouldBe([AuditActions.SignInSucceeded, AuditActions.SignInFailed]);
        fromIPv6.Entries.ShouldHaveSingleItem().After.ShouldBe("""{"address":"2001:db8::7"}""");
    }

    [Fact]
    public async Task QueryAsync_Pages()
    {
        var page = await _log.QueryAsync(new AuditQuery(Page: 1, PageSize: 2), Ct);

        page.Total.ShouldBe(3);
        page.Entries.ShouldHaveSingleItem().Target.ShouldBe("user:cleo@example.com");
    }
}
