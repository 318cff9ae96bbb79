namespace UMeetingReports.Web.Filters;

/// <summary>
/// Marks a property of a <see cref="QueryFilter"/> as one query-string field, under the upstream's own parameter name
/// where it has one. <see cref="FilterBinder"/> reads it and <see cref="FilterLinks"/> writes it, so a field is
/// declared once: its type says how it is read (text, yyyy-MM-dd day, true/false, whole number, or an enum written as
/// its members' snake_case names). A nullable field is absent until the address gives it; links leave out what is
/// null, empty or false, and write every other value.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
internal sealed class QueryFieldAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>
    /// The message (an English format, the localization key) for a value of an enum field that names no member;
    /// <c>{0}</c> is the list of the names it accepts.
    /// </summary>
    public string? Invalid { get; init; }

    /// <summary>Where the field stands in a link: fields of a lower order first, then a base record's before a derived one's.</summary>
    public int Order { get; init; }

    /// <summary>A record id (base64, which never holds a space): a space is a '+' that arrived unencoded.</summary>
    public bool PlusMayArriveAsSpace { get; init; }
}

/// <summary>
/// Marks a property that holds another filter read from the same query string: the fields named in
/// <see cref="SharedFields"/> are the outer filter's (read and written once, unprefixed), the others carry
/// <see cref="Prefix"/>. A value of the nested filter that its own checks would refuse drops the nested filter; it is
/// never a reason to refuse the outer page.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
internal sealed class NestedFilterAttribute(string prefix, params string[] sharedFields) : Attribute
{
    public string Prefix { get; } = prefix;

    public IReadOnlyList<string> SharedFields { get; } = sharedFields;
}
