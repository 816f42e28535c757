namespace RealtimeApp.Web.Features.Users;

/// <summary>What the first start does about an administrator account.</summary>
public abstract record BootstrapAdminPlan
{
    private BootstrapAdminPlan()
    {
    }

    /// <summary>Users exist and none was configured: leave the accounts alone.</summary>
    public sealed record Nothing : BootstrapAdminPlan;

    /// <summary>The configured account exists: make sure it is an administrator, keep its password.</summary>
    public sealed record EnsureAdmin(string Email) : BootstrapAdminPlan;

    /// <summary>Create an administrator; a generated password is printed once because nobody else knows it.</summary>
    public sealed record Create(string Email, string Password, bool PasswordWasGenerated) : BootstrapAdminPlan;

    public static BootstrapAdminPlan Decide(BootstrapAdminOptions options, bool anyUserExists, bool configuredEmailExists, Func<string> generatePassword)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generatePassword);

        var configuredEmail = string.IsNullOrWhiteSpace(options.AdminEmail) ? null : options.AdminEmail.Trim();
        if (configuredEmail is not null && configuredEmailExists)
        {
            return new EnsureAdmin(configuredEmail);
        }

        if (configuredEmail is null && anyUserExists)
        {
            return new Nothing();
        }

        var email = configuredEmail ?? BootstrapAdminOptions.DefaultAdminEmail;
        return string.IsNullOrEmpty(options.AdminPassword)
            ? new Create(email, generatePassword(), PasswordWasGenerated: true)
            : new Create(email, options.AdminPassword, PasswordWasGenerated: false);
    }
}
