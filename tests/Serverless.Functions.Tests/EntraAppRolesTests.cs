using System.Text.Json.Nodes;
using Serverless.Api.Access;
using Serverless.Functions.Tests.Guards;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tests.Infrastructure;

namespace Serverless.Functions.Tests;

/// <summary>
/// infra/entra/app-roles.json declares exactly the roles the app understands, and scripts/set-entra-app-roles.sh
/// applies it with <c>az ad app update --app-roles</c> (a stand-in <c>az</c> on PATH records the call).
/// </summary>
public sealed class EntraAppRolesTests : IDisposable
{
    private static readonly string Manifest = Path.Combine(RepositoryRoot.Path, "infra", "entra", "app-roles.json");
    private readonly TempFolder _folder = new("app-roles");

    public EntraAppRolesTests() => Directory.CreateDirectory(_folder.Path);

    [Fact]
    public void Manifest_AppRoles_AreExactlyTheAssignableRolesWithFixedDistinctIds()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Manifest))!.AsArray();

        Assert.Equal(ApiRoles.Assignable.Select(ApiRoles.Name), roles.Select(r => ApiRoles.Find((string?)r!["value"]) is { } role ? ApiRoles.Name(role) : "?"));
        Assert.Equal(roles.Count, roles.Select(r => Guid.Parse((string)r!["id"]!)).Distinct().Count());
        Assert.All(roles, r =>
        {
            Assert.True((bool)r!["isEnabled"]!);
            Assert.Equal(["User", "Application"], r["allowedMemberTypes"]!.AsArray().Select(t => (string)t!));
        });
    }

    [Fact]
    public async Task Script_WithClientId_UpdatesTheAppRolesFromTheManifest()
    {
        var run = await RunAsync(["11111111-2222-3333-4444-555555555555"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var call = (await File.ReadAllTextAsync(_folder.File("az.args"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ad", "app", "update", "--id", "11111111-2222-3333-4444-555555555555", "--app-roles"], call[..6]);
        Assert.Equal(Path.GetFullPath(Manifest), Path.GetFullPath(call[6].TrimStart('@')));
        Assert.Contains("declares 5 app roles", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_WithoutClientId_FailsAndCallsNothing()
    {
        var run = await RunAsync([]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("APPROVER_CLIENT_ID", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.File("az.args")));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<ProcessRun> RunAsync(string[] arguments)
    {
        var bin = Path.Combine(_folder.Path, "bin");
        Directory.CreateDirectory(bin);
        var az = Path.Combine(bin, "az");
        await File.WriteAllTextAsync(az, $"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{_folder.File("az.args")}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return await ProcessRun.RunAsync(
            "sh",
            [Path.Combine(RepositoryRoot.Path, "scripts", "set-entra-app-roles.sh"), .. arguments],
            _folder.Path,
            new Dictionary<string, string?> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}", ["APPROVER_CLIENT_ID"] = null });
    }
}
