namespace Serverless.Workflows.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Codes never change meaning once published; docs/dsl.md lists them all.
/// WF0xx structure, WF1xx time, WF2xx expressions, WF3xx step graph, WF4xx activities,
/// WF5xx approvals, WF6xx transactions, WF7xx governance policies.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The text is not well-formed JSON or YAML.</summary>
    public const string Syntax = "WF001";

    /// <summary>The definition exceeds the maximum size in bytes.</summary>
    public const string TooLarge = "WF002";

    /// <summary>A property that the language does not define (usually a typo).</summary>
    public const string UnknownProperty = "WF003";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "WF004";

    /// <summary>A property has the wrong JSON type.</summary>
    public const string WrongType = "WF005";

    /// <summary>A property has a value outside its allowed set or range.</summary>
    public const string InvalidValue = "WF006";

    /// <summary>A name or step id does not match the identifier pattern.</summary>
    public const string InvalidIdentifier = "WF007";

    /// <summary>A step's <c>kind</c> is not one of the known step kinds.</summary>
    public const string UnknownStepKind = "WF008";

    /// <summary>A duration is not a valid ISO-8601 duration.</summary>
    public const string InvalidDuration = "WF101";

    /// <summary>A cron expression is not a valid six-field cron.</summary>
    public const string InvalidCron = "WF102";

    /// <summary>A time zone is not a known IANA time zone id.</summary>
    public const string UnknownTimeZone = "WF103";

    /// <summary>An expression or template is malformed.</summary>
    public const string InvalidExpression = "WF201";

    /// <summary><c>item</c> or <c>index</c> is used where no foreach, loop or transaction provides it.</summary>
    public const string ScopeUnavailable = "WF203";

    /// <summary>A secret reference outside an activity's input, or not a template hole of its own.</summary>
    public const string SecretNotAllowed = "WF204";

    /// <summary>Two steps share an id.</summary>
    public const string DuplicateStepId = "WF301";

    /// <summary>An expression references a step id that does not exist.</summary>
    public const string UnknownStepReference = "WF302";

    /// <summary>An expression references a step that cannot have run yet at that point.</summary>
    public const string StepNotYetRun = "WF303";

    /// <summary>A <c>goto</c> target is not a step of the same sequence.</summary>
    public const string GotoTargetNotFound = "WF304";

    /// <summary>A <c>goto</c> jumps backwards or to itself, which would form a cycle.</summary>
    public const string GotoCycle = "WF305";

    /// <summary>A loop has no iteration cap, or its cap is above the allowed maximum.</summary>
    public const string UnboundedLoop = "WF306";

    /// <summary>A sub-workflow refers back to a workflow that is already calling it.</summary>
    public const string WorkflowCycle = "WF307";

    /// <summary>A sub-workflow name and version is not in the catalog.</summary>
    public const string UnknownWorkflow = "WF308";

    /// <summary>The definition has more steps than allowed.</summary>
    public const string TooManySteps = "WF309";

    /// <summary>Steps are nested deeper than allowed.</summary>
    public const string NestingTooDeep = "WF310";

    /// <summary>A step list (steps, branch, body, case, default) is empty.</summary>
    public const string EmptySteps = "WF311";

    /// <summary>Two branches or participants of one step share a name.</summary>
    public const string DuplicateName = "WF312";

    /// <summary>An activity name is not in the activity registry.</summary>
    public const string UnknownActivity = "WF401";

    /// <summary>An activity is registered but not on the allow-list policy.</summary>
    public const string ActivityNotAllowed = "WF402";

    /// <summary>A secret reference in the input of an activity that does not accept secrets (it stores its input).</summary>
    public const string SecretsNotAccepted = "WF403";

    /// <summary>A secret reference names a secret the secret source does not have.</summary>
    public const string UnknownSecret = "WF404";

    /// <summary>An approval step names no approvers.</summary>
    public const string NoApprovers = "WF501";

    /// <summary>An approval quorum is below one or larger than the number of approvers.</summary>
    public const string InvalidQuorum = "WF502";

    /// <summary>An escalation level can never be reached before the approval times out.</summary>
    public const string UnreachableEscalation = "WF503";

    /// <summary>A transaction has no participants.</summary>
    public const string NoParticipants = "WF601";

    /// <summary>A transaction participant lacks its prepare, commit or abort activity.</summary>
    public const string IncompleteParticipant = "WF602";

    /// <summary>A timeout is above the policy maximum.</summary>
    public const string TimeoutAboveMaximum = "WF701";

    /// <summary>A tag requires an approval step and the definition has none.</summary>
    public const string ApprovalRequired = "WF702";

    /// <summary>A numeric limit (concurrency, retry attempts) is above the policy maximum.</summary>
    public const string LimitExceeded = "WF703";
}
