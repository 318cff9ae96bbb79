namespace UMeetingReports.Core.Upstream;

/// <summary>
/// Counts the upstream attempts (retries included) made inside a scope of the caller's own asynchronous flow, so that
/// work such as one archive window can say how many requests it cost even while reports call the service beside it.
/// </summary>
internal static class UpstreamRequestTally
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>Starts counting for this flow and the calls it makes; disposing the scope stops it.</summary>
    public static Scope Begin()
    {
        var scope = new Scope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The scope of this flow, to carry into work that does not inherit it (a cache's shared fetch).</summary>
    public static Scope? Capture() => Current.Value;

    /// <summary>Counts this flow's attempts into <paramref name="scope"/> (captured elsewhere) until disposed.</summary>
    public static Resumed Resume(Scope? scope)
    {
        var previous = Current.Value;
        Current.Value = scope;
        return new Resumed(previous);
    }

    /// <summary>Called by <see cref="UpstreamAttemptHandler"/> for every attempt that goes out.</summary>
    public static void Record()
    {
        for (var scope = Current.Value; scope is not null; scope = scope.Outer)
        {
            scope.Increment();
        }
    }

    public readonly struct Resumed(Scope? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }

    public sealed class Scope : IDisposable
    {
        private int _requests;

        internal Scope(Scope? outer) => Outer = outer;

        internal Scope? Outer { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            if (ReferenceEquals(Current.Value, this))
            {
                Current.Value = Outer;
            }
        }

        internal void Increment() => Interlocked.Increment(ref _requests);
    }
}
