namespace UMeetingReports.Core.Instances;

/// <summary>
/// This running instance of the app, as leases and download jobs name it: the machine (a container's host name) and
/// a random part, so that a restarted instance is a new holder and never mistakes an old lease or job for its own.
/// </summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..12]}";

    public override string ToString() => Id;
}
