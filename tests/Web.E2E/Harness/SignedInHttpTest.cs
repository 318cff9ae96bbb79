using Microsoft.Extensions.DependencyInjection;
using UMeetingReports.Simulator.Data;
using UMeetingReports.Web.E2E.Http;

namespace UMeetingReports.Web.E2E.Harness;

/// <summary>
/// A class of HTTP-level tests against <typeparamref name="TServer"/>, each test with a session of its own signed in
/// as the demo admin, and the server's simulator data to compare pages and files with.
/// </summary>
public abstract class SignedInHttpTest<TServer>(TServer server) : IAsyncLifetime
    where TServer : MeetingReportsServer
{
    protected TServer Server { get; } = server;

    private protected HttpSession Session { get; } = new(server.RootUri);

    private protected SimulatorDataset Dataset => Server.Services.GetRequiredService<SimulatorDataset>();

    public virtual async ValueTask InitializeAsync() => await Session.SignInAsDemoAdminAsync();

    public virtual ValueTask DisposeAsync()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
