using Microsoft.Extensions.Time.Testing;
using Serverless.Workflows.Diagnostics;
using Serverless.Workflows.Versioning;
using System.Text.Json.Nodes;

namespace Serverless.Shared.Tests.Workflows;

public class VersioningTests
{
    private const string Definition = """{ "name": "t", "version": 1, "steps": [ { "id": "a", "kind": "activity", "activity": "echo", "input": { "n": 1.50, "b": true } } ] }""";

    [Fact]
    public void Hash_SameContentDifferentFormatting_IsEqual()
    {
        // Arrange
        var reordered = """
            {
              "steps": [ { "input": { "b": true, "n": 1.5 }, "activity": "echo", "kind": "activity", "id": "a" } ],
              "version": 1, "name": "t"
            }
            """;

        // Act
        var first = CanonicalJson.Hash(JsonNode.Parse(Definition));
        var second = CanonicalJson.Hash(JsonNode.Parse(reordered));

        // Assert
        Assert.Equal(first, second);
        Assert.StartsWith("sha256:", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_ChangedValue_Differs()
    {
        // Act
        var first = CanonicalJson.Hash(JsonNode.Parse(Definition));
        var second = CanonicalJson.Hash(JsonNode.Parse(Definition.Replace("1.50", "1.51", StringComparison.Ordinal)));

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Serialize_Object_SortsKeysAndDropsWhitespace()
    {
        // Act
        var text = CanonicalJson.Serialize(JsonNode.Parse("""{ "b": [1.0, "x"], "a": { "d": null, "c": 2 } }"""));

        // Assert
        Assert.Equal("""{"a":{"c":2,"d":null},"b":[1,"x"]}""", text);
    }

    [Fact]
    public void Publish_NewVersion_RecordsPinAndTime()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var catalog = new WorkflowCatalog(timeProvider: clock);

        // Act
        var published = catalog.Publish(Definition);

        // Assert
        Assert.Equal(("t", 1), (published.Pin.Name, published.Pin.Version));
        Assert.Equal(CanonicalJson.Hash(JsonNode.Parse(Definition)), published.Pin.ContentHash);
        Assert.Equal(clock.GetUtcNow(), published.PublishedAt);
        Assert.Same(published, catalog.Resolve(published.Pin));
    }

    [Fact]
    public void Publish_SameContentTwice_ReturnsExistingVersion()
    {
        // Arrange
        var catalog = new WorkflowCatalog();
        var first = catalog.Publish(Definition);

        // Act
        var second = catalog.Publish(Definition.Replace(" ", "\n", StringComparison.Ordinal));

        // Assert
        Assert.Same(first, second);
    }

    [Fact]
    public void Publish_ChangedContentUnderSameVersion_ThrowsConflict()
    {
        // Arrange
        var catalog = new WorkflowCatalog();
        var original = catalog.Publish(Definition);

        // Act
        var error = Assert.Throws<WorkflowVersionConflictException>(() => catalog.Publish(Definition.Replace("echo", "notify", StringComparison.Ordinal)));

        // Assert
        Assert.Equal(original.Pin, error.Existing);
        Assert.Same(original, catalog.Get("t", 1));
    }

    [Fact]
    public void Resolve_PinWithDifferentHash_ReturnsNull()
    {
        // Arrange
        var catalog = new WorkflowCatalog();
        var published = catalog.Publish(Definition);

        // Act
        var resolved = catalog.Resolve(published.Pin with { ContentHash = "sha256:00" });

        // Assert
        Assert.Null(resolved);
    }

    [Fact]
    public void Publish_InvalidDefinition_ThrowsWithEveryProblem()
    {
        // Arrange
        var catalog = new WorkflowCatalog();

        // Act
        var error = Assert.Throws<WorkflowDefinitionException>(() => catalog.Publish("""{ "name": "t", "version": 1, "steps": [ { "id": "a", "kind": "wait" } ], "oops": 1 }"""));

        // Assert
        Assert.Equal([DiagnosticCodes.UnknownProperty, DiagnosticCodes.MissingProperty], error.Diagnostics.Select(d => d.Code).Order());
        Assert.Empty(catalog.Versions("t"));
    }

    [Fact]
    public void Publish_SubWorkflow_ResolvesOnlyPublishedVersions()
    {
        // Arrange
        var catalog = new WorkflowCatalog();
        var parent = """{ "name": "parent", "version": 1, "steps": [ { "id": "c", "kind": "workflow", "workflow": "t", "version": 1 } ] }""";

        // Act
        var before = Assert.Throws<WorkflowDefinitionException>(() => catalog.Publish(parent));
        catalog.Publish(Definition);
        var after = catalog.Publish(parent);

        // Assert
        Assert.Equal(DiagnosticCodes.UnknownWorkflow, before.Diagnostics.Single().Code);
        Assert.Equal(1, after.Pin.Version);
        Assert.Equal("parent", catalog.Latest("parent")!.Pin.Name);
    }
}
