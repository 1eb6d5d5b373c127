using System.Globalization;
using Serverless.Bench;
using Serverless.Bench.Workloads;

if (args is [RecoveryWorkload.ChildCommand, var database, var count])
{
    return await RecoveryWorkload.RunChildAsync(database, int.Parse(count, CultureInfo.InvariantCulture));
}

if (args is [WaitingChild.CreateCommand, var createDatabase, var createCount])
{
    return await WaitingChild.CreateAsync(createDatabase, int.Parse(createCount, CultureInfo.InvariantCulture));
}

if (args is [WaitingChild.ServeCommand, var serveDatabase, var serveCount])
{
    return await WaitingChild.ServeAsync(serveDatabase, int.Parse(serveCount, CultureInfo.InvariantCulture));
}

return await BenchRunner.RunAsync(args);
