using UMeetingReports.Simulator.Faults;

namespace UMeetingReports.Simulator.Http;

/// <summary>
/// The envelope <c>status</c> codes the simulator answers with (HTTP 200 in every case). The vendor publishes
/// no list, so these are our own choice, modelled on Zoom v1 which the service copies:
/// <list type="bullet">
/// <item><term>200</term><description>success.</description></item>
/// <item><term>400</term><description>a parameter cannot be used: <c>from</c>/<c>to</c> not a yyyy-MM-dd date,
/// <c>from</c> after <c>to</c>, <c>page_size</c> not a whole number from 1 to <see cref="SimulatorOptions.MaxPageSize"/>,
/// <c>page_number</c> not a whole number from 1, a <c>show_*</c> flag not true/false/1/0. The message names the parameter.</description></item>
/// <item><term>401</term><description><c>api_key</c> or <c>api_secret</c> missing or wrong ("Invalid api_key or api_secret.").</description></item>
/// <item><term>500</term><description>default of the <see cref="FaultKind.Rejected"/> fault ("System busy, please try again later.").</description></item>
/// </list>
/// </summary>
internal static class EnvelopeStatus
{
    public const int Ok = 200;

    public const int BadParameter = 400;

    public const int InvalidCredentials = 401;

    public const int Busy = 500;

    public const string OkMessage = "OK";

    public const string InvalidCredentialsMessage = "Invalid api_key or api_secret.";

    public const string BusyMessage = "System busy, please try again later.";
}
