using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RealtimeApp.Domain.Agents;
using RealtimeApp.Domain.ApiTokens;
using RealtimeApp.Domain.Chat;
using RealtimeApp.Domain.Tasks;

namespace RealtimeApp.Web.Data;

/// <summary>
/// The app's model, the same on every engine; <see cref="SqliteApplicationDbContext"/> and
/// <see cref="PostgresApplicationDbContext"/> add what one engine needs and own that engine's migrations.
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every node on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<RoomMembership> RoomMemberships => Set<RoomMembership>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<TaskRecord> Tasks => Set<TaskRecord>();

    public DbSet<TaskProgressEvent> TaskEvents => Set<TaskProgressEvent>();

    public DbSet<AgentRecord> Agents => Set<AgentRecord>();

    public DbSet<AgentStatusEntry> AgentStatusHistory => Set<AgentStatusEntry>();

    public DbSet<AgentCommand> AgentCommands => Set<AgentCommand>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }
}
