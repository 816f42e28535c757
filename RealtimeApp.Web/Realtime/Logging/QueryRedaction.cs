using System.Text.RegularExpressions;

namespace RealtimeApp.Web.Realtime.Logging;

/// <summary>
/// Takes the <c>connectionParams</c> query value (how EventSource clients send their API token) out of a logged text:
/// <c>?connectionParams=%7B%22token%22…</c> becomes <c>?connectionParams=[redacted]</c>.
/// </summary>
internal static partial class QueryRedaction
{
    public const string Marker = "[redacted]";

    public static bool Applies(string? text) => text?.Contains("connectionParams=", StringComparison.OrdinalIgnoreCase) == true;

    public static string Redact(string text) => ConnectionParamsValue().Replace(text, "${name}" + Marker);

    [GeneratedRegex(@"(?<name>connectionParams=)[^&\s""'<>]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionParamsValue();
}
