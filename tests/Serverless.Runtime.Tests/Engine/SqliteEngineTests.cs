using Serverless.Runtime.Storage;

namespace Serverless.Runtime.Tests.Engine;

// Every engine suite again on the default store: SQLite in a temp file, group commit and all.
public sealed class SqlitePatternTests : PatternTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteFailureAndRetryTests : FailureAndRetryTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteTimerAndEventTests : TimerAndEventTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteLifecycleTests : LifecycleTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteQueryAndPurgeTests : QueryAndPurgeTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteLimitsAndRegistrationTests : LimitsAndRegistrationTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteStartDedupeTests : StartDedupeTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}

public sealed class SqliteIdleInstanceTests : IdleInstanceTests
{
    protected override IRuntimeStore NewStore() => NewSqliteStore();
}
