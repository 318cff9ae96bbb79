namespace UMeetingReports.Core.Archive;

/// <summary>
/// The archive's database cannot be used: unreadable, unreachable, or written by a newer version of the app. The
/// message is a sentence that names the file or the server, never a password.
/// </summary>
public sealed class ArchiveUnavailableException : Exception
{
    public ArchiveUnavailableException()
    {
    }

    public ArchiveUnavailableException(string message)
        : base(message)
    {
    }

    public ArchiveUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
