using UMeetingReports.Web.E2E.Harness;

// One app server and one browser for every browser test: starting either per test would dominate the run time.
[assembly: AssemblyFixture(typeof(MeetingReportsServer))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
