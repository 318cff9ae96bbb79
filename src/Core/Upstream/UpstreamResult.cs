using System.Diagnostics.CodeAnalysis;

namespace UMeetingReports.Core.Upstream;

/// <summary>Either a complete value or the failure that kept it from being complete — never both.</summary>
public sealed class UpstreamResult<T>
{
    private UpstreamResult(T? value, UpstreamFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public UpstreamFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static UpstreamResult<T> Success(T value) => new(value, null);

    public static UpstreamResult<T> Failed(UpstreamFailure failure) => new(default, failure);
}
