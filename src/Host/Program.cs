var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "ok" }));
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
