namespace RealtimeApp.Web.Data;

/// <summary>Collations every engine defines under the same name, so a feature's mapping names one and runs anywhere.</summary>
public static class Collations
{
    /// <summary>
    /// Equality and uniqueness that ignore case ("General" equals "general"): SQLite's built-in <c>NOCASE</c>; on
    /// PostgreSQL, a nondeterministic ICU collation of that name created by the migrations.
    /// </summary>
    public const string CaseInsensitive = "NOCASE";
}
