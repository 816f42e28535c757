using RealtimeApp.Web.Shared.Settings;

namespace RealtimeApp.Web.Components.Account.SignInLimits;

/// <summary>
/// The per-address limit on failed sign-ins (section <c>SignIn</c>): at most <see cref="FailuresPerAddress"/> failures
/// from one address in any <see cref="FailureWindowMinutes"/> minutes, across all accounts. 0 failures: no limit.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "SignIn";
    public const int MaxFailuresPerAddress = 100_000;
    public const int MaxFailureWindowMinutes = 24 * 60;

    public int FailuresPerAddress { get; set; } = 20;

    public int FailureWindowMinutes { get; set; } = 5;

    public bool IsEnabled => FailuresPerAddress > 0;

    public TimeSpan FailureWindow => TimeSpan.FromMinutes(FailureWindowMinutes);

    /// <summary>Reads and checks the section; a bad value throws <see cref="InvalidSettingException"/> naming the key.</summary>
    public static SignInLimitOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(SectionName);
        var options = new SignInLimitOptions
        {
            FailuresPerAddress = Read(section, nameof(FailuresPerAddress), 20, 0, MaxFailuresPerAddress),
            FailureWindowMinutes = Read(section, nameof(FailureWindowMinutes), 5, 1, MaxFailureWindowMinutes),
        };
        return options;
    }

    private static int Read(IConfigurationSection section, string name, int fallback, int min, int max)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
            ? value
            : throw new InvalidSettingException($"{SectionName}:{name} must be a whole number from {min} to {max} (it is '{text}').");
    }
}
