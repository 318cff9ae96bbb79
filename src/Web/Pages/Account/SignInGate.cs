using System.Net;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>What became of one sign-in attempt.</summary>
internal abstract record SignInOutcome
{
    public sealed record Accepted(Account Account) : SignInOutcome;

    /// <summary>A field was empty or too long: not counted as a failure.</summary>
    public sealed record Incomplete : SignInOutcome;

    public sealed record Refused : SignInOutcome;

    /// <summary>Too many failures for the name or the address: the password was not even checked.</summary>
    public sealed record Throttled(TimeSpan RetryAfter) : SignInOutcome;
}

/// <summary>The sign-in rules in one place: throttle first, then the password, then count the outcome.</summary>
internal sealed partial class SignInGate(AccountDirectory accounts, SignInThrottle throttle, ILogger<SignInGate> logger)
{
    public const int MaxFieldLength = 200;

    public async Task<SignInOutcome> TryAsync(string? userName, string? password, IPAddress? client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)
            || userName.Length > MaxFieldLength || password.Length > MaxFieldLength || userName.Any(char.IsControl))
        {
            return new SignInOutcome.Incomplete();
        }

        // Counted before the check (a failure until proved otherwise), so that parallel attempts cannot all be checked.
        if (await throttle.TryEnterAsync(userName, client, cancellationToken) is { } wait)
        {
            LogThrottled(logger, userName, client);
            return new SignInOutcome.Throttled(wait);
        }

        if (accounts.Verify(userName, password) is { } account)
        {
            await throttle.SucceededAsync(userName, client, cancellationToken);
            LogAccepted(logger, account.Name, account.Role, client);
            return new SignInOutcome.Accepted(account);
        }

        LogRefused(logger, userName, client);
        return new SignInOutcome.Refused();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UserName} ({Role}) signed in from {Client}")]
    private static partial void LogAccepted(ILogger logger, string userName, string role, IPAddress? client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused for {UserName} from {Client}: wrong user name or password")]
    private static partial void LogRefused(ILogger logger, string userName, IPAddress? client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName} from {Client} not tried: too many recent failures")]
    private static partial void LogThrottled(ILogger logger, string userName, IPAddress? client);
}
