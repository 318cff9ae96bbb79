using Microsoft.Extensions.Options;
using UMeetingReports.Web.Demo;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>Every account rule as a sentence naming the setting; runs at start (ValidateOnStart).</summary>
internal sealed class AuthOptionsValidator(UpstreamMode mode) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Users.Count == 0 && !mode.IsDemo)
        {
            failures.Add(
                "Auth:Users is empty: outside the demo (UMeeting:Mode is Live) at least one account is required. "
                + "Set Auth:Users:0:Name, Auth:Users:0:PasswordHash (from `dotnet run --project src/Web -- hash-password`) "
                + "and Auth:Users:0:Role (Admin or Viewer).");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < options.Users.Count; index++)
        {
            var user = options.Users[index];
            var setting = $"Auth:Users:{index}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{setting}:Name is empty: every account needs a user name.");
            }
            else if (!seen.Add(user.Name.Trim()))
            {
                failures.Add($"{setting}:Name '{user.Name}' is used by an earlier account: user names must be unique.");
            }

            if (string.IsNullOrWhiteSpace(user.PasswordHash))
            {
                failures.Add($"{setting}:PasswordHash is empty: make one with `dotnet run --project src/Web -- hash-password`.");
            }
            else if (!PasswordHashes.LooksValid(user.PasswordHash))
            {
                failures.Add($"{setting}:PasswordHash is not a password hash made by `dotnet run --project src/Web -- hash-password` (never put the password itself there).");
            }

            if (Roles.Normalize(user.Role) is null)
            {
                failures.Add($"{setting}:Role '{user.Role}' is not a role: use Admin or Viewer.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
