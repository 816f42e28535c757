using RealtimeApp.Web.Data;

namespace RealtimeApp.Tests.Support;

/// <summary>
/// Runs a persistence test once per database engine: <c>[Theory, ClassData(typeof(BothEngines))]</c> with a
/// <see cref="DatabaseProvider"/> parameter handed to the host.
/// </summary>
public sealed class BothEngines : TheoryData<DatabaseProvider>
{
    public BothEngines()
        : base(DatabaseProvider.Sqlite, DatabaseProvider.Postgres)
    {
    }
}
