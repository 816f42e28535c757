using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.Users;

/// <summary>The administrator created on first start (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>).</summary>
public sealed class BootstrapAdminOptions
{
    public const string SectionName = "Bootstrap";
    public const string DefaultAdminEmail = "admin@localhost";

    [RegularExpression(@"^\s*[^@\s]+@[^@\s]+\s*$", ErrorMessage = "Bootstrap:AdminEmail must be an email address.")]
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}
