using System.Globalization;
using Serverless.Bench;
using Serverless.Bench.Workloads;

if (args is [RecoveryWorkload.ChildCommand, var database, var count])
{
    return await RecoveryWorkload.RunChildAsync(database, int.Parse(count, CultureInfo.InvariantCulture));
}

return await BenchRunner.RunAsync(args);
