using System.Text;

namespace UMeetingReports.Web.E2E.Security;

/// <summary>One hostile value: what it is, and how it goes on the wire (percent-encoded already, sometimes wrongly on purpose).</summary>
internal sealed record HostileValue(string Kind, string Raw);

/// <summary>One request of the hostile run: a GET with <see cref="Target"/>'s query, or a form POST of <see cref="FormBody"/>.</summary>
internal sealed record HostileRequest(string Method, string Target, string? FormBody, bool WithToken, string Kind)
{
    public override string ToString() =>
        $"{Method} {Shorten(Target)}{(FormBody is null ? "" : " body " + Shorten(FormBody))}{(Method == "POST" && !WithToken ? " (no token)" : "")} [{Kind}]";

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}…({text.Length} chars)";
}

/// <summary>
/// The values a careless or malicious visitor might type or craft. Every value is used as a whole query or form
/// value; some are also used as a parameter name or a path segment.
/// </summary>
internal static class HostileValues
{
    public static IReadOnlyList<HostileValue> All { get; } =
    [
        new("over-long (10k characters)", new string('x', 10_000)),
        new("over-long markup (10k characters)", string.Concat(Enumerable.Repeat("%3Cscript%3Ealert(1)%3C%2Fscript%3E", 300))),
        new("long, still inside the request-line limit", new string('9', 6_000)),
        new("CJK text", "%E4%BC%9A%E8%AE%AE%E5%AE%A4"),
        new("emoji with joiner", "%F0%9F%9A%80%F0%9F%91%A9%E2%80%8D%F0%9F%92%BB"),
        new("right-to-left override", "abc%E2%80%AEgpj.exe"),
        new("zero-width space and BOM", "%E2%80%8B%EF%BB%BF2025-06-10"),
        new("combining marks", "Z%CD%91%CD%97%CD%A0a%CC%B5"),
        new("non-breaking space", "2025-06-10%C2%A0"),
        new("full-width digits", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95-06-10"),
        new("Arabic-Indic digits", "%D9%A1%D9%A2"),
        new("NUL", "%00"),
        new("NUL inside a date", "2025-06-10%00"),
        new("control characters", "%01%02%07%08%1B%7F"),
        new("CR LF header injection", "%2Fmeetings%0D%0AX-Injected:%201%0D%0ASet-Cookie:%20pwn=1"),
        new("tab and newline", "%09%0A"),
        new("ANSI escape", "%1B%5B31mred"),
        new("script tag", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        new("attribute break-out", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"),
        new("single-quote break-out", "%27%3E%3Csvg%20onload%3Dalert(1)%3E"),
        new("script block break-out", "%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
        new("javascript URL", "javascript:alert(1)"),
        new("template syntax", "%7B%7B7*7%7D%7D%40(1%2B1)%24%7B7*7%7D"),
        new("HTML entity", "%26lt%3Bscript%26gt%3Balert(1)"),
        new("SQL OR", "%27%20OR%201%3D1%20--"),
        new("SQL drop", "1%3B%20DROP%20TABLE%20meetings%3B--"),
        new("SQL union", "1%27%20UNION%20SELECT%20password%20FROM%20users--"),
        new("huge number", "99999999999999999999999999"),
        new("int max + 1", "2147483648"),
        new("int max", "2147483647"),
        new("int min", "-2147483648"),
        new("negative", "-1"),
        new("zero", "0"),
        new("exponent", "1e308"),
        new("NaN", "NaN"),
        new("hexadecimal", "0x1F"),
        new("decimal", "1.5"),
        new("plus sign", "%2B5"),
        new("padded number", "%20%2030%20"),
        new("year 1", "0001-01-01"),
        new("year 9999", "9999-12-31"),
        new("negative year", "-2025-06-10"),
        new("impossible date", "2025-02-30"),
        new("date and time", "2025-06-10T00%3A00%3A00Z"),
        new("compact date", "20250610"),
        new("boolean word", "yes"),
        new("boolean in capitals", "TRUE"),
        new("empty", ""),
        new("blank", "%20%20"),
        new("lone percent sign", "%"),
        new("bad hex escape", "%G1%ZZ"),
        new("truncated UTF-8", "%E4%BC"),
        new("overlong UTF-8", "%C0%AE%C0%AE"),
        new("UTF-16 surrogate as UTF-8", "%ED%A0%80"),
        new("bytes that are never UTF-8", "%FF%FE"),
        new("double-encoded NUL", "%2500"),
        new("IIS-style unicode escape", "%u003Cscript%u003E"),
        new("path traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        new("backslash traversal", "..%5C..%5Cweb.config"),
        new("format string", "%7B0%7D%7B1%3AN99%7D%25s%25n"),
        new("encoded ampersand and equals", "a%26from%3D2025-01-01"),
        new("JSON", "%7B%22a%22%3A1%7D"),
        new("array syntax", "%5B%5D"),
        new("absolute URL", "https%3A%2F%2Fevil.example%2F"),
        new("protocol-relative URL", "%2F%2Fevil.example"),
        new("backslash URL", "%2F%5Cevil.example"),
        new("non-ASCII local path", "%2F%E4%BC%9A%E8%AE%AE"),
    ];
}

/// <summary>
/// Builds the hostile run: every hostile value as a GET to every page with a form, every third or fourth value to the
/// other endpoints, every fourth as a form post (most with a valid antiforgery token, so that the handler and not only
/// the token check reads it), plus hostile field names, dates at the ends of the calendar, and return addresses. Each
/// request starts from the endpoint's valid fields and spoils them in one of several ways — a value replaced, a
/// parameter repeated, the value as a parameter name, a parameter with no value, an unexpected parameter, all
/// parameters at once — chosen by a seeded random source, so the run is the same every time.
/// </summary>
/// <param name="signIn">The sign-in page, its return-address field, and a valid user name and password (encoded form fields).</param>
internal sealed class HostileInputGenerator(
    IReadOnlyList<AppEndpoint> endpoints,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> validFieldsByPath,
    IReadOnlyList<string> everyFieldName,
    (string Path, string ReturnUrlField, string Credentials) signIn,
    int seed)
{
    /// <summary>Every fourth value as a form post (offset per endpoint, so that together they cover every value).</summary>
    private const int PostStride = 4;

    private readonly Random _random = new(seed);

    public IReadOnlyList<HostileRequest> Generate()
    {
        var values = HostileValues.All;
        var requests = new List<HostileRequest>();
        foreach (var endpoint in endpoints)
        {
            var valid = validFieldsByPath.TryGetValue(endpoint.Path, out var known) ? known : new Dictionary<string, string>();

            // Every value at every form the app shows; fewer at the rest, and at a page's second address (/meetings/index).
            var getStride = endpoint.Path.EndsWith("/index", StringComparison.Ordinal) ? 4 : valid.Count > 0 && endpoint.IsPage ? 1 : 3;
            for (var index = 0; index < values.Count; index++)
            {
                var value = values[index];
                if (endpoint.Accepts("GET") && index % getStride == 0)
                {
                    var (query, shape) = Spoil(valid, value, index);
                    requests.Add(new("GET", endpoint.Path + "?" + query, null, false, $"{value.Kind}, {shape}"));
                }

                if (endpoint.Accepts("POST") && index % PostStride == endpoint.Path.Length % PostStride)
                {
                    var (body, shape) = Spoil(valid, value, index + 1);
                    requests.Add(new("POST", endpoint.Path, body, WithToken: index % (3 * PostStride) != 0, $"{value.Kind}, {shape}"));
                }

                if (endpoint.HasParameters && index % 2 == 0)
                {
                    requests.Add(new("GET", endpoint.PathWith(value.Raw.Length > 1_000 ? value.Raw[..1_000] : value.Raw), null, false, $"{value.Kind} in the path"));
                }
            }

            requests.AddRange(ExtremePeriods(endpoint, valid));
            requests.AddRange(HostileNames(endpoint, valid));
        }

        requests.AddRange(ReturnAddresses());
        return requests;
    }

    /// <summary>
    /// The app turns the return address into a Location header: every value goes there, on the sign-in page opened
    /// when already signed in, and through a successful sign-in for the values that look like an address (a crafted
    /// sign-in link is how they would arrive).
    /// </summary>
    private IEnumerable<HostileRequest> ReturnAddresses()
    {
        foreach (var value in HostileValues.All)
        {
            yield return new("GET", $"{signIn.Path}?{signIn.ReturnUrlField}={value.Raw}", null, false, $"{value.Kind}, return address when signed in");
            if (value.Raw.StartsWith("%2F", StringComparison.Ordinal) || value.Kind.Contains("URL", StringComparison.Ordinal))
            {
                yield return new("POST", signIn.Path, $"{signIn.Credentials}&{signIn.ReturnUrlField}={value.Raw}", true, $"{value.Kind}, return address of a successful sign-in");
            }
        }
    }

    /// <summary>
    /// Field names model binding reads as structure (brackets, dots, an index) or that look like code, beside the
    /// valid fields, in a query and in a form post with a valid token.
    /// </summary>
    private static IEnumerable<HostileRequest> HostileNames(AppEndpoint endpoint, IReadOnlyDictionary<string, string> valid)
    {
        if (!endpoint.IsPage || endpoint.HasParameters)
        {
            yield break;
        }

        string[] names = ["a%5Bb", "a%5D%5Bb", "%5B%5D", "filter%5B0%5D", "Filter.From", "__proto__", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"];
        var fields = string.Join('&', valid.Select(field => $"{field.Key}={field.Value}"));
        foreach (var name in names)
        {
            yield return new("GET", $"{endpoint.Path}?{fields}&{name}=1", null, false, $"field named {name}");
            if (endpoint.Accepts("POST"))
            {
                yield return new("POST", endpoint.Path, $"{fields}&{name}=1", true, $"field named {name}");
            }
        }
    }

    /// <summary>Valid dates at the ends of the calendar: the arithmetic on them (a month later, a day before) is where code overflows.</summary>
    private static IEnumerable<HostileRequest> ExtremePeriods(AppEndpoint endpoint, IReadOnlyDictionary<string, string> valid)
    {
        if (!endpoint.Accepts("GET") || !valid.ContainsKey("from"))
        {
            yield break;
        }

        (string From, string To)[] periods = [("9999-12-31", "9999-12-31"), ("9999-12-01", "9999-12-31"), ("0001-01-01", "0001-01-01"), ("0001-01-01", "9999-12-31")];
        foreach (var (from, to) in periods)
        {
            var fields = valid.Where(field => field.Key is not ("from" or "to")).Append(new("from", from)).Append(new("to", to));
            yield return new("GET", endpoint.Path + "?" + Join(fields), null, false, $"period {from} – {to}");
        }
    }

    private (string Encoded, string Shape) Spoil(IReadOnlyDictionary<string, string> valid, HostileValue value, int index)
    {
        // The page's own fields in turn (so each meets many values), every fifth time one it does not expect.
        var own = valid.Keys.ToList();
        var target = own.Count > 0 && index % 5 != 4 ? own[index % own.Count] : everyFieldName[_random.Next(everyFieldName.Count)];
        var fields = valid.Select(field => new KeyValuePair<string, string>(field.Key, field.Value)).ToList();
        switch (_random.Next(6))
        {
            case 0:
                return (Join(Replace(fields, target, value.Raw)), $"{target} replaced");
            case 1:
                return (Join(fields.Where(field => field.Key != target).Append(new(target, valid.GetValueOrDefault(target, "1"))).Append(new(target, value.Raw))), $"{target} repeated, hostile second");
            case 2:
                return (Join(fields.Where(field => field.Key != target).Append(new(target, value.Raw)).Append(new(target, valid.GetValueOrDefault(target, "1")))), $"{target} repeated, hostile first");
            case 3:
                return (Join(fields.Append(new(value.Raw.Length > 200 ? value.Raw[..200] : value.Raw, "1"))), "as a parameter name");
            case 4:
                return (Join(Replace(fields, target, value.Raw)) + "&" + own.FirstOrDefault(name => name != target) + "&=&&", $"{target} replaced, another without a value");
            default:
                var all = fields.Select(field => new KeyValuePair<string, string>(field.Key, HostileValues.All[_random.Next(HostileValues.All.Count)].Raw));
                return (Join(Replace([.. all], target, value.Raw)), "every parameter hostile");
        }
    }

    private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string name, string raw) =>
        [.. fields.Where(field => field.Key != name).Append(new(name, raw))];

    /// <summary>Names are escaped, values are already raw (possibly malformed) encodings and go as they are.</summary>
    private static string Join(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, raw) in fields)
        {
            text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(raw);
        }

        return text.ToString();
    }
}
