using Serverless.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddServerlessHost(args);
var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
StartupBanner.Register(app);
app.UseLocalPrincipal();
app.MapServerlessRoutes();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
