using Serverless.Workflows.Expressions;

namespace Serverless.Workflows.Model;

/// <summary>Runs branches concurrently. Output: an object with each branch's last step output under the branch name.</summary>
public sealed record ParallelStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Parallel;

    /// <summary>The branches, each a named step sequence.</summary>
    public required IReadOnlyList<ParallelBranch> Branches { get; init; }

    /// <summary>Whether the first failure cancels the join or all branches are awaited.</summary>
    public ParallelFailurePolicy FailurePolicy { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepSequence> Children => Branches.Select(b => b.Sequence);
}

/// <summary>One branch of a parallel step.</summary>
/// <param name="Name">Branch name, unique within the step.</param>
/// <param name="Sequence">The branch's steps.</param>
public sealed record ParallelBranch(string Name, StepSequence Sequence);

/// <summary>How a parallel step reacts to a failing branch.</summary>
public enum ParallelFailurePolicy
{
    /// <summary>Fail the step as soon as one branch fails; other branches' results so far are kept.</summary>
    FailFast,

    /// <summary>Wait for every branch, then fail if any failed; all partial results are kept.</summary>
    WaitAll,
}

/// <summary>
/// Runs its body once per item of <see cref="Items"/> (an array), at most <see cref="MaxConcurrency"/> at a time.
/// Inside the body <c>item</c> and <c>index</c> are set. Output: array of each item's last step output, in item order.
/// </summary>
public sealed record ForeachStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Foreach;

    /// <summary>Expression yielding the array to iterate.</summary>
    public required Expression Items { get; init; }

    /// <summary>The body run per item.</summary>
    public required StepSequence Body { get; init; }

    /// <summary>Most items in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>Checked before each item starts (with <c>item</c>/<c>index</c>); when true no further items start.</summary>
    public Expression? Break { get; init; }

    /// <summary>What a failing item does to the foreach.</summary>
    public ItemErrorPolicy OnItemError { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepSequence> Children => [Body];
}

/// <summary>Per-item error policy of a foreach.</summary>
public enum ItemErrorPolicy
{
    /// <summary>The foreach fails (no new items start).</summary>
    Fail,

    /// <summary>The item's result is null and the remaining items run.</summary>
    Continue,
}

/// <summary>Exclusive gateway: runs the first case whose condition holds, else <see cref="Default"/>. Output: last step output of the branch taken.</summary>
public sealed record SwitchStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Switch;

    /// <summary>Cases in evaluation order.</summary>
    public required IReadOnlyList<SwitchCase> Cases { get; init; }

    /// <summary>Steps run when no case matches; null means do nothing (output null).</summary>
    public StepSequence? Default { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepSequence> Children =>
        Default is null ? Cases.Select(c => c.Sequence) : Cases.Select(c => c.Sequence).Append(Default);
}

/// <summary>One case of a switch.</summary>
/// <param name="When">The condition.</param>
/// <param name="Sequence">Steps run when it holds.</param>
public sealed record SwitchCase(Expression When, StepSequence Sequence);

/// <summary>
/// Repeats its body: <see cref="While"/> is checked before each iteration, <see cref="Until"/> after each
/// (it may read the body's steps), never more than <see cref="MaxIterations"/> times. <c>index</c> is the iteration.
/// Output: last step output of the last iteration.
/// </summary>
public sealed record LoopStep : WorkflowStep
{
    /// <inheritdoc />
    public override StepKind Kind => StepKind.Loop;

    /// <summary>Pre-condition of each iteration.</summary>
    public Expression? While { get; init; }

    /// <summary>Exit condition checked after each iteration (the loop's break condition).</summary>
    public Expression? Until { get; init; }

    /// <summary>Hard cap on iterations.</summary>
    public required int MaxIterations { get; init; }

    /// <summary>What happens when the cap is reached while the loop would go on.</summary>
    public LoopCapAction OnMaxIterations { get; init; }

    /// <summary>The body.</summary>
    public required StepSequence Body { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepSequence> Children => [Body];
}

/// <summary>What a loop does when it hits its iteration cap.</summary>
public enum LoopCapAction
{
    /// <summary>The step fails.</summary>
    Fail,

    /// <summary>The loop ends normally.</summary>
    Continue,
}
