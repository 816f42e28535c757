using RealtimeApp.E2E.Support;

[assembly: AssemblyFixture(typeof(BrowserHost))]
