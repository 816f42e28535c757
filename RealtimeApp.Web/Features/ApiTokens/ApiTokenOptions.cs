using System.ComponentModel.DataAnnotations;

namespace RealtimeApp.Web.Features.ApiTokens;

/// <summary>API token settings, section <c>ApiTokens</c>.</summary>
public sealed class ApiTokenOptions
{
    public const string SectionName = "ApiTokens";

    /// <summary>How often open API connections are checked against revoked and expired tokens and locked accounts.</summary>
    [Range(0.1, 60)]
    public double SweepSeconds { get; set; } = 2;

    /// <summary>A token's <c>LastUsedAt</c> is written at most this often, so busy scripts do not write on every connect.</summary>
    [Range(0, 86400)]
    public double LastUsedResolutionSeconds { get; set; } = 60;
}
