using Serverless.Workflows.Model;

namespace Serverless.Shared.Tests.Workflows;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 6)]
    [InlineData(4, 18)]
    [InlineData(5, 30)]
    public void DelayBefore_Attempt_GrowsByCoefficientUpToMaxInterval(int attempt, double seconds)
    {
        // Arrange
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(2), 3, TimeSpan.FromSeconds(30));

        // Act
        var delay = policy.DelayBefore(attempt);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void DelayBefore_HugeExponentWithoutCap_StaysWithinMaximumDuration()
    {
        // Arrange
        var policy = new RetryPolicy(int.MaxValue, TimeSpan.FromDays(1), 100);

        // Act
        var delay = policy.DelayBefore(1_000);

        // Assert
        Assert.Equal(IsoDuration.Maximum, delay);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void DelayBefore_AttemptOutsideRange_ThrowsArgumentOutOfRange(int attempt)
    {
        // Arrange
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1));

        // Act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => policy.DelayBefore(attempt));

        // Assert
        Assert.Equal("attempt", error.ParamName);
    }
}
