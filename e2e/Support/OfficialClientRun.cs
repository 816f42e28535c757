using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Domain.Users;

namespace RealtimeApp.E2E.Support;

/// <summary>
/// Runs a script of <c>e2e/trpc-client</c> (the official <c>@trpc/client</c>) against the real app with an API token of
/// its own. When the script prints <c>READY-FOR-RESTART</c>, the app stops gracefully and a new one starts on the same
/// port and database; <c>check</c> runs against the app that is up once the script has ended. <c>configureServices</c>
/// applies to the first app only.
/// </summary>
public static class OfficialClientRun
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static async Task<(int ExitCode, string Output)> RunAsync(
        string script,
        string email,
        Func<KestrelAppFactory, string, IReadOnlyDictionary<string, string>> environment,
        Func<string, KestrelAppFactory, string?>? onLine,
        Func<KestrelAppFactory, Task>? check,
        CancellationToken ct,
        Action<IServiceCollection>? configureServices = null)
    {
        var dataDirectory = KestrelAppFactory.NewDataDirectory();
        var app = new KestrelAppFactory(configureServices, dataDirectory);
        var restart = Task.CompletedTask;
        try
        {
            app.Start();
            await app.CreateUserAsync(email, "Node#Pass1", Roles.Staff);
            var secret = await app.CreateTokenAsync(email, script);
            var result = await NodeScript.RunAsync(script, environment(app, secret), line => line == "READY-FOR-RESTART" ? StartRestart() : onLine?.Invoke(line, app), ct);
            await restart;
            if (check is not null)
            {
                await check(app);
            }

            return result;
        }
        finally
        {
            await restart.ContinueWith(_ => { }, TaskScheduler.Default);
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }

        string StartRestart()
        {
            restart = Task.Run(async () =>
            {
                var port = app.BaseAddress.Port;
                await app.DisposeAsync();
                var next = new KestrelAppFactory(dataDirectory: dataDirectory, port: port);
                next.Start();
                app = next;
            }, CancellationToken.None);
            return "restarting the app on the same port and database";
        }
    }

    /// <summary>Waits for a condition the app makes true, failing after a timeout (no fixed sleeps).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string description)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {description}.");
            }
        }
    }
}
