using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace UMeetingReports.Web.Filters;

/// <summary>How a field's text becomes a value, by the property's type.</summary>
internal enum FieldKind
{
    Text,
    Day,
    Flag,
    Whole,
    Choice,
}

/// <summary>One query-string field of a filter type: its name, how it is read, and the property behind it.</summary>
internal sealed class FilterField
{
    private readonly PropertyInfo _property;
    private readonly Dictionary<string, object>? _choices;
    private readonly Dictionary<object, string>? _choiceNames;

    public FilterField(PropertyInfo property, QueryFieldAttribute attribute)
    {
        _property = property;
        Name = attribute.Name;
        Attribute = attribute;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        IsNullable = !property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null;
        Kind = type == typeof(string) ? FieldKind.Text
            : type == typeof(DateOnly) ? FieldKind.Day
            : type == typeof(bool) ? FieldKind.Flag
            : type == typeof(int) ? FieldKind.Whole
            : type.IsEnum ? FieldKind.Choice
            : throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: a query field is text, DateOnly, bool, int or an enum, not {type.Name}.");
        if (Kind == FieldKind.Choice)
        {
            _choices = Enum.GetValues(type).Cast<object>().ToDictionary(value => SnakeCase(value.ToString()!), StringComparer.OrdinalIgnoreCase);
            // Written on every link of a page (a sort per column header): each member's name is worked out once.
            _choiceNames = [];
            foreach (var value in Enum.GetValues(type))
            {
                _choiceNames.TryAdd(value, SnakeCase(value.ToString()!));
            }
        }
    }

    public string Name { get; }

    public QueryFieldAttribute Attribute { get; }

    public FieldKind Kind { get; }

    /// <summary>Absent means null rather than a default value.</summary>
    public bool IsNullable { get; }

    /// <summary>The names an enum field accepts, in declaration order.</summary>
    public IEnumerable<string> ChoiceNames => _choices?.Keys ?? Enumerable.Empty<string>();

    public object? Get(QueryFilter filter) => _property.GetValue(filter);

    public void Set(QueryFilter filter, object? value) => _property.SetValue(filter, value);

    public bool TryChoose(string text, out object? value)
    {
        value = null;
        return _choices is not null && _choices.TryGetValue(text, out value);
    }

    /// <summary>The value as the address writes it; null when it is left out (null, empty or false).</summary>
    public string? Write(QueryFilter filter) =>
        Get(filter) switch
        {
            null => null,
            string text => text.Length == 0 ? null : text,
            DateOnly day => Formatting.Display.Invariant(day),
            bool flag => flag ? "true" : null,
            int number => number.ToString(CultureInfo.InvariantCulture),
            Enum choice => _choiceNames is not null && _choiceNames.TryGetValue(choice, out var name) ? name : SnakeCase(choice.ToString()),
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        };

    /// <summary>An enum member's name in the address (<see cref="SnakeCase"/>), worked out once per member.</summary>
    public static string KeyOf<TEnum>(TEnum member)
        where TEnum : struct, Enum =>
        EnumKeys<TEnum>.ByMember.TryGetValue(member, out var key) ? key : SnakeCase(member.ToString());

    /// <summary>"ConnectedTime" → "connected_time": the address's names of enum members.</summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var index = 0; index < name.Length; index++)
        {
            if (char.IsUpper(name[index]) && index > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[index]));
        }

        return builder.ToString();
    }
}

/// <summary>The address's names of one enum's members.</summary>
internal static class EnumKeys<TEnum>
    where TEnum : struct, Enum
{
    public static readonly Dictionary<TEnum, string> ByMember =
        Enum.GetValues<TEnum>().Distinct().ToDictionary(member => member, member => FilterField.SnakeCase(member.ToString()));
}

/// <summary>A filter property that holds another filter (<see cref="NestedFilterAttribute"/>).</summary>
internal sealed record NestedFilter(PropertyInfo Property, NestedFilterAttribute Attribute, FilterFields Fields)
{
    public bool Shares(FilterField field) => Attribute.SharedFields.Contains(field.Name);

    /// <summary>The nested field's name in the address: its own when it is shared with the outer filter, else prefixed.</summary>
    public string NameOf(FilterField field) => Shares(field) ? field.Name : Attribute.Prefix + field.Name;
}

/// <summary>The query fields of one filter type, found once per type.</summary>
internal sealed class FilterFields
{
    private static readonly ConcurrentDictionary<Type, FilterFields> ByType = new();

    private FilterFields(Type type)
    {
        Type = type;
        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public);
        Fields = [.. properties
            .Select(property => (property, attribute: property.GetCustomAttribute<QueryFieldAttribute>()))
            .Where(pair => pair.attribute is not null)
            .OrderBy(pair => pair.attribute!.Order)
            .ThenBy(pair => pair.property.DeclaringType == type ? 1 : 0)
            .Select(pair => new FilterField(pair.property, pair.attribute!))];
        Nested = [.. properties
            .Select(property => (property, attribute: property.GetCustomAttribute<NestedFilterAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => new NestedFilter(pair.property, pair.attribute!, For(pair.property.PropertyType)))];
    }

    public Type Type { get; }

    /// <summary>In the order a link writes them: by <see cref="QueryFieldAttribute.Order"/>, then the base record's (from, to, host_id) first.</summary>
    public IReadOnlyList<FilterField> Fields { get; }

    public IReadOnlyList<NestedFilter> Nested { get; }

    public static FilterFields For(Type type) => ByType.GetOrAdd(type, static type => new FilterFields(type));

    public FilterField Named(string name) => Fields.First(field => field.Name == name);
}
