using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.RateLimits;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Features.RateLimits;

namespace RealtimeApp.Tests.Features.RateLimits.Support;

/// <summary>Changes the stored policies the way an administrator would, for hosts and tests.</summary>
public static class RateLimitSettings
{
    public static Actor Administrator { get; } = new("test-admin", "test admin", new HashSet<string> { Roles.Admin });

    /// <summary>Sets the Staff and Admin defaults' message budget to <paramref name="messagesPerMinute"/>.</summary>
    public static async Task SetMessageBudgetAsync(IServiceProvider services, int messagesPerMinute)
    {
        var policies = services.GetRequiredService<RateLimitPolicyService>();
        foreach (var role in new[] { RateLimitSource.Staff, RateLimitSource.Admin })
        {
            var saved = await policies.SetDefaultAsync(
                Administrator, role, RateLimitDefaults.Seed.For(role) with { MessagesPerMinute = messagesPerMinute }, TestContext.Current.CancellationToken);
            saved.Failure.ShouldBeNull();
        }
    }

    public static async Task SetApiDefaultAsync(IServiceProvider services, RateLimitValues values)
    {
        var saved = await services.GetRequiredService<RateLimitPolicyService>()
            .SetDefaultAsync(Administrator, RateLimitSource.Api, values, TestContext.Current.CancellationToken);
        saved.Failure.ShouldBeNull();
    }

    public static async Task SetOverrideAsync(IServiceProvider services, string userId, RateLimitValues values)
    {
        var saved = await services.GetRequiredService<RateLimitPolicyService>()
            .SetOverrideAsync(Administrator, userId, values, TestContext.Current.CancellationToken);
        saved.Failure.ShouldBeNull();
    }
}
