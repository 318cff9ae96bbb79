using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace UMeetingReports.Web.Hosting;

/// <summary>
/// The resource localizers, with each text kept once found. A page asks for a hundred texts or more, and the
/// ResourceManager behind each lookup takes a lock, builds a key string and walks the culture's fallbacks every time;
/// the factory itself reads the resource assembly's attributes for each view that injects a localizer
/// (bench/README.md, "P1"). The resources are compiled in, so a text once found never changes.
/// </summary>
internal sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();
    private readonly ConcurrentDictionary<(string BaseName, string Location), IStringLocalizer> _byName = new();

    public IStringLocalizer Create(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        return _byType.GetOrAdd(resourceSource, static (type, inner) => new CachingStringLocalizer(inner.Create(type)), resources);
    }

    public IStringLocalizer Create(string baseName, string location)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(location);
        return _byName.GetOrAdd((baseName, location), static (key, inner) => new CachingStringLocalizer(inner.Create(key.BaseName, key.Location)), resources);
    }
}

/// <summary>
/// One resource set's texts by UI culture and key, as <see cref="ResourceManagerStringLocalizer"/> finds them; with
/// arguments, formatted as it formats them. Keys are the English texts in the code, so the set is small; a bound
/// keeps a key built from data (there should be none) from growing it without end.
/// </summary>
internal sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private const int MaxTexts = 10_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = inner[name];
            if (_texts.Count < MaxTexts)
            {
                _texts.TryAdd(key, text);
            }

            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
