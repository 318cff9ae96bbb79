using Microsoft.AspNetCore.Identity;

namespace UMeetingReports.Web.Pages.Account;

/// <summary>ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> format, the only one Auth:Users accepts.</summary>
internal static class PasswordHashes
{
    private const byte Version2Marker = 0x00;
    private const byte Version3Marker = 0x01;
    private const int Version2Length = 49;
    private const int Version3HeaderLength = 13;

    private static readonly PasswordHasher<AuthUser> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(new AuthUser(), password);

    public static bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(new AuthUser(), hash, password) is not PasswordVerificationResult.Failed;

    /// <summary>Catches a pasted password or a truncated hash at start; the real check is <see cref="Verify"/>.</summary>
    public static bool LooksValid(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length == 0)
        {
            return false;
        }

        return bytes[0] switch
        {
            Version2Marker => length == Version2Length,
            Version3Marker => length > Version3HeaderLength,
            _ => false,
        };
    }
}
