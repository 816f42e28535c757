using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using RealtimeApp.Domain.Users;
using RealtimeApp.Web.Data;
using RealtimeApp.Web.Features.Users;

namespace RealtimeApp.E2E.Support;

/// <summary>The real app on real Kestrel at 127.0.0.1 on a free port, with its own SQLite file.</summary>
public sealed class KestrelAppFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminPassword = "Admin#Pass1";

    private readonly string _directory;
    private readonly bool _ownsDirectory;
    private readonly Action<IServiceCollection>? _configureServices;
    private int _disposed;

    /// <param name="configureServices">Test-only service changes, applied after the app's own.</param>
    /// <param name="dataDirectory">An existing data folder to reuse (a restart); the caller then owns and deletes it.</param>
    /// <param name="port">A fixed port (a restart on the same address); 0 picks a free one.</param>
    public KestrelAppFactory(Action<IServiceCollection>? configureServices = null, string? dataDirectory = null, int port = 0)
    {
        _configureServices = configureServices;
        _ownsDirectory = dataDirectory is null;
        _directory = dataDirectory ?? NewDataDirectory();
        Directory.CreateDirectory(_directory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The SQLite folder of this app; pass it to a new factory to restart on the same data.</summary>
    public string DataDirectory => _directory;

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "realtimeapp-e2e", Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<UserAccountService>().CreateAsync(email, password, role);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    /// <summary>Runs <paramref name="action"/> with a DI scope and the bootstrap administrator as the acting user.</summary>
    public async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Actor, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(AdminEmail);
        return await action(scope.ServiceProvider, new Actor(admin!.Id, AdminEmail, new HashSet<string> { Roles.Admin }));
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDirectory)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_directory, "app.db")}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Development turns demo agents on; browser tests create the agents they watch themselves.
        builder.UseSetting("Demo:Enabled", "false");
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }
}
