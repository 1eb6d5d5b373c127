using Serverless.Workflows.Diagnostics;
using static Serverless.Shared.Tests.Workflows.Definitions;

namespace Serverless.Shared.Tests.Workflows;

public class ValidatorPolicyTests
{
    private const string Approval = """{ "id": "ok", "kind": "approval", "approvers": ["ann", "ben", "cy"], "quorum": 2, "timeout": "P2D" }""";

    [Theory]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "launchRockets" }""", "$.steps[0].activity")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "compensate": { "activity": "undoIt" } }""", "$.steps[0].compensate.activity")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "fallback": { "activity": "plan_b" } }""", "$.steps[0].fallback.activity")]
    public void Validate_UnregisteredActivity_ReportsUnknownActivity(string step, string path)
    {
        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.UnknownActivity);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_ActivityOffAllowList_ReportsActivityNotAllowed()
    {
        // Arrange
        var options = Options with { AllowedActivities = new HashSet<string> { "echo" } };

        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "activity", "activity": "http" }""", options: options), DiagnosticCodes.ActivityNotAllowed);

        // Assert
        Assert.Equal("$.steps[0].activity", problem.Path);
    }

    [Theory]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "recordWorkflowEvents" }""", "$.steps[0].activity")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "compensate": { "activity": "recordWorkflowEvents" } }""", "$.steps[0].compensate.activity")]
    public void Validate_InterpreterActivity_ReportsActivityNotAllowedSayingWhy(string step, string path)
    {
        // Arrange
        var options = Options with { InterpreterActivities = new HashSet<string> { "recordWorkflowEvents" } };

        // Act
        var problem = Single(StepProblems(step, options: options), DiagnosticCodes.ActivityNotAllowed);

        // Assert
        Assert.Equal(path, problem.Path);
        Assert.Contains("belongs to the workflow interpreter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TagRequiringApprovalWithoutApprovalStep_ReportsApprovalRequired()
    {
        // Arrange
        var options = Options with { TagsRequiringApproval = new HashSet<string> { "finance" } };

        // Act
        var problem = Single(StepProblems(Echo, "\"tags\": [\"ops\", \"finance\"]", options), DiagnosticCodes.ApprovalRequired);

        // Assert
        Assert.Equal("$.tags[1]", problem.Path);
    }

    [Fact]
    public void Validate_TagRequiringApprovalWithApprovalStep_IsAccepted()
    {
        // Arrange
        var options = Options with { TagsRequiringApproval = new HashSet<string> { "finance" } };

        // Act
        var problems = StepProblems(Approval, "\"tags\": [\"finance\"]", options);

        // Assert
        Valid(problems);
    }

    [Theory]
    [InlineData("\"timeout\": \"P40D\"", Echo, "$.timeout")]
    [InlineData("", """{ "id": "a", "kind": "activity", "activity": "echo", "timeout": "P31D" }""", "$.steps[0].timeout")]
    [InlineData("", """{ "id": "w", "kind": "wait", "event": "go", "timeout": "P90D" }""", "$.steps[0].timeout")]
    public void Validate_TimeoutAboveMaximum_ReportsTimeoutAboveMaximum(string extra, string step, string path)
    {
        // Arrange
        var options = Options with { MaxTimeout = TimeSpan.FromDays(30) };

        // Act
        var problem = Single(StepProblems(step, extra, options), DiagnosticCodes.TimeoutAboveMaximum);

        // Assert
        Assert.Equal(path, problem.Path);
        Assert.Contains("P30D", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "id": "f", "kind": "foreach", "items": "input.x", "maxConcurrency": 500, "steps": [ { "id": "a", "kind": "activity", "activity": "echo" } ] }""", "$.steps[0].maxConcurrency")]
    [InlineData("""{ "id": "a", "kind": "activity", "activity": "echo", "retry": { "maxAttempts": 99 } }""", "$.steps[0].retry.maxAttempts")]
    public void Validate_LimitAboveMaximum_ReportsLimitExceeded(string step, string path)
    {
        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.LimitExceeded);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_ApprovalWithoutApprovers_ReportsNoApprovers()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "ap", "kind": "approval", "quorum": 1 }"""), DiagnosticCodes.NoApprovers);

        // Assert
        Assert.Equal("$.steps[0].approvers", problem.Path);
    }

    [Theory]
    [InlineData("ali\u202Ece", "$.steps[0].approvers[1]")]
    [InlineData("bob\u2066", "$.steps[0].approvers[1]")]
    [InlineData("\u200B", "$.steps[0].approvers[1]")]
    [InlineData("car\u0007ol", "$.steps[0].approvers[1]")]
    public void Validate_ApproverWithControlOrInvisibleFormatCharacter_ReportsInvalidIdentifier(string approver, string path)
    {
        // Act
        var step = $$"""{ "id": "ap", "kind": "approval", "approvers": ["dora", "{{System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(approver)}}"] }""";
        var problem = Single(StepProblems(step), DiagnosticCodes.InvalidIdentifier);

        // Assert
        Assert.Equal(path, problem.Path);
        Assert.Contains("An approver contains U+", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(0)]
    public void Validate_QuorumOutsideApproverCount_ReportsInvalidQuorum(int quorum)
    {
        // Act
        var problem = Single(StepProblems(Approval.Replace("\"quorum\": 2", $"\"quorum\": {quorum}", StringComparison.Ordinal)), DiagnosticCodes.InvalidQuorum);

        // Assert
        Assert.Equal("$.steps[0].quorum", problem.Path);
    }

    [Theory]
    [InlineData("""[ { "after": "P3D", "approvers": ["boss"] } ]""", "$.steps[0].escalation[0].after")]
    [InlineData("""[ { "after": "P1D", "approvers": ["boss"] }, { "after": "PT12H", "approvers": ["ceo"] } ]""", "$.steps[0].escalation[1].after")]
    public void Validate_EscalationNeverReached_ReportsUnreachableEscalation(string escalation, string path)
    {
        // Arrange
        var step = Approval.Replace("\"timeout\": \"P2D\"", $"\"timeout\": \"P2D\", \"escalation\": {escalation}", StringComparison.Ordinal);

        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.UnreachableEscalation);

        // Assert
        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void Validate_TransactionWithoutParticipants_ReportsNoParticipants()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "tx", "kind": "transaction", "participants": [] }"""), DiagnosticCodes.NoParticipants);

        // Assert
        Assert.Equal("$.steps[0].participants", problem.Path);
    }

    [Theory]
    [InlineData("prepare")]
    [InlineData("commit")]
    [InlineData("abort")]
    public void Validate_ParticipantMissingAPhase_ReportsIncompleteParticipant(string phase)
    {
        // Arrange
        var phases = new[] { "prepare", "commit", "abort" }.Where(p => p != phase).Select(p => $$""" "{{p}}": { "activity": "echo" } """);
        var step = $$"""{ "id": "tx", "kind": "transaction", "participants": [ { "name": "p1", {{string.Join(", ", phases)}} } ] }""";

        // Act
        var problem = Single(StepProblems(step), DiagnosticCodes.IncompleteParticipant);

        // Assert
        Assert.Equal($"$.steps[0].participants[0].{phase}", problem.Path);
    }

    [Fact]
    public void Validate_RepeatedApprover_ReportsDuplicateAndCountsDistinctApproversForQuorum()
    {
        // Arrange
        var step = """{ "id": "ap", "kind": "approval", "approvers": ["ann", "ann"], "quorum": 2 }""";

        // Act
        var codes = StepProblems(step).Select(p => p.Code).Order().ToList();

        // Assert
        Assert.Equal([DiagnosticCodes.DuplicateName, DiagnosticCodes.InvalidQuorum], codes);
    }

    [Fact]
    public void Parse_RetryMaxIntervalBelowInitial_ReportsInvalidValue()
    {
        // Act
        var problem = Single(StepProblems("""{ "id": "a", "kind": "activity", "activity": "echo", "retry": { "maxAttempts": 3, "initialInterval": "PT1M", "maxInterval": "PT5S" } }"""), DiagnosticCodes.InvalidValue);

        // Assert
        Assert.Equal("$.steps[0].retry.maxInterval", problem.Path);
    }
}
