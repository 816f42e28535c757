using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.Tests.Support;

/// <summary>The app on the test server with its own SQLite file, deleted when the test ends.</summary>
public sealed class RealtimeAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin#Pass1";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "realtimeapp-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureTestServices;

    /// <param name="settings">Configuration overrides.</param>
    /// <param name="configureTestServices">Test doubles and extra services, applied after the app's own registrations.</param>
    public RealtimeAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureTestServices = null)
    {
        _configureTestServices = configureTestServices;
        Directory.CreateDirectory(_directory);
        DatabasePath = Path.Combine(_directory, "app.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabasePath}",
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
            ["Logging:LogLevel:Default"] = "Warning",
            // The tests run in Development, where demo agents are on by default; a test that wants them turns them on.
            ["Demo:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    private IHost? _host;

    public string DatabasePath { get; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Stops the app as SIGTERM would (ApplicationStopping, hosted services' StopAsync) while the test server still serves.</summary>
    public Task StopAsync() => (_host ?? throw new InvalidOperationException("The app has not started.")).StopAsync(TestContext.Current.CancellationToken);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        _host = base.CreateHost(builder);
        return _host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            // Not yet deleted: a test may take a node down itself before the end of its scope.
            Directory.Delete(_directory, recursive: true);
        }
    }

    public async Task<ApplicationUser> CreateUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, password, role);
        return result.User ?? throw new InvalidOperationException(result.Error);
    }

    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureTestServices is not null)
        {
            builder.ConfigureTestServices(_configureTestServices);
        }
    }
}
