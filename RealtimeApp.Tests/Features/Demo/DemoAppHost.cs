using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;
using RealtimeApp.Tests.Support;
using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Features.Demo;

/// <summary>The app on real Kestrel (127.0.0.1, a free port) with demo mode on and short demo timings.</summary>
public sealed class DemoAppHost : IAsyncDisposable
{
    private readonly RealtimeAppFactory _factory;

    private DemoAppHost(IDictionary<string, string?> settings)
    {
        _factory = new RealtimeAppFactory(settings);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
    }

    public IServiceProvider Services => _factory.Services;

    /// <param name="stepSeconds">Time between two progress reports.</param>
    /// <param name="steps">Progress reports per task.</param>
    /// <param name="agents">How many demo agents run.</param>
    /// <param name="idleSeconds">How long an agent rests between tasks.</param>
    public static DemoAppHost Start(double stepSeconds, int steps, int agents = 2, double idleSeconds = 0.2) => new(new Dictionary<string, string?>
    {
        ["Demo:Enabled"] = "true",
        ["Demo:Agents"] = agents.ToString(CultureInfo.InvariantCulture),
        ["Demo:StepSeconds"] = stepSeconds.ToString(CultureInfo.InvariantCulture),
        ["Demo:StepsPerTask"] = steps.ToString(CultureInfo.InvariantCulture),
        ["Demo:IdleSeconds"] = idleSeconds.ToString(CultureInfo.InvariantCulture),
        ["Demo:HeartbeatSeconds"] = "0.5",
        ["Demo:FailureRate"] = "0",
        ["Demo:MaxReconnectDelaySeconds"] = "1",
    });

    public T Get<T>()
        where T : notnull => _factory.Services.GetRequiredService<T>();

    public async Task<Actor> AdminAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(RealtimeAppFactory.AdminEmail);
        return new Actor(admin!.Id, RealtimeAppFactory.AdminEmail, new HashSet<string> { Roles.Admin });
    }

    /// <summary>Waits until <paramref name="condition"/> holds, asking every 50 ms, failing after 60 s (the machine may be busy).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string description)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {description}.");
            }
        }
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
