using Microsoft.Extensions.Options;
using UMeetingReports.Web.Demo;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>A signed-in person: the configured name and a role from <see cref="Roles"/>.</summary>
internal sealed record Account(string Name, string Role);

/// <summary>
/// The accounts of Auth:Users, or in demo mode (<see cref="UpstreamMode.Demo"/>) with none configured the one account
/// admin / admin; in Live there is never a demo account.
/// Hashes are computed lazily so that starting the app never waits on PBKDF2.
/// </summary>
internal sealed class AccountDirectory
{
    public const string DemoUserName = "admin";
    public const string DemoPassword = "admin";

    private readonly Dictionary<string, (Account Account, Lazy<string> Hash)> _accounts;

    // Verifying against a real hash when the name is unknown keeps the answer time from telling which names exist.
    private readonly Lazy<string> _decoyHash = new(() => PasswordHashes.Hash(Guid.NewGuid().ToString("N")));

    public AccountDirectory(IOptions<AuthOptions> auth, UpstreamMode mode)
    {
        var users = auth.Value.Users;
        UsesDemoAccount = users.Count == 0 && mode.IsDemo;
        _accounts = new Dictionary<string, (Account, Lazy<string>)>(StringComparer.OrdinalIgnoreCase);

        if (UsesDemoAccount)
        {
            _accounts[DemoUserName] = (new Account(DemoUserName, Roles.Admin), new Lazy<string>(() => PasswordHashes.Hash(DemoPassword)));
        }

        foreach (var user in users)
        {
            var name = user.Name.Trim();
            var hash = user.PasswordHash.Trim();
            _accounts[name] = (new Account(name, Roles.Normalize(user.Role) ?? Roles.Viewer), new Lazy<string>(() => hash));
        }
    }

    /// <summary>True in the demo when Auth:Users is empty: the sign-in page then names the demo account.</summary>
    public bool UsesDemoAccount { get; }

    /// <summary>The account when the name and password match, otherwise null.</summary>
    public Account? Verify(string userName, string password)
    {
        if (_accounts.TryGetValue(userName.Trim(), out var entry))
        {
            return PasswordHashes.Verify(entry.Hash.Value, password) ? entry.Account : null;
        }

        PasswordHashes.Verify(_decoyHash.Value, password);
        return null;
    }
}
