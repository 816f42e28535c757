namespace RealtimeApp.Domain.Common;

/// <summary>Why an operation was refused; each kind maps to one API error code and one kind of UI message.</summary>
public enum FailureKind
{
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    RateLimited,
}
