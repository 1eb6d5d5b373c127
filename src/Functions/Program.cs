using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Serverless.Durable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serverless.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// After the ASP.NET Core integration's own middleware, so the request is there: every HTTP route checks its role.
builder.UseMiddleware<RouteAccessMiddleware>();

// Inputs, outputs and events in Durable history use the embedded runtime's JSON (camelCase, case-insensitive
// reads), so workflow expressions see the same property names on both hosts.
builder.Services.Configure<WorkerOptions>(worker => worker.Serializer = new JsonObjectSerializer(PayloadJson.Options));
builder.Services.AddServerlessFunctions(builder.Configuration);
builder.Services.AddServerlessTelemetry(builder.Configuration);

builder.Build().Run();
