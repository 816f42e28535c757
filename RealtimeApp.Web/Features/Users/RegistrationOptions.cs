namespace RealtimeApp.Web.Features.Users;

/// <summary>Self-service registration (<c>Identity:AllowRegistration</c>, on by default).</summary>
public sealed class RegistrationOptions
{
    public const string SectionName = "Identity";

    public bool AllowRegistration { get; set; } = true;
}
