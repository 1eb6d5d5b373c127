using Serverless.Runtime.Storage;
using Serverless.Runtime.Storage.Memory;

namespace Serverless.Runtime.Tests.Storage;

public sealed class InMemoryRuntimeStoreTests : RuntimeStoreContractTests
{
    protected override IRuntimeStore CreateStore() => new InMemoryRuntimeStore();
}
